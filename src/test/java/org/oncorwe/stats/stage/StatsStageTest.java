package org.oncorwe.stats.stage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.spark.ParquetSubjects;
import org.oncorwe.stats.spark.StatsStage;
import org.oncorwe.stats.tables.InputColumns;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.stats.tables.SurvivalReport;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stats stage through Spark on the sample's cohorts, with a seeded hand-made endpoints
 * partition (the endpoints stage's toxicity graders are another task): its tables equal the
 * survival command's on the same subjects, small cells are suppressed in the published copy only.
 */
@Tag("spark")
class StatsStageTest {

    private static final String THP = "first_line_thp";
    private static final String VS = "first_line_th_vs_thp";
    private static final StatsSettings S = StatsFixtures.settings();
    private static Path staging;
    private static Dataset<Row> subjects;
    private static StatsStage.Result result;

    @BeforeAll
    static void runTheStage() throws Exception {
        SparkSession spark = SharedSpark.get();
        Path sample = IngestedExtracts.sampleWithCohorts();
        Path tables = TestPaths.emptyHome("stats-stage").resolve("tables");
        Files.createDirectories(tables);
        Files.createSymbolicLink(tables.resolve("cohort"), sample.resolve("cohort"));
        Files.createSymbolicLink(tables.resolve("staged_drug_administration"), sample.resolve("staged_drug_administration"));
        for (String study : List.of(THP, VS)) {
            Dataset<Row> cohort = spark.read().parquet(sample.resolve("cohort/extract_date=2020-10-31/study=" + study).toString());
            endpoints(cohort).write().parquet(tables.resolve("endpoints/extract_date=2020-10-31/study=" + study).toString());
            cohort.select(col("patient_key"), lit("Nausea").as("ctcae_term"),
                            expr("cast(1 + pmod(hash(patient_key, 5), 3) as int)").as("max_grade"))
                    .write().parquet(tables.resolve("toxicity/extract_date=2020-10-31/study=" + study).toString());
        }
        staging = tables.getParent().resolve("staging");
        result = StatsStage.run(spark, tables, IngestedExtracts.DATE, List.of(THP, VS), S,
                Map.of("pipeline_version", "test", "config_hash", "h"), staging);
        subjects = spark.read().parquet(sample.resolve("cohort/extract_date=2020-10-31/study=" + THP).toString())
                .join(spark.read().parquet(tables.resolve("endpoints/extract_date=2020-10-31/study=" + THP).toString())
                        .drop("pipeline_version", "config_hash", "key_id"), "patient_key");
    }

    /** Seeded endpoints per cohort patient: OS to 2 400 days, PFS before it, responders with a DoR (and a seeded nausea grade). */
    private static Dataset<Row> endpoints(Dataset<Row> cohort) {
        return cohort.select(col("patient_key"), col("key_id"))
                .withColumn("os_days", expr("cast(pmod(hash(patient_key), 2400) as int)"))
                .withColumn("os_event", expr("cast(if(pmod(hash(patient_key, 1), 3) = 0, 0, 1) as int)"))
                .withColumn("pfs_days", expr("cast(pmod(hash(patient_key, 2), os_days + 1) as int)"))
                .withColumn("pfs_event", expr("cast(if(pfs_days < os_days, 1, os_event) as int)"))
                .withColumn("pfs_trial_days", col("pfs_days"))
                .withColumn("pfs_trial_event", expr("cast(pmod(hash(patient_key, 4), 2) as int)"))
                .withColumn("responder", expr("pmod(hash(patient_key, 3), 3) > 0"))
                .withColumn("dor_days", expr("if(responder, cast(greatest(pfs_days - 50, 0) as int), null)"))
                .withColumn("dor_event", expr("if(responder, pfs_event, null)"))
                .withColumn("measurable", lit(true)).withColumn("best_response", expr("if(responder, 'PR', 'SD')"))
                .withColumn("dor_months", expr("cast(dor_days as double) / 30.4375d"))
                .withColumn("long_term_responder", expr("if(responder, dor_days > 1066, null)"))
                .withColumn("pipeline_version", lit("test")).withColumn("config_hash", lit("h"));
    }

    private static List<Map<String, Object>> staged(String table, String study, Map<String, Object> where) {
        return staged(staging, table, study, where);
    }

    /** A staged partition's rows (extract date 2020-10-31) as maps, those matching {@code where}. */
    static List<Map<String, Object>> staged(Path staging, String table, String study, Map<String, Object> where) {
        Dataset<Row> t = SharedSpark.get().read().parquet(staging.resolve(table)
                .resolve("extract_date=2020-10-31/study=" + study).toString());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : t.collectAsList()) {
            Map<String, Object> row = new HashMap<>();
            for (String c : t.columns()) {
                row.put(c, r.getAs(c));
            }
            if (where.entrySet().stream().allMatch(e -> java.util.Objects.equals(e.getValue(), row.get(e.getKey())))) {
                out.add(row);
            }
        }
        return out;
    }

    private static OutputTable table(SurvivalReport.Result r, String name) {
        return r.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theUnsuppressedTablesEqualTheSurvivalCommandOnTheSameSubjects() {
        SurvivalReport.Options all = new SurvivalReport.Options("os", null, null, S.confType(), S.landmarkDays(),
                S.rmstTauDays(), S.ties());
        SurvivalReport.Result pooled = SurvivalReport.of(ParquetSubjects.aggregate(subjects, "x",
                new InputColumns("os_days", "os_event", null, null)).data(), all);
        StatsFixtures.assertSameRows(StatsFixtures.rows(table(pooled, "km_curve"), Map.of()),
                staged("internal_km_curve", THP, Map.of("endpoint", "os", "factor", "all")), S.daysPerMonth(), "km all");
        StatsFixtures.assertSameRows(StatsFixtures.rows(table(pooled, "survival_summary"), Map.of()),
                staged("internal_survival_summary", THP, Map.of("endpoint", "os", "factor", "all")), S.daysPerMonth(),
                "summary all");
        Dataset<Row> known = subjects.filter(col("hr_status").isin("NEGATIVE", "POSITIVE"));
        SurvivalReport.Result byHr = SurvivalReport.of(ParquetSubjects.aggregate(known, "x",
                new InputColumns("pfs_days", "pfs_event", "hr_status", null)).data(), new SurvivalReport.Options("pfs",
                "hr_status", null, S.confType(), S.landmarkDays(), S.rmstTauDays(), S.ties()));
        for (String t : List.of("survival_test", "hazard_ratio", "survival_landmark")) {
            List<Map<String, Object>> mine = new ArrayList<>(staged(t, THP, Map.of("endpoint", "pfs", "factor", "hr_status")));
            mine.removeIf(r -> r.containsKey("level") && !Arrays.asList("NEGATIVE", "POSITIVE").contains(r.get("level")));
            mine.sort(java.util.Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("level")))
                    .thenComparing(r -> String.valueOf(r.get("test"))).thenComparing(r -> (Double) r.getOrDefault("time", 0.0)));
            List<Map<String, Object>> command = new ArrayList<>(StatsFixtures.rows(table(byHr, t), Map.of("factor", "hr_status")));
            command.sort(java.util.Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("level")))
                    .thenComparing(r -> String.valueOf(r.get("test"))).thenComparing(r -> (Double) r.getOrDefault("time", 0.0)));
            StatsFixtures.assertSameRows(command, mine, S.daysPerMonth(), t);
        }
        long atRisk = subjects.filter(col("os_days").geq(126)).count();
        assertEquals(atRisk, staged("internal_survival_summary", THP,
                Map.of("endpoint", "os_lm126", "factor", "all", "median_ci_method", "r")).get(0).get("n"));
    }

    @Test
    void smallCellsAreSuppressedInThePublishedCopyOnly() {
        List<Map<String, Object>> km = staged("km_curve", THP, Map.of());
        List<Map<String, Object>> internal = staged("internal_km_curve", THP, Map.of());
        assertTrue(km.stream().allMatch(r -> (Long) r.get("n_risk") >= 5));
        assertTrue(internal.stream().anyMatch(r -> (Long) r.get("n_risk") < 5), "the sample has tails to cut");
        List<Map<String, Object>> hidden = staged("survival_summary", THP, Map.of("suppressed", true));
        assertFalse(hidden.isEmpty(), "the sample's subgroups have small cells");
        hidden.forEach(r -> assertNull(r.get("n")));
        assertEquals(hidden.size(), staged("internal_survival_summary", THP, Map.of("suppressed", true)).size());
        staged("internal_survival_summary", THP, Map.of("suppressed", true)).forEach(r -> assertTrue((Long) r.get("n") >= 0));
        assertEquals(result.rowsPerTable().get("internal_km_curve"), (long) internal.size()
                + staged("internal_km_curve", VS, Map.of()).size());
    }

    @Test
    void partitionsHoldLineageButNoStudyColumnAndTheComparisonIsAdjusted() {
        Dataset<Row> t = SharedSpark.get().read().parquet(staging.resolve("hazard_ratio/extract_date=2020-10-31/study=" + VS)
                .toString());
        List<String> columns = Arrays.asList(t.columns());
        assertFalse(columns.contains("study"));
        assertTrue(columns.containsAll(List.of("pipeline_version", "config_hash", "key_id", "adjusted_for")));
        List<Map<String, Object>> adjusted = staged("hazard_ratio", VS, Map.of("endpoint", "pfs_trial", "strata", "prior_anti_her2",
                "term", "index_label=THP"));
        assertEquals(1, adjusted.size());
        assertEquals("TH", adjusted.get(0).get("reference"));
        assertEquals("age_group,hr_status,disease_setting,visceral_mets,brain_mets", adjusted.get(0).get("adjusted_for"));
        List<Map<String, Object>> stratified = staged("hazard_ratio", VS, Map.of("endpoint", "pfs_trial", "strata", "prior_anti_her2",
                "term", "THP"));
        assertEquals(1, stratified.size());
        assertNull(stratified.get(0).get("adjusted_for"));
    }
}
