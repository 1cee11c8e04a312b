package org.oncorwe.cli;

import org.apache.spark.sql.SparkSession;
import org.oncorwe.cohort.CohortSettings;
import org.oncorwe.cohort.CohortStage;
import org.oncorwe.cohort.Studies;
import org.oncorwe.cohort.StudyAttrition;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.runtime.PipelineVersion;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cohort stage as the {@code cohort} and {@code run} commands run it: choose the studies,
 * derive from the staged tables under {@code tables} (the published ones, or the run's staging
 * after ingest) into the run's staging folder, and hand back the partitions to publish.
 */
final class CohortRun {

    /** What the stage staged: the partitions to publish and the rows per table. */
    record Staged(List<Publisher.Partition> partitions, Map<String, Long> rows, List<String> studies) {
    }

    private CohortRun() {
    }

    /** The studies {@code --study} names (or the default); an unknown one fails before any work. */
    static List<StudyAttrition.Study> studies(RunContext run, List<String> studyIds) {
        OncoRweConfig c = run.config();
        return Studies.select(c.get(ConfigKeys.COHORT_STUDIES), studyIds, c.get(ConfigKeys.COHORT_DEFAULT_STUDY));
    }

    static Staged stage(RunContext run, Path tables, LocalDate extractDate, List<StudyAttrition.Study> studies,
                        boolean allowMixed, Publisher publisher) {
        OncoRweConfig c = run.config();
        Map<String, String> inputs = Lineage.inputs(run, tables, extractDate, List.of("staged_patient/{date}",
                "staged_drug_administration/{date}", "staged_tumor_event/{date}", "staged_surgery/{date}",
                "staged_pathology/{date}"), allowMixed, "cohort");
        List<String> ids = studies.stream().map(StudyAttrition.Study::id).toList();
        run.manifest().put("studies", ids);
        run.manifest().put("extract_date", extractDate.toString());
        SparkSession spark = SparkSessions.forStage(c, run.manifest().runId(), org.oncorwe.runtime.Stage.COHORT);
        String runId = run.manifest().runId();
        CohortStage.Result result = CohortStage.run(spark, tables, extractDate, studies, CohortSettings.from(c),
                Map.of("pipeline_version", PipelineVersion.get(), "config_hash", c.configHash()), publisher.staging(runId));
        run.manifest().keyId(result.keyId());
        List<Publisher.Partition> partitions = new ArrayList<>(publisher.staged(runId, "lines_of_therapy", 1));
        for (String table : List.of("cohort", "cohort_attrition", "cohort_exclusions")) {
            partitions.addAll(publisher.staged(runId, table, 2));
        }
        Lineage.stamp(run, publisher, partitions, result.keyId(), inputs);
        result.rowsPerTable().forEach(run.manifest()::rows);
        return new Staged(partitions, result.rowsPerTable(), ids);
    }
}
