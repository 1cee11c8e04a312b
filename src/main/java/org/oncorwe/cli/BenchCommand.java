package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: floor (parse every extract file and write it as Parquet, nothing else) and stage timings.")
final class BenchCommand extends StageCommand {

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: floor.")
    String what;

    @Option(names = "--extract", paramLabel = "DIR", description = "The extract folder.")
    Path extract;

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("benchmarks, issue #12");
    }
}
