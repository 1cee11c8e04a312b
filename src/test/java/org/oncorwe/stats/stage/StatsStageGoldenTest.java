package org.oncorwe.stats.stage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.spark.StatsStage;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #9's agreement of the stats stage with R: the real pipeline (ingest, cohort, endpoints,
 * stats) on the bundled sample, every study; the published survival_summary (and its internal,
 * unsuppressed copy), survival_landmark, survival_test and hazard_ratio rows equal R's goldens
 * (make_stats_goldens.R on the committed analysis CSVs), and those CSVs are still what the stage
 * reads, so the goldens cannot go stale silently.
 *
 * <p>Regenerating (after a change to ingest, cohort or endpoints that moves the sample's analysis
 * data): {@code mvn -B -ntp -o test -Dtest=StatsStageGoldenTest -Doncorwe.golden.write=true
 * -Djacoco.skip=true} rewrites the analysis CSVs (this test then fails once, naming them), then
 * {@code cd src/test/resources/golden/stats-stage && Rscript make_stats_goldens.R}.
 */
@Tag("spark")
class StatsStageGoldenTest {

    private static final String HEADER = """
            # One row per cohort patient of study %s of the bundled sample (sample-data/smc-like/2020-10-31), as the stats
            # stage reads it (StatsStage.input): patient_key (the development key's pseudonym, no other identifier), the factor
            # columns of stats.subgroup_factors / stats.comparisons (booleans false/true, empty = null), the endpoint columns
            # (days, 0/1 events; dor_* empty unless a responder), cohort docetaxel_admins, the docetaxel dates of the index
            # line before day stats.os_landmark_docetaxel_days (docetaxel_before_landmark, empty = none) and index_line_days.
            # Written by StatsStageGoldenTest with -Doncorwe.golden.write=true; read by make_stats_goldens.R.
            """;
    private static final StatsSettings S = StatsSettings.from(IngestedExtracts.referenceConfig());
    private static Path staging;
    private static final Map<String, String> CURRENT = new HashMap<>();

    @BeforeAll
    static void runThePipeline() throws IOException {
        SparkSession spark = SharedSpark.get();
        Path home = TestPaths.emptyHome("stats-golden");
        Map<String, String> lineage = Map.of("pipeline_version", "test", "config_hash", "h");
        Path tables = IngestedExtracts.sampleWithEndpoints();
        staging = home.resolve("staging");
        StatsStage.run(spark, tables, IngestedExtracts.DATE, StageGoldens.STUDIES, S, lineage, staging);
        Dataset<Row> input = StatsStage.input(spark, tables, IngestedExtracts.DATE, StageGoldens.STUDIES, S);
        for (String study : StageGoldens.STUDIES) {
            List<String> columns = StageGoldens.columns(study, S);
            List<Map<String, Object>> rows = new ArrayList<>();
            Dataset<Row> own = input.filter(col("study").equalTo(study)).select(columns.stream().map(c -> col(c)).toArray(
                    org.apache.spark.sql.Column[]::new));
            for (Row r : own.collectAsList()) {
                Map<String, Object> row = new HashMap<>();
                columns.forEach(c -> row.put(c, r.getAs(c)));
                rows.add(row);
            }
            CURRENT.put(study, StageGoldens.analysisCsv(rows, columns));
        }
        if (Boolean.getBoolean("oncorwe.golden.write")) {
            for (String study : StageGoldens.STUDIES) {
                Files.writeString(StageGoldens.analysisFile(study), HEADER.formatted(study) + CURRENT.get(study),
                        StandardCharsets.UTF_8);
            }
        }
    }

    private static List<Map<String, Object>> published(String table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String study : StageGoldens.STUDIES) {
            Dataset<Row> t = SharedSpark.get().read().parquet(staging.resolve(table)
                    .resolve("extract_date=2020-10-31/study=" + study).toString());
            for (Row r : t.collectAsList()) {
                Map<String, Object> row = new HashMap<>();
                for (String c : t.columns()) {
                    row.put(c, r.getAs(c));
                }
                row.put("study", study);
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void theCommittedAnalysisCsvsAreWhatTheStageReadsNow() {
        for (String study : StageGoldens.STUDIES) {
            assertEquals(StageGoldens.body(StageGoldens.analysisFile(study)), CURRENT.get(study),
                    "analysis_" + study + ".csv is stale: regenerate it and the goldens (see this test's javadoc)");
        }
    }

    @Test
    void thePublishedTablesAgreeWithR() {
        Map<String, Map<String, Double>> deviations = new java.util.TreeMap<>();
        deviations.put("survival_summary", StageGoldens.compare("survival_summary", "", published("survival_summary"),
                S.daysPerMonth()));
        deviations.put("internal_survival_summary", StageGoldens.compare("survival_summary", "",
                published("internal_survival_summary"), S.daysPerMonth()));
        for (String table : List.of("survival_landmark", "survival_test", "hazard_ratio")) {
            deviations.put(table, StageGoldens.compare(table, "", published(table), S.daysPerMonth()));
        }
        System.out.println("largest |x - r| / max(1, |r|) per table and column: " + deviations);
        assertTrue(published("survival_summary").stream().anyMatch(r -> Boolean.TRUE.equals(r.get("suppressed"))),
                "the published copy has suppressed cells, compared as null");
    }
}
