package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;

@Command(name = "cohort", mixinStandardHelpOptions = true,
        description = "Derive lines of therapy, biomarkers and the study cohorts with their attrition.")
final class CohortCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("the cohort stage, issue #7");
    }
}
