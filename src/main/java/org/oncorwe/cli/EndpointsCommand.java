package org.oncorwe.cli;

import org.oncorwe.cohort.StudyAttrition;
import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Publisher;
import picocli.CommandLine.Command;

import java.time.LocalDate;
import java.util.List;

@Command(name = "endpoints", mixinStandardHelpOptions = true,
        description = "Derive OS, PFS (registry and trial), RECIST best response and CTCAE-graded toxicities for the published "
                + "cohorts; publishes endpoints, tumor_response and toxicity (only the chosen studies' partitions are replaced).")
final class EndpointsCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        List<String> studies = CohortRun.studies(run, stage.studies).stream().map(StudyAttrition.Study::id).toList();
        Publisher publisher = run.publisher();
        publisher.recover();
        LocalDate date = stage.extractDate != null ? stage.extractDate
                : ExtractLocator.newestPartition(run.outputRoot().resolve("cohort"))
                .orElseThrow(() -> new PipelineFailure("no published cohort under " + run.outputRoot()
                        + " (run cohort first, or give --output)"));
        run.manifest().put("studies", studies);
        run.manifest().put("extract_date", date.toString());
        EndpointsRun.Staged staged = EndpointsRun.stage(run, run.outputRoot(), date, studies, stage.allowMixed, publisher);
        publisher.publish(run.manifest().runId(), staged.partitions());
        run.println("extract date " + date + ", studies " + String.join(", ", studies));
        staged.rows().forEach((table, n) -> run.println(table + ": " + n + " rows"));
        run.println("outputs: " + run.outputRoot());
        return ExitCode.OK;
    }
}
