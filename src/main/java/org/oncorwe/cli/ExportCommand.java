package org.oncorwe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a published table as CSV (for R and spreadsheet users).")
final class ExportCommand extends PendingCommand {

    @Option(names = "--table", paramLabel = "NAME", required = true, description = "Published table name (e.g. km_curve).")
    String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "Output format: csv (default).")
    String format;

    @Option(names = "--to", paramLabel = "FILE", description = "CSV file to write (default: standard output).")
    Path to;

    @Mixin
    StageOptions stage;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }

    @Override
    protected String plannedIn() {
        return "export, issue #9";
    }
}
