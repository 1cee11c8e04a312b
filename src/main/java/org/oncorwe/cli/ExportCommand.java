package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a published table as CSV (for R and spreadsheet users).")
final class ExportCommand extends StageCommand {

    @Option(names = "--table", paramLabel = "NAME", required = true, description = "Published table name (e.g. km_curve).")
    String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "Output format: csv (default).")
    String format;

    @Option(names = "--to", paramLabel = "FILE", description = "CSV file to write (default: standard output).")
    Path to;

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("export, issue #9");
    }
}
