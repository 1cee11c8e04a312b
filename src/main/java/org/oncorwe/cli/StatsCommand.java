package org.oncorwe.cli;

import org.oncorwe.cohort.StudyAttrition;
import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Publisher;
import picocli.CommandLine.Command;

import java.time.LocalDate;
import java.util.List;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Statistics per study from the published cohort, endpoints and toxicity: km_curve, survival_summary, "
                + "survival_landmark, survival_test, logrank_groups, hazard_ratio, baseline_table, response_summary, ae_summary "
                + "(small cells suppressed; the unsuppressed internal_* copies for the report). Only the chosen studies' "
                + "partitions are replaced.")
final class StatsCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        List<String> studies = CohortRun.studies(run, stage.studies).stream().map(StudyAttrition.Study::id).toList();
        Publisher publisher = run.publisher();
        publisher.recover();
        LocalDate date = stage.extractDate != null ? stage.extractDate
                : ExtractLocator.newestPartition(run.outputRoot().resolve("endpoints"))
                .orElseThrow(() -> new PipelineFailure("no published endpoints under " + run.outputRoot()
                        + " (run endpoints first, or give --output)"));
        run.manifest().put("studies", studies);
        run.manifest().put("extract_date", date.toString());
        StatsRun.Staged staged = StatsRun.stage(run, run.outputRoot(), date, studies, stage.allowMixed, publisher);
        publisher.publish(run.manifest().runId(), staged.partitions());
        run.println("extract date " + date + ", studies " + String.join(", ", studies));
        staged.rows().forEach((table, n) -> run.println(table + ": " + n + " rows"));
        run.println("outputs: " + run.outputRoot());
        return ExitCode.OK;
    }
}
