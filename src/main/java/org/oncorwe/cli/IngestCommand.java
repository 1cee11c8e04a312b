package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read a raw registry extract into typed, pseudonymised staged tables, rejects and the ingest report.")
final class IngestCommand extends StageCommand {

    @Option(names = "--extract", paramLabel = "DIR", required = true, description = "The extract folder.")
    Path extract;

    @Override
    protected int execute(RunContext run) {
        throw new NotImplementedYet("the ingest stage, issue #6");
    }
}
