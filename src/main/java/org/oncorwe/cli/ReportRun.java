package org.oncorwe.cli;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.report.Report;
import org.oncorwe.report.spark.ReportStage;
import org.oncorwe.runtime.PipelineVersion;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;
import org.oncorwe.stats.stage.StatsSettings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report stage as the {@code report} and {@code run} commands run it: from the tables under
 * {@code tables} (published, or the run's staging) into {@code _staging/<run_id>/report/<date>/},
 * published like a table partition to {@code OUT/report/<date>/} (decision 201).
 */
final class ReportRun {

    static final String TABLE = "report";

    /** The staged report folder (one partition to publish), where it will be live, and its files. */
    record Staged(Publisher.Partition partition, Path index, int figures) {
    }

    private ReportRun() {
    }

    static Staged stage(RunContext run, Path tables, LocalDate extractDate, List<String> studies, boolean allowMixed,
                        Publisher publisher) {
        OncoRweConfig c = run.config();
        // the default study (the paper's, first_line_thp) leads the report; the others follow in the order given
        String lead = c.get(ConfigKeys.COHORT_DEFAULT_STUDY);
        studies = new ArrayList<>(studies);
        if (studies.remove(lead)) {
            studies.add(0, lead);
        }
        List<String> read = new ArrayList<>(List.of("rejects/{date}", "ingest_report/{date}"));
        for (String s : studies) {
            for (String t : List.of("cohort_attrition", "endpoints", "internal_km_curve", "internal_survival_summary",
                    "survival_test", "hazard_ratio", "internal_baseline_table", "internal_response_summary", "internal_ae_summary")) {
                read.add(t + "/{date}/study=" + s);
            }
        }
        Map<String, String> inputs = Lineage.inputs(run, tables, extractDate, read, allowMixed, TABLE);
        String runId = run.manifest().runId();
        Publisher.Partition partition = new Publisher.Partition(TABLE, extractDate.toString());
        Path dir = publisher.staging(runId).resolve(TABLE).resolve(extractDate.toString());
        ReportStage.Result result = ReportStage.run(SparkSessions.forStage(c, runId, org.oncorwe.runtime.Stage.REPORT), tables, extractDate, studies,
                StatsSettings.from(c), new ReportStage.Run(PipelineVersion.get(), c.configHash(),
                        c.tree(List.of("stats", "privacy"))), dir);
        Report.Written written = result.written();
        if (result.keyId() != null) {
            run.manifest().keyId(result.keyId());
        }
        Lineage.stamp(run, publisher, List.of(partition), result.keyId() == null ? "" : result.keyId(), inputs);
        run.manifest().rows(TABLE + "_figures", written.figures().size());
        return new Staged(partition, run.outputRoot().resolve(TABLE).resolve(extractDate.toString()).resolve(Report.INDEX),
                written.figures().size());
    }
}
