package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic registry extract (DIR/<extract-date>/) and the truth it planted (DIR/truth/<extract-date>/).")
final class GenerateCommand extends PipelineCommand {

    @Option(names = "--patients", paramLabel = "N", defaultValue = "1000", description = "Patients to generate (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20201031", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--extract-date", paramLabel = "yyyy-MM-dd", defaultValue = "2020-10-31", description = "Extract date (default: ${DEFAULT-VALUE}).")
    java.time.LocalDate extractDate;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "smc", description = "Calibration profile: smc or cleopatra (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Folder to write the extract and its truth into.")
    Path output;

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("the synthetic registry generator, issue #3");
    }
}
