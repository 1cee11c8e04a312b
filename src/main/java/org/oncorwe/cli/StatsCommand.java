package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Survival statistics, response and toxicity summaries and the baseline table, per study.")
final class StatsCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("the stats stage, issue #9");
    }
}
