package org.oncorwe.stats.spark;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.oncorwe.ingest.StagedReader;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.StepLog;
import org.oncorwe.stats.stage.Observations;
import org.oncorwe.stats.stage.SmallCells;
import org.oncorwe.stats.stage.StatsSettings;
import org.oncorwe.stats.stage.StudyStatistics;
import org.oncorwe.stats.stage.SummaryTables;
import org.oncorwe.stats.tables.OutputTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.oncorwe.runtime.SparkTables.seq;
import static org.oncorwe.runtime.SparkTables.writePartition;

/**
 * The stats stage's Spark shell: per chosen study, joins the published cohort and endpoints
 * partitions (and the index line's docetaxel dates before the os_lm126 landmark from
 * staged_drug_administration), turns each patient into observations with the plain-Java
 * {@link Observations}, and counts them per (study, endpoint, factor, level, day) — integers
 * only. The driver computes every estimate ({@link StudyStatistics}, a fixed order), suppresses
 * small cells ({@link SmallCells}) and writes one partition per table, extract date and study;
 * the unsuppressed km_curve and survival_summary go to {@code internal_*} tables for the report.
 * The summary tables (baseline_table, response_summary, ae_summary, with the toxicity partition) are
 * computed on the driver from the study's patients counted per distinct value in Spark ({@link SummaryInput},
 * {@link SummaryTables}).
 */
public final class StatsStage {

    /** Rows per table (summed over studies) and the key id the inputs carry. */
    public record Result(Map<String, Long> rowsPerTable, String keyId) {
    }

    /** The published (suppressed) tables. */
    public static final List<String> TABLES = concat(StudyStatistics.TABLES, SummaryTables.TABLES);
    /** The unsuppressed copies the report reads (internal zone, like staged_*). */
    public static final List<String> INTERNAL = concat(List.of("internal_km_curve", "internal_survival_summary"),
            SummaryTables.TABLES.stream().map(t -> SummaryTables.INTERNAL_PREFIX + t).toList());

    private static final StructType OBSERVATION = new StructType()
            .add("endpoint", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("level", DataTypes.StringType, true).add("time", DataTypes.IntegerType, false)
            .add("event", DataTypes.BooleanType, false);
    private static final StructType PATTERN = new StructType()
            .add("endpoint", DataTypes.StringType, false).add("stratum", DataTypes.StringType, true)
            .add("levels", DataTypes.createArrayType(DataTypes.StringType, true), false)
            .add("time", DataTypes.IntegerType, false).add("event", DataTypes.BooleanType, false);
    private static final StructType PER_PATIENT = new StructType()
            .add("study", DataTypes.StringType, false)
            .add("observations", DataTypes.createArrayType(OBSERVATION, false), false)
            .add("patterns", DataTypes.createArrayType(PATTERN, false), false);

    private StatsStage() {
    }

    /**
     * Computes the statistics tables of {@code studies} from the cohort, endpoints and staged
     * tables under {@code tables} and writes them under {@code staging}. The lineage gives
     * pipeline_version and config_hash; key_id is the cohort rows' own.
     */
    public static Result run(SparkSession spark, Path tables, LocalDate extractDate, List<String> studies, StatsSettings s,
                             Map<String, String> runLineage, Path staging) {
        StepLog progress = StepLog.of("stats");
        for (String study : studies) {
            partition(tables, "toxicity", extractDate, study);
        }
        Dataset<Row> patients = input(spark, tables, extractDate, studies, s);
        List<String> keys = patients.select("key_id").distinct().as(Encoders.STRING()).collectAsList();
        if (keys.size() > 1) {
            throw new PipelineFailure("the cohort tables of " + extractDate + " carry " + keys.size() + " pseudonym key ids; rerun");
        }
        String keyId = keys.isEmpty() ? runLineage.getOrDefault("key_id", "") : keys.get(0);
        Map<String, String> lineage = new LinkedHashMap<>(runLineage);
        lineage.put("key_id", keyId);

        Dataset<Row> derived = patients.map((MapFunction<Row, Row>) r -> observe(r, s), Encoders.row(PER_PATIENT))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, List<StudyStatistics.Count>> counts = new HashMap<>();
        for (Row r : derived.select(col("study"), explode(col("observations")).as("o")).select("study", "o.*")
                .groupBy("study", "endpoint", "factor", "level", "time")
                .agg(sum(when(col("event"), 1L).otherwise(0L)).as("d"), count(lit(1)).as("n")).collectAsList()) {
            counts.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new StudyStatistics.Count(r.getString(1),
                    r.getString(2), r.getString(3), r.getInt(4), r.getLong(5), r.getLong(6) - r.getLong(5)));
        }
        Map<String, List<StudyStatistics.PatternCount>> patterns = new HashMap<>();
        for (Row r : derived.select(col("study"), explode(col("patterns")).as("p")).select("study", "p.*")
                .groupBy("study", "endpoint", "stratum", "levels", "time")
                .agg(sum(when(col("event"), 1L).otherwise(0L)).as("d"), count(lit(1)).as("n")).collectAsList()) {
            patterns.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new StudyStatistics.PatternCount(
                    r.getString(1), r.getString(2), r.getList(3), r.getInt(4), r.getLong(5), r.getLong(6) - r.getLong(5)));
        }
        derived.unpersist();

