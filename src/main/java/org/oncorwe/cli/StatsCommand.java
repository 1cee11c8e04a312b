package org.oncorwe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Survival statistics, response and toxicity summaries and the baseline table, per study.")
final class StatsCommand extends PendingCommand {

    @Mixin
    StageOptions stage;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }

    @Override
    protected String plannedIn() {
        return "the stats stage, issue #9";
    }
}
