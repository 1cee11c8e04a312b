package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;

@Command(name = "endpoints", mixinStandardHelpOptions = true,
        description = "Derive OS and PFS, RECIST best overall response and CTCAE-graded toxicities.")
final class EndpointsCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("the endpoints stage, issue #8");
    }
}
