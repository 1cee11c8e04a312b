package org.oncorwe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "cohort", mixinStandardHelpOptions = true,
        description = "Derive lines of therapy, biomarkers and the study cohorts with their attrition.")
final class CohortCommand extends PendingCommand {

    @Mixin
    StageOptions stage;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }

    @Override
    protected String plannedIn() {
        return "the cohort stage, issue #7";
    }
}
