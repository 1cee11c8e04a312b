package org.oncorwe.stats.stage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.spark.StatsStage;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary tables through Spark: on the hand fixture (20 first_line_thp patients) every cell
 * checked is counted by hand from its expected cohort, endpoints and toxicity files; on the sample,
 * counts equal what the generator's truth implies (computed here from the truth files).
 */
@Tag("spark")
class SummaryTablesStageTest {

    private static final String THP = "first_line_thp";
    private static final String VS = "first_line_th_vs_thp";
    private static final Path TRUTH = IngestedExtracts.SAMPLE.resolve("truth/2020-10-31");
    private static final double DAYS_PER_MONTH = 30.4375;
    private static Path hand;
    private static Path sample;

    @BeforeAll
    static void runTheStages() throws IOException {
        hand = stats(IngestedExtracts.handWithEndpoints(), List.of(THP));
        sample = stats(IngestedExtracts.sampleWithEndpoints(), List.of(THP, VS));
    }

    /** Stats of the studies over endpoints already derived; returns the stats staging folder. */
    private static Path stats(Path tables, List<String> studies) throws IOException {
        SparkSession spark = SharedSpark.get();
        var config = IngestedExtracts.referenceConfig();
        Map<String, String> lineage = Map.of("pipeline_version", "test", "config_hash", "h");
        Path root = TestPaths.emptyHome("summaries-" + tables.getParent().getFileName());
        Path staging = root.resolve("stats-staging");
        StatsStage.run(spark, tables, IngestedExtracts.DATE, studies, StatsSettings.from(config), lineage, staging);
        return staging;
    }

    private static List<Map<String, Object>> table(Path staging, String table, String study) {
        return StatsStageTest.staged(staging, table, study, Map.of());
    }

    private static Map<String, Object> cell(Path staging, String table, String study, String row, String level, String group) {
        List<Map<String, Object>> found = table(staging, table, study).stream()
                .filter(r -> row.equals(r.get("table_row")) && Objects.equals(level, r.get("level")) && group.equals(r.get("group")))
                .toList();
        assertEquals(1, found.size(), table + " " + row + "/" + level + "/" + group);
        return found.get(0);
    }

    private static Long n(Path staging, String table, String row, String level) {
        return (Long) cell(staging, table, THP, row, level, "all").get("n");
    }

    private static Long handN(String table, String row, String level) {
        return n(hand, table, row, level);
    }

    @Test
    void handFixtureBaselineAsCountedByHand() {
        String internal = "internal_baseline_table";
        // ages 38 39 42 43 44 45 46 48 50 51 | 52 53 53 55 55 56 56 58 58 64
        Map<String, Object> age = cell(hand, internal, THP, "age", "median", "all");
        assertEquals(20L, age.get("n"));
        assertEquals(51.5, age.get("median"));
        assertEquals(38.0, age.get("min"));
        assertEquals(64.0, age.get("max"));
        assertNull(cell(hand, "baseline_table", THP, "age", "median", "all").get("max"));
        // <=40: 0009, 0016; 41-50: 0002 0005 0006 0011 0013 0018 0019; >60: 0008
        assertEquals(2L, handN(internal, "age_group", "<=40"));
        assertEquals(7L, handN(internal, "age_group", "41-50"));
        assertEquals(10L, handN(internal, "age_group", "51-60"));
        assertEquals(1L, handN(internal, "age_group", ">60"));
        assertNull(handN("baseline_table", "age_group", "<=40"));
        assertEquals(7L, handN("baseline_table", "age_group", "41-50"));
        assertEquals(35.0, cell(hand, "baseline_table", THP, "age_group", "41-50", "all").get("pct"));
        assertEquals(9L, handN("baseline_table", "menopausal_status", "PRE"));
        assertEquals(11L, handN("baseline_table", "menopausal_status", "POST"));
        assertEquals(0L, handN("baseline_table", "menopausal_status", "UNKNOWN"));
        assertEquals(11L, handN("baseline_table", "hr_status", "POSITIVE"));
        assertEquals(9L, handN("baseline_table", "hr_status", "NEGATIVE"));
        // relapsed 0006 (curative surgery), 0015 (unknown), 0016 (neoadjuvant progression): 3 hidden, and de novo 17 with it
        assertEquals(17L, handN(internal, "disease_setting", "DE_NOVO"));
        assertEquals(3L, handN(internal, "disease_setting", "RELAPSED"));
        assertNull(handN("baseline_table", "disease_setting", "DE_NOVO"));
        assertEquals(true, cell(hand, "baseline_table", THP, "disease_setting", "DE_NOVO", "all").get("suppressed"));
        Map<String, Object> context = cell(hand, internal, THP, "relapse_context", "CURATIVE_SURGERY", "all");
        assertEquals(1L, context.get("n"));
        assertEquals(3L, context.get("denominator"));
        assertNull(cell(hand, "baseline_table", THP, "relapse_context", "CURATIVE_SURGERY", "all").get("denominator"));
        assertEquals(1L, handN(internal, "relapse_context", "NEOADJUVANT_PROGRESSION"));
        assertEquals(1L, handN(internal, "relapse_context", "UNKNOWN"));
        assertEquals(1L, handN(internal, "perioperative_chemo", "true"));
        // docetaxel 3 ×4, 4 ×13, 6 ×3 → median 4; <6 17, 6-9 3 (hidden, and <6 with it), >=10 0
        Map<String, Object> docetaxel = cell(hand, "baseline_table", THP, "docetaxel_admins", "median", "all");
        assertEquals(4.0, docetaxel.get("median"));
        assertEquals(20L, docetaxel.get("n"));
        assertEquals(17L, handN(internal, "docetaxel_group", "<6"));
        assertNull(handN("baseline_table", "docetaxel_group", "<6"));
        assertNull(handN("baseline_table", "docetaxel_group", "6-9"));
        assertEquals(0L, handN("baseline_table", "docetaxel_group", ">=10"));
        // DFI of 0006: 352 days; one patient → no published median
        assertEquals(352 / DAYS_PER_MONTH, cell(hand, internal, THP, "dfi_months", "median", "all").get("median"));
        assertNull(cell(hand, "baseline_table", THP, "dfi_months", "median", "all").get("median"));
        assertEquals(1L, handN(internal, "dfi_group", ">6-12"));
        assertEquals(13L, handN("baseline_table", "visceral_mets", "true"));
        assertEquals(8L, handN("baseline_table", "bone_mets", "true"));
        assertEquals(1L, handN(internal, "brain_mets", "true"));
        assertNull(handN("baseline_table", "brain_mets", "false"));
        // prior anti-HER2: 0006 and 0016
        assertEquals(2L, handN(internal, "prior_anti_her2", "true"));
    }

