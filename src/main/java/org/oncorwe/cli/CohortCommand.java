package org.oncorwe.cli;

import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Publisher;
import picocli.CommandLine.Command;

import java.time.LocalDate;

@Command(name = "cohort", mixinStandardHelpOptions = true,
        description = "Derive lines of therapy, biomarkers and the study cohorts with their attrition from the published "
                + "staged tables; publishes lines_of_therapy, cohort, cohort_attrition and cohort_exclusions "
                + "(only the chosen studies' partitions are replaced).")
final class CohortCommand extends StageCommand {

    @Override
    protected int execute(RunContext run) {
        var studies = CohortRun.studies(run, stage.studies);
        Publisher publisher = run.publisher();
        publisher.recover();
        LocalDate date = stage.extractDate != null ? stage.extractDate
                : ExtractLocator.newestPartition(run.outputRoot().resolve("staged_patient"))
                .orElseThrow(() -> new PipelineFailure("no published staged_patient under " + run.outputRoot()
                        + " (run ingest first, or give --output)"));
        CohortRun.Staged staged = CohortRun.stage(run, run.outputRoot(), date, studies, stage.allowMixed, publisher);
        publisher.publish(run.manifest().runId(), staged.partitions());
        run.println("extract date " + date + ", studies " + String.join(", ", staged.studies()));
        staged.rows().forEach((table, n) -> run.println(table + ": " + n + " rows"));
        run.println("outputs: " + run.outputRoot());
        return ExitCode.OK;
    }
}
