package org.oncorwe.cli;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.endpoints.EndpointsStage;
import org.oncorwe.endpoints.PatientEndpoints;
import org.oncorwe.endpoints.Toxicity;
import org.oncorwe.runtime.PipelineVersion;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The endpoints stage as the {@code endpoints} and {@code run} commands run it: from the cohort
 * and staged tables under {@code tables} (published, or the run's staging) into the run's
 * staging folder; hands back the partitions to publish.
 */
final class EndpointsRun {

    /** What the stage staged: the partitions to publish and the rows per table. */
    record Staged(List<Publisher.Partition> partitions, Map<String, Long> rows) {
    }

    private EndpointsRun() {
    }

    static Staged stage(RunContext run, Path tables, LocalDate extractDate, List<String> studies, boolean allowMixed,
                        Publisher publisher) {
        OncoRweConfig c = run.config();
        List<String> read = new ArrayList<>(List.of("lines_of_therapy/{date}", "staged_patient/{date}",
                "staged_tumor_assessment/{date}", "staged_lab_result/{date}", "staged_measurement/{date}",
                "staged_adverse_event/{date}"));
        studies.forEach(s -> read.add("cohort/{date}/study=" + s));
        Map<String, String> inputs = Lineage.inputs(run, tables, extractDate, read, allowMixed, "endpoints");
        String runId = run.manifest().runId();
        EndpointsStage.Result result = EndpointsStage.run(SparkSessions.forStage(c, runId, org.oncorwe.runtime.Stage.ENDPOINTS), tables, extractDate, studies,
                PatientEndpoints.Params.from(c), Toxicity.Params.from(c), c.get(ConfigKeys.STATS_DAYS_PER_MONTH),
                Map.of("pipeline_version", PipelineVersion.get(), "config_hash", c.configHash()), publisher.staging(runId));
        run.manifest().keyId(result.keyId());
        List<Publisher.Partition> partitions = new ArrayList<>();
        for (String table : EndpointsStage.TABLES) {
            partitions.addAll(publisher.staged(runId, table, 2));
        }
        Lineage.stamp(run, publisher, partitions, result.keyId(), inputs);
        result.rowsPerTable().forEach(run.manifest()::rows);
        return new Staged(partitions, result.rowsPerTable());
    }
}
