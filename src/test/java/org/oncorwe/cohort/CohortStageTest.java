package org.oncorwe.cohort;

import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.KeyedRows;
import org.oncorwe.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cohort stage in Spark: on the hand fixture its tables equal the hand-computed ones; on the
 * sample its first_line_thp cohort equals the generator's truth; the four configured studies.
 */
@Tag("spark")
class CohortStageTest {

    private static final Path EXPECTED = IngestedExtracts.HAND.resolve("expected");
    private static SparkSession spark;
    private static Path hand;
    private static Path sample;

    @BeforeAll
    static void derive() {
        spark = SharedSpark.get();
        hand = IngestedExtracts.handWithCohorts();
        sample = IngestedExtracts.sampleWithCohorts();
    }

    private static List<Row> table(Path root, String name) {
        return spark.read().parquet(root.resolve(name).toString()).collectAsList();
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    /** patient_key -> raw id, for every id of a fixture or truth file. */
    private static Map<String, String> ids(List<CSVRecord> records) {
        Map<String, String> out = new HashMap<>();
        records.forEach(r -> out.put(IngestedExtracts.patientKey(r.get("patient_id")), r.get("patient_id")));
        return out;
    }

    @Test
    void handFixtureLinesAsComputedByHand() throws IOException {
        List<CSVRecord> expected = ExtractFacts.csv(EXPECTED.resolve("expected_lines.csv"), '#');
        Map<String, String> id = ids(expected);
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord e : expected) {
            want.put(e.get("patient_id") + "#" + e.get("line_seq"), String.join(",", e.get("setting"), e.get("line_no"),
                    e.get("regimen"), e.get("regimen_label"), e.get("start_date"), e.get("end_date"), e.get("end_reason"),
                    e.get("maintenance_start")));
        }
        Map<String, String> got = new TreeMap<>();
        for (Row r : table(hand, "lines_of_therapy")) {
            got.put(id.getOrDefault(r.<String>getAs("patient_key"), "unexpected patient") + "#" + r.getAs("line_seq"),
                    String.join(",", r.<String>getAs("setting"), s(r.getAs("line_no")), r.getAs("regimen"), r.getAs("regimen_label"),
                            s(r.getAs("start_date")), s(r.getAs("end_date")), r.getAs("end_reason"), s(r.getAs("maintenance_start"))));
        }
        assertEquals(32, want.size());
        KeyedRows.assertSameRows(want, got);
    }