        Map<String, Long> written = new LinkedHashMap<>();
        TABLES.forEach(t -> written.put(t, 0L));
        INTERNAL.forEach(t -> written.put(t, 0L));
        for (String study : studies) {
            Map<String, OutputTable> unsuppressed = StudyStatistics.of(study, counts.getOrDefault(study, List.of()),
                    patterns.getOrDefault(study, List.of()), s);
            SmallCells.Summary summary = SmallCells.summary(unsuppressed.get("survival_summary"), s.minCellCount());
            Map<String, OutputTable> out = new LinkedHashMap<>(unsuppressed);
            out.put("km_curve", SmallCells.cutCurve(unsuppressed.get("km_curve"), s.minCellCount()));
            out.put("survival_summary", summary.published());
            out.put("internal_km_curve", unsuppressed.get("km_curve"));
            out.put("internal_survival_summary", summary.flagged());
            SummaryTables.Tables summaries = SummaryTables.of(study, SummaryInput.data(spark,
                    partition(tables, "cohort", extractDate, study), partition(tables, "endpoints", extractDate, study),
                    partition(tables, "toxicity", extractDate, study), study, s), s);
            out.putAll(summaries.published());
            out.putAll(summaries.internal());
            Path partition = Path.of("extract_date=" + extractDate, "study=" + study);
            for (Map.Entry<String, OutputTable> e : out.entrySet()) {
                long n = writePartition(ParquetTables.frame(spark, e.getValue()).drop("study"), lineage,
                        staging.resolve(e.getKey()).resolve(partition));
                written.merge(e.getKey(), n, Long::sum);
            }
            progress.step(study, unsuppressed.get("km_curve").size(), unsuppressed.get("km_curve").size());
        }
        return new Result(written, keyId);
    }

    /**
     * What the stage reads, one row per (study, cohort patient): the cohort row (key_id included)
     * joined to its endpoints row, plus {@code docetaxel_before_landmark}, the distinct docetaxel
     * dates d of the index line with index_date ≤ d &lt; index_date + os_landmark_docetaxel_days
     * (null without any). {@link #observe} turns each row into the patient's observations.
     */
    public static Dataset<Row> input(SparkSession spark, Path tables, LocalDate extractDate, List<String> studies,
                                     StatsSettings s) {
        Dataset<Row> joined = null;
        for (String study : studies) {
            Dataset<Row> cohort = spark.read().parquet(partition(tables, "cohort", extractDate, study).toString());
            Dataset<Row> endpoints = spark.read().parquet(partition(tables, "endpoints", extractDate, study).toString())
                    .drop("pipeline_version", "config_hash", "key_id");
            for (String column : s.cohortColumns(study)) {
                if (!Arrays.asList(cohort.columns()).contains(column)) {
                    throw new PipelineFailure("the cohort of study " + study + " has no column " + column
                            + " (a factor of stats.subgroup_factors or stats.comparisons)");
                }
            }
            Dataset<Row> one = cohort.join(endpoints, "patient_key").withColumn("study", lit(study));
            joined = joined == null ? one : joined.unionByName(one, true);
        }
        // the index line's docetaxel dates in [index, index + landmark), never after the line's last administration
        Dataset<Row> docetaxel = new StagedReader(spark, tables, extractDate).read("drug_administration")
                .filter(col("administration_given").and(array_contains(col("ingredients"), "docetaxel")))
                .select(col("patient_key"), to_date(col("administration_date")).as("day"));
        Dataset<Row> before = joined.select("study", "patient_key", "index_date", "index_line_end")
                .join(docetaxel, "patient_key")
                .filter(col("day").geq(col("index_date")).and(col("day").leq(col("index_line_end")))
                        .and(col("day").lt(date_add(col("index_date"), s.docetaxelLandmarkDays()))))
                .groupBy("study", "patient_key").agg(countDistinct("day").as("docetaxel_before_landmark"));
        return joined.join(before, new String[] {"study", "patient_key"}, "left");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static Path partition(Path tables, String table, LocalDate extractDate, String study) {
        Path p = tables.resolve(table).resolve("extract_date=" + extractDate).resolve("study=" + study);
        if (!Files.isDirectory(p)) {
            throw new PipelineFailure("no " + table + " partition for study " + study + " and extract date " + extractDate
                    + " under " + tables + " (run " + table + " --study " + study + " first)");
        }
        return p;
    }

    /** One cohort patient of one study: the plain-Java observations over the joined row. */
    static Row observe(Row r, StatsSettings s) {
        String study = r.getAs("study");
        Map<String, String> levels = new HashMap<>();
        for (String column : s.cohortColumns(study)) {
            Object v = r.getAs(column);
            levels.put(column, v == null ? null : v.toString());
        }
        Long before = r.getAs("docetaxel_before_landmark");
        Observations.Patient p = new Observations.Patient(levels, r.<Integer>getAs("os_days"), r.<Integer>getAs("os_event"),
                r.<Integer>getAs("pfs_days"), r.<Integer>getAs("pfs_event"), r.<Integer>getAs("pfs_trial_days"),
                r.<Integer>getAs("pfs_trial_event"), r.getAs("dor_days"), r.getAs("dor_event"), r.getAs("responder"),
                r.getAs("docetaxel_admins"), before == null ? 0 : before.intValue(), r.getAs("index_line_days"));
        List<Row> observations = new ArrayList<>();
        for (Observations.Observation o : Observations.of(p, study, s)) {
            observations.add(RowFactory.create(o.endpoint(), o.factor(), o.level(), o.time(), o.event()));
        }
        List<Row> patterns = new ArrayList<>();
        for (Observations.Pattern x : Observations.patterns(p, s.comparison(study))) {
            patterns.add(RowFactory.create(x.endpoint(), x.stratum(), seq(x.levels()), x.time(), x.event()));
        }
        return RowFactory.create(study, seq(observations), seq(patterns));
    }
}