    @Test
    void handFixtureResponsesAndAdverseEventsAsCountedByHand() {
        String internal = "internal_response_summary";
        // THP cycles: 3, 4 ×10, 5 ×4, 6, 8, 10 ×2, 12 → median 4
        Map<String, Object> cycles = cell(hand, "response_summary", THP, "thp_cycles", "median", "all");
        assertEquals(4.0, cycles.get("median"));
        assertEquals(12.0, cell(hand, internal, THP, "thp_cycles", "median", "all").get("max"));
        // measurable 0001 0002 0017 0018 0019: PR, NE, SD, CR, PD
        assertEquals(5L, handN("response_summary", "measurable", "true"));
        assertEquals(15L, handN("response_summary", "measurable", "false"));
        for (String bor : List.of("CR", "PR", "SD", "PD", "NE")) {
            assertEquals(1L, handN(internal, "bor", bor), bor);
            assertNull(handN("response_summary", "bor", bor), bor);
        }
        assertEquals(0L, handN("response_summary", "bor", "NON_CR_NON_PD"));
        // ORR 2/5: binom.test(2, 5)$conf.int × 100
        Map<String, Object> orr = cell(hand, internal, THP, "orr", "responder", "all");
        assertEquals(2L, orr.get("n"));
        assertEquals(40.0, orr.get("pct"));
        assertEquals(5.2744950526316909, (Double) orr.get("ci_lower"), 1e-9);
        assertEquals(85.336720036532682, (Double) orr.get("ci_upper"), 1e-9);
        assertNull(cell(hand, "response_summary", THP, "orr", "responder", "all").get("ci_lower"));
        assertEquals(3L, handN(internal, "dcr", "controlled"));
        // DoR 147 (0001) and 126 (0018) days
        assertEquals((147 + 126) / 2.0 / DAYS_PER_MONTH, cell(hand, internal, THP, "dor_months", "median", "all").get("median"));
        assertEquals(2L, handN(internal, "long_term_responder", "false"));

        String ae = "internal_ae_summary";
        // neutropenia: grade 3 0001 0005 0020; grade 1-2 0002 0004 0021
        assertEquals(6L, handN("ae_summary", "Neutrophil count decreased", "any"));
        assertEquals(30.0, cell(hand, "ae_summary", THP, "Neutrophil count decreased", "any", "all").get("pct"));
        assertEquals(3L, handN(ae, "Neutrophil count decreased", "grade_3"));
        assertEquals(3L, handN(ae, "Neutrophil count decreased", "grade_1_2"));
        assertNull(handN("ae_summary", "Neutrophil count decreased", "grade_3_4"));
        assertEquals(2L, handN(ae, "Febrile neutropenia", "grade_3"));
        assertEquals(0L, handN("ae_summary", "Febrile neutropenia", "grade_4"));
        // EF decreased: grade 2 0015 0016 0018, grade 3 0017 0019
        assertEquals(5L, handN("ae_summary", "Ejection fraction decreased", "any"));
        assertEquals(2L, handN(ae, "Ejection fraction decreased", "grade_3_4"));
        List<String> terms = table(hand, "ae_summary", THP).stream().filter(r -> "any".equals(r.get("level")))
                .sorted(java.util.Comparator.comparing(r -> (Integer) r.get("row_order")))
                .map(r -> (String) r.get("table_row")).toList();
        assertEquals(List.of("Neutrophil count decreased", "Febrile neutropenia", "Diarrhea", "Nausea", "Vomiting",
                "Mucositis oral", "Peripheral sensory neuropathy", "Alanine aminotransferase increased", "Anemia",
                "Blood bilirubin increased", "Creatinine increased", "Ejection fraction decreased", "Platelet count decreased"),
                terms);
    }