    @Test
    void handFixtureCohortAndExclusionsAsComputedByHand() throws IOException {
        List<CSVRecord> expected = ExtractFacts.csv(EXPECTED.resolve("expected_cohort.csv"), '#');
        Map<String, String> id = ids(expected);
        List<String> columns = List.of("index_date", "age_at_index", "age_group", "menopausal_status", "hr_status", "her2_basis",
                "disease_setting", "relapse_context", "curative_surgery", "perioperative_chemo", "prior_anti_her2",
                "docetaxel_admins", "taxane_admins", "docetaxel_group", "docetaxel_ge6", "thp_cycles", "dfi_days", "dfi_group",
                "visceral_mets", "bone_mets", "brain_mets", "index_regimen", "index_label", "index_line_end");
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord e : expected) {
            boolean in = e.get("status").equals("INCLUDED");
            want.put(e.get("patient_id"), in ? String.join("|", columns.stream().map(e::get).toList()) : e.get("status"));
        }
        Map<String, String> got = new TreeMap<>();
        for (Row r : table(hand.resolve("cohort"), "extract_date=2020-10-31/study=first_line_thp")) {
            got.put(id.get(r.<String>getAs("patient_key")), String.join("|", columns.stream().map(c -> s(r.getAs(c))).toList()));
            // months are the days over 30.4375 (outputs.md)
            Integer dfi = r.getAs("dfi_days");
            assertEquals(dfi == null ? null : dfi / 30.4375, r.<Double>getAs("dfi_months"));
            assertEquals(r.<Integer>getAs("index_line_days") / 30.4375, r.<Double>getAs("index_line_months"));
        }
        for (Row r : table(hand.resolve("cohort_exclusions"), "extract_date=2020-10-31/study=first_line_thp")) {
            got.put(id.get(r.<String>getAs("patient_key")), r.getAs("step"));
        }
        assertEquals(28, want.size());
        KeyedRows.assertSameRows(want, got);
    }

    @Test
    void handFixtureAttritionAsComputedByHand() throws IOException {
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord e : ExtractFacts.csv(EXPECTED.resolve("expected_attrition.csv"), '#')) {
            want.put(e.get("step_order"), String.join(",", e.get("step"), e.get("n_remaining"), e.get("n_excluded")));
        }
        Map<String, String> got = new TreeMap<>();
        for (Row r : table(hand.resolve("cohort_attrition"), "extract_date=2020-10-31/study=first_line_thp")) {
            got.put(s(r.getAs("step_order")), String.join(",", r.<String>getAs("step"), s(r.getAs("n_remaining")),
                    s(r.getAs("n_excluded"))));
        }
        KeyedRows.assertSameRows(want, got);
    }

    @Test
    void sampleCohortEqualsTheGeneratorsTruth() throws IOException {
        Path truth = IngestedExtracts.SAMPLE.resolve("truth/2020-10-31");
        List<CSVRecord> patients = ExtractFacts.csv(truth.resolve("patients.csv"), null);
        Map<String, String> id = ids(patients);
        Map<String, String> indexRegimen = new HashMap<>();
        for (CSVRecord l : ExtractFacts.csv(truth.resolve("lines.csv"), null)) {
            if (l.get("setting").equals("METASTATIC") && l.get("line_no").equals("1")) {
                indexRegimen.put(l.get("patient_id"), l.get("regimen"));
            }
        }
        Map<String, String> want = new TreeMap<>();
        Map<String, Long> steps = new TreeMap<>();
        for (CSVRecord t : patients) {
            String step = t.get("expected_step");
            if (step.equals("REJECTED")) {
                continue;
            }
            steps.merge(step, 1L, Long::sum);
            want.put(t.get("patient_id"), !step.equals("INCLUDED") ? step : String.join("|", t.get("index_date"),
                    indexRegimen.get(t.get("patient_id")), t.get("docetaxel_admins"), t.get("prior_anti_her2"),
                    t.get("disease_setting"), t.get("age_at_index"), t.get("hr_status"), t.get("her2_basis")));
        }
        Map<String, String> got = new TreeMap<>();
        Path partition = Path.of("extract_date=2020-10-31", "study=first_line_thp");
        for (Row r : spark.read().parquet(sample.resolve("cohort").resolve(partition).toString()).collectAsList()) {
            got.put(id.get(r.<String>getAs("patient_key")), String.join("|", s(r.getAs("index_date")), r.getAs("index_regimen"),
                    s(r.getAs("docetaxel_admins")), s(r.getAs("prior_anti_her2")), r.getAs("disease_setting"),
                    s(r.getAs("age_at_index")), r.getAs("hr_status"), r.getAs("her2_basis")));
        }
        for (Row r : spark.read().parquet(sample.resolve("cohort_exclusions").resolve(partition).toString()).collectAsList()) {
            got.put(id.get(r.<String>getAs("patient_key")), r.getAs("step"));
        }
        assertTrue(steps.get("INCLUDED") > 200, steps.toString());
        KeyedRows.assertSameRows(want, got);
        Map<String, Long> excludedBy = new TreeMap<>();
        for (Row r : spark.read().parquet(sample.resolve("cohort_attrition").resolve(partition).toString()).collectAsList()) {
            if (r.<Long>getAs("n_excluded") > 0) {
                excludedBy.put(r.getAs("step"), r.getAs("n_excluded"));
            }
            if (r.<String>getAs("step").equals("FOLLOW_UP_AFTER_INDEX")) {
                excludedBy.put("INCLUDED", r.getAs("n_remaining"));
            }
        }
        assertEquals(steps, excludedBy);
    }

    @Test
    void theFourConfiguredStudies() {
        Map<String, Set<String>> members = new TreeMap<>();
        for (Row r : spark.read().parquet(sample.resolve("cohort").toString()).collectAsList()) {
            members.computeIfAbsent(r.getAs("study"), k -> new TreeSet<>()).add(r.getAs("patient_key"));
        }
        assertEquals(Set.of("first_line_th", "first_line_th_vs_thp", "first_line_thp", "second_line_tdm1"), members.keySet());
        Set<String> union = new TreeSet<>(members.get("first_line_th"));
        union.addAll(members.get("first_line_thp"));
        assertEquals(union, members.get("first_line_th_vs_thp"));
        assertTrue(members.get("first_line_th").size() > 10 && members.get("second_line_tdm1").size() > 10, members::toString);

        // second_line_tdm1: METASTATIC line 2 is T-DM1 after a line 1 labelled THP; its index date is line 2's start
        Map<String, List<Row>> lines = spark.read().parquet(sample.resolve("lines_of_therapy").toString())
                .filter("setting = 'METASTATIC'").collectAsList().stream()
                .collect(Collectors.groupingBy(r -> r.getAs("patient_key")));
        for (Row c : spark.read().parquet(sample.resolve("cohort").toString()).filter("study = 'second_line_tdm1'").collectAsList()) {
            List<Row> own = lines.get(c.<String>getAs("patient_key"));
            Row first = own.stream().filter(l -> l.<Integer>getAs("line_no") == 1).findFirst().orElseThrow();
            Row second = own.stream().filter(l -> l.<Integer>getAs("line_no") == 2).findFirst().orElseThrow();
            assertEquals("THP", first.getAs("regimen_label"));
            assertEquals("T-DM1", second.getAs("regimen_label"));
            assertEquals(second.<Object>getAs("start_date"), c.getAs("index_date"));
        }
        Map<String, Map<String, Long>> excluded = new TreeMap<>();
        for (Row r : spark.read().parquet(sample.resolve("cohort_attrition").toString()).collectAsList()) {
            excluded.computeIfAbsent(r.getAs("study"), k -> new TreeMap<>()).put(r.getAs("step"), r.getAs("n_excluded"));
        }
        assertTrue(excluded.get("second_line_tdm1").get("PRIOR_LINES_MATCH") > 0);
        assertTrue(excluded.get("second_line_tdm1").containsKey("INDEX_LINE_IS_T_DM1"));
        assertTrue(excluded.get("first_line_th_vs_thp").containsKey("INDEX_LINE_IS_TH_OR_THP"));
        assertEquals(0L, excluded.get("first_line_thp").get("PRIOR_LINES_MATCH"));
    }
}
