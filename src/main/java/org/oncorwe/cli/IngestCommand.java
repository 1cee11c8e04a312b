package org.oncorwe.cli;

import org.oncorwe.runtime.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read a raw registry extract into typed, pseudonymised staged tables, rejects and the ingest report.")
final class IngestCommand extends StageCommand {

    @Option(names = "--extract", paramLabel = "DIR", required = true, description = "The extract folder.")
    Path extract;

    @Override
    protected int execute(RunContext run) {
        Publisher publisher = run.publisher();
        IngestRun.Staged staged = IngestRun.stage(run, extract.toAbsolutePath(), Optional.ofNullable(stage.extractDate), publisher);
        publisher.publish(run.manifest().runId(), staged.partitions());
        staged.rows().forEach((table, n) -> run.println(table + ": " + n + " rows"));
        run.println("outputs: " + run.outputRoot());
        return ExitCode.OK;
    }
}
