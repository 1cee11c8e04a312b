package org.oncorwe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the HTML report (tables and figures) of one extract date.")
final class ReportCommand extends PendingCommand {

    @Mixin
    StageOptions stage;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }

    @Override
    protected String plannedIn() {
        return "the report stage, issue #9";
    }
}
