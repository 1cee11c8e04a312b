package org.oncorwe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read a raw registry extract into typed, pseudonymised staged tables, rejects and the ingest report.")
final class IngestCommand extends PendingCommand {

    @Option(names = "--extract", paramLabel = "DIR", required = true, description = "The extract folder.")
    Path extract;

    @Mixin
    StageOptions stage;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }

    @Override
    protected String plannedIn() {
        return "the ingest stage, issue #6";
    }
}