    @Test
    void publishedPartitionsHaveTheContractColumnsAndNoSmallCount() {
        for (String t : SummaryTables.TABLES) {
            for (String prefix : List.of("", SummaryTables.INTERNAL_PREFIX)) {
                List<String> columns = Arrays.asList(SharedSpark.get().read().parquet(sample.resolve(prefix + t)
                        .resolve("extract_date=2020-10-31/study=" + VS).toString()).columns());
                assertEquals(List.of("table_row", "row_order", "level", "level_order", "group", "n", "denominator", "pct",
                        "median", "min", "max", "ci_lower", "ci_upper", "p_value", "test", "suppressed"),
                        columns.subList(0, 16), prefix + t);
                assertTrue(columns.containsAll(List.of("pipeline_version", "config_hash", "key_id")));
            }
            for (String study : List.of(THP, VS)) {
                for (Map<String, Object> r : table(sample, t, study)) {
                    Long n = (Long) r.get("n");
                    assertTrue(n == null || n == 0 || n >= 5, t + " " + r);
                    assertNull(r.get("min"));
                }
            }
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords();
        }
    }

    @Test
    void sampleCountsEqualWhatTheTruthImplies() throws IOException {
        List<CSVRecord> included = csv(TRUTH.resolve("patients.csv")).stream()
                .filter(t -> t.get("expected_step").equals("INCLUDED")).toList();
        Set<String> ids = included.stream().map(t -> t.get("patient_id")).collect(Collectors.toSet());
        String internal = "internal_baseline_table";
        assertEquals((long) included.size(), cell(sample, internal, THP, "age", "median", "all").get("n"));
        assertEquals(included.stream().filter(t -> t.get("disease_setting").equals("DE_NOVO")).count(),
                n(sample, internal, "disease_setting", "DE_NOVO"));
        assertEquals(included.stream().filter(t -> t.get("prior_anti_her2").equals("true")).count(),
                n(sample, internal, "prior_anti_her2", "true"));
        List<CSVRecord> measurable = included.stream().filter(t -> t.get("measurable").equals("true")).toList();
        for (String bor : List.of("CR", "PR", "SD")) {
            assertEquals(measurable.stream().filter(t -> t.get("best_response").equals(bor)).count(),
                    n(sample, "internal_response_summary", "bor", bor), bor);
        }
        assertEquals(measurable.stream().filter(t -> t.get("responder").equals("true")).count(),
                n(sample, "internal_response_summary", "orr", "responder"));
        List<CSVRecord> toxicity = csv(TRUTH.resolve("toxicity.csv")).stream().filter(t -> ids.contains(t.get("patient_id")))
                .toList();
        long neutropenia34 = toxicity.stream().filter(t -> t.get("ctcae_term").equals("Neutrophil count decreased")
                && Set.of("3", "4").contains(t.get("max_grade"))).count();
        assertEquals(neutropenia34, n(sample, "internal_ae_summary", "Neutrophil count decreased", "grade_3_4"));
        long febrile = toxicity.stream().filter(t -> t.get("ctcae_term").equals("Febrile neutropenia")).count();
        assertEquals(febrile, n(sample, "internal_ae_summary", "Febrile neutropenia", "any"));
        assertTrue(neutropenia34 >= 5 && febrile >= 5, "published as they are");
        assertEquals(neutropenia34, n(sample, "ae_summary", "Neutrophil count decreased", "grade_3_4"));
    }

    @Test
    void theComparisonStudyHasTheGroupsAndOneTestPerRow() {
        String internal = "internal_baseline_table";
        for (String level : List.of("DE_NOVO", "RELAPSED")) {
            long all = (Long) cell(sample, internal, VS, "disease_setting", level, "all").get("n");
            long th = (Long) cell(sample, internal, VS, "disease_setting", level, "TH").get("n");
            long thp = (Long) cell(sample, internal, VS, "disease_setting", level, "THP").get("n");
            assertEquals(all, th + thp, level);
        }
        long thp = (Long) cell(sample, internal, VS, "age", "median", "THP").get("n");
        assertEquals(cell(sample, internal, THP, "age", "median", "all").get("n"), thp, "the THP group is first_line_thp");
        Map<String, Object> first = cell(sample, internal, VS, "disease_setting", "DE_NOVO", "all");
        assertNotNull(first.get("p_value"));
        assertTrue(Set.of("chisq", "fisher").contains(first.get("test")));
        assertNull(cell(sample, internal, VS, "disease_setting", "RELAPSED", "all").get("p_value"));
        assertNull(cell(sample, internal, VS, "disease_setting", "DE_NOVO", "TH").get("p_value"));
        Map<String, Object> orr = cell(sample, "internal_response_summary", VS, "orr", "responder", "all");
        assertNotNull(orr.get("p_value"));
    }
}
