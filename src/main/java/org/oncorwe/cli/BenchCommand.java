package org.oncorwe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: floor (parse every extract file and write it as Parquet, nothing else) and stage timings.")
final class BenchCommand extends PendingCommand {

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: floor.")
    String what;

    @Option(names = "--extract", paramLabel = "DIR", description = "The extract folder.")
    Path extract;

    @Mixin
    StageOptions stage;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }

    @Override
    protected String plannedIn() {
        return "benchmarks, issue #12";
    }
}
