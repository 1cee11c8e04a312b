package org.oncorwe.cli;

import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.runtime.PipelineVersion;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;
import org.oncorwe.stats.spark.StatsStage;
import org.oncorwe.stats.stage.StatsSettings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stats stage as the {@code stats} and {@code run} commands run it: from the cohort,
 * endpoints, toxicity and staged drug administrations under {@code tables} (published, or the run's
 * staging) into the run's staging folder; hands back the partitions to publish.
 */
final class StatsRun {

    /** What the stage staged: the partitions to publish and the rows per table. */
    record Staged(List<Publisher.Partition> partitions, Map<String, Long> rows) {
    }

    private StatsRun() {
    }

    static Staged stage(RunContext run, Path tables, LocalDate extractDate, List<String> studies, boolean allowMixed,
                        Publisher publisher) {
        OncoRweConfig c = run.config();
        StatsSettings settings = StatsSettings.from(c);
        List<String> read = new ArrayList<>(List.of("staged_drug_administration/{date}"));
        studies.forEach(s -> {
            read.add("cohort/{date}/study=" + s);
            read.add("endpoints/{date}/study=" + s);
            read.add("toxicity/{date}/study=" + s);
        });
        Map<String, String> inputs = Lineage.inputs(run, tables, extractDate, read, allowMixed, "stats");
        String runId = run.manifest().runId();
        StatsStage.Result result = StatsStage.run(SparkSessions.forStage(c, runId, org.oncorwe.runtime.Stage.STATS), tables, extractDate, studies,
                settings, Map.of("pipeline_version", PipelineVersion.get(), "config_hash", c.configHash()),
                publisher.staging(runId));
        run.manifest().keyId(result.keyId());
        List<Publisher.Partition> partitions = new ArrayList<>();
        for (String table : result.rowsPerTable().keySet()) {
            partitions.addAll(publisher.staged(runId, table, 2));
        }
        Lineage.stamp(run, publisher, partitions, result.keyId(), inputs);
        result.rowsPerTable().forEach(run.manifest()::rows);
        return new Staged(partitions, result.rowsPerTable());
    }
}
