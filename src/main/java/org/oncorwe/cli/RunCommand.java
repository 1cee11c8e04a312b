package org.oncorwe.cli;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The whole pipeline on one extract. Runs the stages built so far, names the ones still pending,
 * and publishes only after the last stage succeeded.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on one extract: ingest, cohort, endpoints, stats, report. "
                + "Without --extract: the newest extract of the bundled synthetic sample (dev.sample_dir).")
final class RunCommand extends StageCommand {

    @Option(names = "--extract", paramLabel = "DIR", description = "The extract folder (holding patient.csv, ...).")
    Path extract;

    @Override
    protected int execute(RunContext run) {
        Path sampleDir = run.invocation().fromHome(run.config().get(ConfigKeys.DEV_SAMPLE_DIR));
        Optional<Path> found = extract != null ? Optional.of(extract.toAbsolutePath()) : ExtractLocator.newest(sampleDir);
        List<String> pending = Stage.pending().stream().map(Stage::command).toList();
        run.manifest().put("pending_stages", pending);
        if (found.isEmpty()) {
            run.println("no extract to run: " + sampleDir + " holds no yyyy-MM-dd extract yet "
                    + "(the synthetic sample comes with the generator); give --extract DIR");
            if (!pending.isEmpty()) {
                run.println("pending: " + String.join(" ", pending));
            }
            return ExitCode.OK;
        }
        Path dir = found.get();
        if (!Files.isDirectory(dir)) {
            throw new PipelineFailure("extract folder not found: " + dir);
        }
        var studies = CohortRun.studies(run, stage.studies); // a wrong --study fails before the ingest
        // every built stage stages its tables; all are published together after the last one (outputs.md)
        Publisher publisher = run.publisher();
        IngestRun.Staged staged = IngestRun.stage(run, dir, Optional.ofNullable(stage.extractDate), publisher);
        LocalDate extractDate = staged.extractDate();
        // the next stages read the ingest's tables from this run's staging folder: nothing is published yet
        CohortRun.Staged cohort = CohortRun.stage(run, publisher.staging(run.manifest().runId()), extractDate, studies, false,
                publisher);
        EndpointsRun.Staged endpoints = EndpointsRun.stage(run, publisher.staging(run.manifest().runId()), extractDate,
                cohort.studies(), false, publisher);
        StatsRun.Staged stats = StatsRun.stage(run, publisher.staging(run.manifest().runId()), extractDate, cohort.studies(),
                false, publisher);
        ReportRun.Staged report = ReportRun.stage(run, publisher.staging(run.manifest().runId()), extractDate, cohort.studies(),
                false, publisher);
        List<Publisher.Partition> partitions = new java.util.ArrayList<>(staged.partitions());
        partitions.addAll(cohort.partitions());
        partitions.addAll(endpoints.partitions());
        partitions.addAll(stats.partitions());
        partitions.add(report.partition());
        publisher.publish(run.manifest().runId(), partitions);
        run.println("extract: " + dir + " (extract date " + extractDate + ")");
        staged.rows().forEach((table, n) -> run.println("  " + table + ": " + n + " rows"));
        run.println("studies: " + String.join(", ", cohort.studies()));
        cohort.rows().forEach((table, n) -> run.println("  " + table + ": " + n + " rows"));
        endpoints.rows().forEach((table, n) -> run.println("  " + table + ": " + n + " rows"));
        stats.rows().forEach((table, n) -> run.println("  " + table + ": " + n + " rows"));
        if (!pending.isEmpty()) {
            run.println("pending: " + String.join(" ", pending));
        }
        run.println("outputs: " + run.outputRoot());
        run.println("report: " + report.index() + " (" + report.figures() + " figure files beside it)");
        return ExitCode.OK;
    }
}
