package org.oncorwe.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Options of the stage subcommands that read and write the published tables under one output root. */
final class StageOptions {

    @Option(names = "--output", paramLabel = "OUT",
            description = "Output root (tables, _runs, report); default: runtime.output (out/).")
    Path output;

    @Option(names = "--extract-date", paramLabel = "yyyy-MM-dd",
            description = "Extract date of the partitions to read and write.")
    LocalDate extractDate;

    @Option(names = "--study", paramLabel = "ID", split = ",",
            description = "Study id(s) from the config, or 'all' (default: cohort.default_study).")
    List<String> studies = new ArrayList<>();

    @Option(names = "--allow-mixed",
            description = "Read inputs even when one was derived from a partition that has since been replaced by another run.")
    boolean allowMixed;
}
