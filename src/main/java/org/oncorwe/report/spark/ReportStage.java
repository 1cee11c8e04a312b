package org.oncorwe.report.spark;

import org.apache.spark.sql.SparkSession;
import org.oncorwe.report.LongTermResponders;
import org.oncorwe.report.Report;
import org.oncorwe.report.ReportInput;
import org.oncorwe.report.StudyTables;
import org.oncorwe.runtime.StepLog;
import org.oncorwe.stats.stage.Comparison;
import org.oncorwe.stats.stage.StatsSettings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report stage's Spark shell: reads each study's unsuppressed curves and summaries
 * (internal_*), tests, hazard ratios, attrition and summary tables, the data-quality tables and
 * Fig 2's counts, then hands them to the plain-Java {@link Report}, which writes
 * {@code <dir>/index.html} and the figures.
 */
public final class ReportStage {

    /** The figure factors whose levels the report takes from stats.factor_levels. */
    private static final List<String> FIGURE_FACTORS = List.of("docetaxel_ge6", "prior_anti_her2", "index_line_ongoing");

    private ReportStage() {
    }

    /** What the report was given besides the tables: the run's identity and options. */
    public record Run(String pipelineVersion, String configHash, Map<String, Object> options) {
    }

    /** The written report and the pseudonym key id of the tables it read (null when none or several). */
    public record Result(Report.Written written, String keyId) {
    }

    public static Result run(SparkSession spark, Path tables, LocalDate date, List<String> studies, StatsSettings s,
                                     Run run, Path dir) {
        StepLog progress = StepLog.of("report");
        ReportReader reader = new ReportReader(spark, tables, date);
        List<StudyTables> sections = new ArrayList<>();
        for (String study : studies) {
            Comparison c = s.comparison(study);
            Map<String, List<String>> levels = new LinkedHashMap<>();
            FIGURE_FACTORS.forEach(f -> levels.put(f, s.levels(f)));
            if (c != null) {
                levels.put(c.factor(), s.levels(c.factor()));
            }
            LongTermResponders.Result fig2 = LongTermResponders.of(reader.longTermCounts(study), s.confType(), s.daysPerMonth());
            sections.add(new StudyTables(study, c == null ? null : c.factor(), levels,
                    reader.partition("cohort_attrition", study), reader.partition("internal_km_curve", study),
                    reader.partition("internal_survival_summary", study), reader.partition("survival_test", study),
                    reader.partition("hazard_ratio", study), reader.partition("internal_baseline_table", study),
                    reader.partition("internal_response_summary", study), reader.partition("internal_ae_summary", study),
                    fig2.curve(), fig2.logrankP()));
            progress.step(study, 0, 0);
        }
        ReportInput input = new ReportInput(date, run.pipelineVersion(), run.configHash(),
                reader.lineage("internal_km_curve", "config_hash", studies), run.options(), reader.rejectCounts(),
                reader.partition("ingest_report", null), sections);
        List<String> keys = reader.lineage("internal_km_curve", "key_id", studies);
        return new Result(Report.write(input, dir), keys.size() == 1 ? keys.get(0) : null);
    }
}
