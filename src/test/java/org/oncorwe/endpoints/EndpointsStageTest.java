package org.oncorwe.endpoints;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.KeyedRows;
import org.oncorwe.testing.SharedSpark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoints stage in Spark: on the hand fixture its tables equal the hand-computed ones; on
 * the sample its endpoints and max grades equal the generator's truth.
 */
@Tag("spark")
class EndpointsStageTest {

    private static final Path EXPECTED = IngestedExtracts.HAND.resolve("expected");
    private static final Path TRUTH = IngestedExtracts.SAMPLE.resolve("truth/2020-10-31");
    private static final String PARTITION = "extract_date=2020-10-31/study=first_line_thp";
    private static SparkSession spark;
    private static Path hand;
    private static Path sample;

    @BeforeAll
    static void derive() {
        spark = SharedSpark.get();
        var config = IngestedExtracts.referenceConfig();
        Map<String, String> lineage = Map.of("pipeline_version", "test", "config_hash", "h");
        List<String> studies = List.of("first_line_thp", "second_line_tdm1");
        Path handTables = IngestedExtracts.handWithCohorts();
        hand = handTables.resolveSibling(handTables.getFileName() + "-endpoints");
        EndpointsStage.run(spark, handTables, IngestedExtracts.DATE, studies, PatientEndpoints.Params.from(config),
                Toxicity.Params.from(config), config.get(ConfigKeys.STATS_DAYS_PER_MONTH), lineage, hand);
        Path sampleTables = IngestedExtracts.sampleWithCohorts();
        sample = sampleTables.resolveSibling(sampleTables.getFileName() + "-endpoints");
        EndpointsStage.run(spark, sampleTables, IngestedExtracts.DATE, studies, PatientEndpoints.Params.from(config),
                Toxicity.Params.from(config), config.get(ConfigKeys.STATS_DAYS_PER_MONTH), lineage, sample);
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords();
        }
    }

    private static List<Row> rows(Path root, String table) {
        return spark.read().parquet(root.resolve(table).resolve(PARTITION).toString()).collectAsList();
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Expected rows (by the key the function gives, from raw ids) against published rows (by patient_key). */
    private static void assertSame(List<CSVRecord> expected, Function<CSVRecord, String> wantKey, List<String> columns,
                                   List<Row> published, Function<Row, String> gotKey) {
        Map<String, String> id = new HashMap<>();
        expected.forEach(e -> id.put(IngestedExtracts.patientKey(e.get("patient_id")), e.get("patient_id")));
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord e : expected) {
            want.put(wantKey.apply(e), String.join("|", columns.stream().map(e::get).toList()));
        }
        Map<String, String> got = new TreeMap<>();
        for (Row r : published) {
            String patient = id.getOrDefault(r.<String>getAs("patient_key"), "unexpected patient");
            got.put(patient + gotKey.apply(r), String.join("|", columns.stream().map(c -> s(r.getAs(c))).toList()));
        }
        KeyedRows.assertSameRows(want, got);
    }

    @Test
    void handFixtureEndpointsAsComputedByHand() throws IOException {
        List<CSVRecord> expected = csv(EXPECTED.resolve("expected_endpoints.csv"));
        assertEquals(20, expected.size());
        assertSame(expected, e -> e.get("patient_id"), List.of("os_days", "os_event", "pfs_days", "pfs_event", "pfs_event_type",
                        "pfs_trial_days", "pfs_trial_event", "measurable", "best_response", "responder", "dor_days", "dor_event",
                        "next_line_regimen", "next_line_start"), rows(hand, "endpoints"), r -> "");
        for (Row r : rows(hand, "endpoints")) {
            assertEquals(r.<Integer>getAs("os_days") / 30.4375, r.<Double>getAs("os_months"));
            assertEquals(r.<Integer>getAs("pfs_trial_days") / 30.4375, r.<Double>getAs("pfs_trial_months"));
        }
    }

    @Test
    void handFixtureTumorResponsesAsComputedByHand() throws IOException {
        assertSame(csv(EXPECTED.resolve("expected_tumor_response.csv")), e -> e.get("patient_id") + "#" + e.get("assessment_date"),
                List.of("days_from_index", "overall_response", "derived", "counted_for_bor"), rows(hand, "tumor_response"),
                r -> "#" + r.getAs("assessment_date"));
    }

    @Test
    void handFixtureToxicitiesAsComputedByHand() throws IOException {
        assertSame(csv(EXPECTED.resolve("expected_toxicity.csv")), e -> e.get("patient_id") + "#" + e.get("ctcae_term"),
                List.of("max_grade", "source", "first_onset_date", "max_grade_date"), rows(hand, "toxicity"),
                r -> "#" + r.getAs("ctcae_term"));
    }

    @Test
    void sampleEndpointsEqualTheGeneratorsTruth() throws IOException {
        List<CSVRecord> included = csv(TRUTH.resolve("patients.csv")).stream()
                .filter(t -> t.get("expected_step").equals("INCLUDED")).toList();
        assertTrue(included.size() > 200);
        assertSame(included, t -> t.get("patient_id"), List.of("os_days", "os_event", "pfs_days", "pfs_event", "pfs_event_type",
                "measurable", "best_response", "responder", "long_term_responder", "next_line_regimen", "next_line_start"),
                rows(sample, "endpoints"), r -> "");
    }

    @Test
    void sampleMaxGradesEqualTheGeneratorsTruth() throws IOException {
        assertSame(csv(TRUTH.resolve("toxicity.csv")), e -> e.get("patient_id") + "#" + e.get("ctcae_term"), List.of("max_grade"),
                rows(sample, "toxicity"), r -> "#" + r.getAs("ctcae_term"));
    }

    @Test
    void everyStudyGetsItsOwnPartition() {
        long members = spark.read().parquet(IngestedExtracts.sampleWithCohorts().resolve("cohort")
                .resolve("extract_date=2020-10-31/study=second_line_tdm1").toString()).count();
        long rows = spark.read().parquet(sample.resolve("endpoints").resolve("extract_date=2020-10-31/study=second_line_tdm1")
                .toString()).count();
        assertEquals(members, rows);
        assertTrue(rows > 10);
    }
}
