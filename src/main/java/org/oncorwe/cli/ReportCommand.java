package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the HTML report (tables and figures) of one extract date.")
final class ReportCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("the report stage, issue #9");
    }
}
