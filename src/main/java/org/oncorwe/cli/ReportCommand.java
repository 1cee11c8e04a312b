package org.oncorwe.cli;

import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.report.spark.ReportReader;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;
import org.oncorwe.cohort.StudyAttrition;
import picocli.CommandLine.Command;

import java.time.LocalDate;
import java.util.List;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the HTML report of one extract date: OUT/report/<extract_date>/index.html (one self-contained "
                + "file) and every figure as PNG and SVG beside it, from the published statistics tables (unsuppressed "
                + "internal_* copies: for the study team). Without --study: every study the stats stage wrote.")
final class ReportCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        Publisher publisher = run.publisher();
        publisher.recover();
        LocalDate date = stage.extractDate != null ? stage.extractDate
                : ExtractLocator.newestPartition(run.outputRoot().resolve("internal_km_curve"))
                .orElseThrow(() -> new PipelineFailure("no published statistics under " + run.outputRoot()
                        + " (run stats first, or give --output)"));
        List<String> studies = stage.studies.isEmpty()
                ? new ReportReader(SparkSessions.create(run.config(), "oncorwe " + run.manifest().runId()), run.outputRoot(), date)
                        .studies("internal_km_curve")
                : CohortRun.studies(run, stage.studies).stream().map(StudyAttrition.Study::id).toList();
        if (studies.isEmpty()) {
            throw new PipelineFailure("no statistics of extract date " + date + " under " + run.outputRoot() + " (run stats first)");
        }
        run.manifest().put("studies", studies);
        run.manifest().put("extract_date", date.toString());
        ReportRun.Staged staged = ReportRun.stage(run, run.outputRoot(), date, studies, stage.allowMixed, publisher);
        publisher.publish(run.manifest().runId(), List.of(staged.partition()));
        run.println("extract date " + date + ", studies " + String.join(", ", studies) + ", " + staged.figures() + " figure files");
        run.println("report: " + staged.index());
        return ExitCode.OK;
    }
}
