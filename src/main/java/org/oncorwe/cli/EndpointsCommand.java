package org.oncorwe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "endpoints", mixinStandardHelpOptions = true,
        description = "Derive OS and PFS, RECIST best overall response and CTCAE-graded toxicities.")
final class EndpointsCommand extends PendingCommand {

    @Mixin
    StageOptions stage;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }

    @Override
    protected String plannedIn() {
        return "the endpoints stage, issue #8";
    }
}
