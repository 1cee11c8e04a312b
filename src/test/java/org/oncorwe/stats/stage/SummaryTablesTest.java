package org.oncorwe.stats.stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.tables.OutputTable;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary tables on hand-built patients, every cell computed by hand (k = 5): a study of 30
 * patients without a comparison (every table_row kind, primary and complementary suppression, a
 * hidden denominator's cascade) and a TH/THP study of 20 + 30 (chi-square vs Fisher, group rows,
 * suppression across groups). p-values and intervals from R, the command beside each.
 */
@Tag("unit")
class SummaryTablesTest {

    private static final double EPS = 1e-12;

    /** A patient with every field settable; defaults are a plain de novo THP patient. */
    private static final class P {
        String group = "THP";
        Integer age = 50;
        String ageGroup = "41-50";
        String menopausal = "PRE";
        String hr = "POSITIVE";
        String setting = "DE_NOVO";
        String context;
        Boolean periop = false;
        Boolean priorAntiHer2 = false;
        Integer docetaxel = 8;
        String docetaxelGroup = "6-9";
        Double dfi;
        String dfiGroup;
        Boolean visceral = false;
        Boolean bone = false;
        Boolean brain = false;
        Integer thpCycles = 10;
        Boolean measurable = true;
        String bor = "PR";
        Double dor;
        Boolean longTerm = false;
        Map<String, Integer> grades = new HashMap<>();

        SummaryPatient build() {
            return new SummaryPatient(group, age, ageGroup, menopausal, hr, setting, context, periop, priorAntiHer2, docetaxel,
                    docetaxelGroup, dfi, dfiGroup, visceral, bone, brain, thpCycles, measurable, bor, dor, longTerm, grades);
        }
    }

    private static List<SummaryPatient> patients(int n, IntFunction<P> make) {
        List<SummaryPatient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(make.apply(i).build());
        }
        return out;
    }

    /**
     * Patient i of 30: age 31 + i; PRE i < 16, POST to 26, UNKNOWN 27–29; POSITIVE i < 18; relapsed from
     * 18 (CURATIVE_SURGERY 18–27 with perioperative chemo 18–22 and DFI 10·(i − 17) months to 26, 27 without;
     * NEOADJUVANT_PROGRESSION 28–29); no docetaxel i < 2, 4 dates to 7, 8 to 21, 12 after; visceral i < 10,
     * brain i = 0; THP cycles 10 + i; measurable i < 25: CR i < 6, PR to 19 (DoR i + 1 months, 19 none,
     * long-term i < 5), SD 20–23, PD 24; neutropenia grade 4 i < 5, 3 to 7, 1–2 to 19; nausea 3 i < 2;
     * alopecia 1 i < 10.
     */
    private static List<SummaryPatient> thirty() {
        return patients(30, i -> {
            P p = new P();
            p.group = null;
            p.age = 31 + i;
            p.ageGroup = i < 10 ? "<=40" : i < 20 ? "41-50" : "51-60";
            p.menopausal = i < 16 ? "PRE" : i < 27 ? "POST" : "UNKNOWN";
            p.hr = i < 18 ? "POSITIVE" : "NEGATIVE";
            if (i >= 18) {
                p.setting = "RELAPSED";
                p.context = i < 28 ? "CURATIVE_SURGERY" : "NEOADJUVANT_PROGRESSION";
                p.periop = i < 23;
                p.dfi = i < 27 ? Double.valueOf(10.0 * (i - 17)) : null;
                p.dfiGroup = p.dfi == null ? null : p.dfi <= 12 ? ">6-12" : p.dfi <= 24 ? ">12-24" : ">24";
            }
            p.docetaxel = i < 2 ? null : Integer.valueOf(i < 8 ? 4 : i < 22 ? 8 : 12);
            p.docetaxelGroup = i < 2 ? null : i < 8 ? "<6" : i < 22 ? "6-9" : ">=10";
            p.priorAntiHer2 = i % 3 == 0;
            p.visceral = i < 10;
            p.brain = i == 0;
            p.thpCycles = 10 + i;
            p.measurable = i < 25;
            p.bor = i < 6 ? "CR" : i < 20 ? "PR" : i < 24 ? "SD" : i < 25 ? "PD" : "NE";
            p.dor = i < 19 ? Double.valueOf(i + 1.0) : null;
            p.longTerm = i < 20 ? Boolean.valueOf(i < 5) : i < 25 ? Boolean.FALSE : null;
            p.grades.put("Neutrophil count decreased", i < 5 ? 4 : i < 8 ? 3 : i < 20 ? 1 + i % 2 : 0);
            if (i < 2) {
                p.grades.put("Nausea", 3);
            }
            if (i < 10) {
                p.grades.put("Alopecia", 1);
            }
            p.grades.values().removeIf(g -> g == 0);
            return p;
        });
    }

    /** Rows of a table as maps, filtered by column values. */
    private static List<Map<String, Object>> rows(OutputTable t, Object... where) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : t.rows()) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < r.length; i++) {
                m.put(t.columns().get(i).name(), r[i]);
            }
            boolean keep = true;
            for (int i = 0; i < where.length; i += 2) {
                keep &= java.util.Objects.equals(where[i + 1], m.get((String) where[i]));
            }
            if (keep) {
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, Object> cell(OutputTable t, String row, String level, String group) {
        List<Map<String, Object>> found = rows(t, "table_row", row, "level", level, "group", group);
        assertEquals(1, found.size(), row + "/" + level + "/" + group);
        return found.get(0);
    }

    /** n, denominator, pct (null = null) and the suppressed flag of one cell. */
    private static void assertCell(OutputTable t, String row, String level, String group, Long n, Long d, Double pct,
                                   boolean suppressed) {
        Map<String, Object> c = cell(t, row, level, group);
        String where = row + "/" + level + "/" + group;
        assertEquals(n, c.get("n"), where + " n");
        assertEquals(d, c.get("denominator"), where + " denominator");
        if (pct == null) {
            assertNull(c.get("pct"), where + " pct");
        } else {
            assertEquals(pct, (Double) c.get("pct"), 1e-9, where + " pct");
        }
        assertEquals(suppressed, c.get("suppressed"), where + " suppressed");
    }

    @Test
    void baselineCellsOfAStudyWithoutComparison() {
        SummaryTables.Tables t = SummaryTables.of("s", thirty(), List.of(), 5);
        OutputTable pub = t.published().get("baseline_table");
        OutputTable internal = t.internal().get("internal_baseline_table");
        // age 31..60: median (45 + 46) / 2; min and max are single patients' values, internal only
        Map<String, Object> age = cell(internal, "age", "median", "all");
        assertEquals(30L, age.get("n"));
        assertEquals(45.5, age.get("median"));
        assertEquals(31.0, age.get("min"));
        assertEquals(60.0, age.get("max"));
        assertNull(age.get("pct"));
        assertEquals(1, age.get("row_order"));
        assertEquals(45.5, cell(pub, "age", "median", "all").get("median"));
        assertNull(cell(pub, "age", "median", "all").get("min"));
        assertNull(cell(pub, "age", "median", "all").get("max"));
        // age groups 10 / 10 / 10 / 0: the listed level >60 is shown as 0, in the paper's order
        assertCell(pub, "age_group", "<=40", "all", 10L, 30L, 100.0 / 3, false);
        assertCell(pub, "age_group", ">60", "all", 0L, 30L, 0.0, false);
        assertEquals(List.of("<=40", "41-50", "51-60", ">60"), rows(pub, "table_row", "age_group").stream()
                .map(r -> (String) r.get("level")).toList());
        assertEquals(4, cell(pub, "age_group", ">60", "all").get("level_order"));
        // menopause 16 / 11 / 3: UNKNOWN < 5 hidden, and POST with it (else 30 - 16 - 11 = 3)
        assertCell(pub, "menopausal_status", "PRE", "all", 16L, 30L, 100.0 * 16 / 30, false);
        assertCell(pub, "menopausal_status", "POST", "all", null, 30L, null, true);
        assertCell(pub, "menopausal_status", "UNKNOWN", "all", null, 30L, null, true);
        assertCell(internal, "menopausal_status", "POST", "all", 11L, 30L, 100.0 * 11 / 30, true);
        assertCell(pub, "hr_status", "UNKNOWN", "all", 0L, 30L, 0.0, false);
        // relapsed 12: CURATIVE_SURGERY 10, NEOADJUVANT_PROGRESSION 2 → both hidden; 10 is also the denominator of
        // perioperative chemo (5 + 5 would give it back), so its first level (true, 5) is hidden too
        assertCell(pub, "relapse_context", "CURATIVE_SURGERY", "all", null, 12L, null, true);
        assertCell(pub, "relapse_context", "NEOADJUVANT_PROGRESSION", "all", null, 12L, null, true);
        assertCell(pub, "relapse_context", "UNKNOWN", "all", 0L, 12L, 0.0, false);
        assertCell(pub, "perioperative_chemo", "true", "all", null, null, null, true);
        assertCell(pub, "perioperative_chemo", "false", "all", 5L, null, null, true);
        assertCell(internal, "perioperative_chemo", "false", "all", 5L, 10L, 50.0, true);
        // DFI of the 10 after surgery: 10, 20, ..., 90 months and one missing → median 50, n 9; its groups 1 / 1 / 7 / null 1
        Map<String, Object> dfi = cell(internal, "dfi_months", "median", "all");
        assertEquals(9L, dfi.get("n"));
        assertEquals(50.0, dfi.get("median"));
        assertEquals(10.0, dfi.get("min"));
        assertEquals(90.0, dfi.get("max"));
        assertCell(pub, "dfi_group", "<=6", "all", 0L, null, null, true);
        assertCell(pub, "dfi_group", ">24", "all", 7L, null, null, true);
        assertCell(pub, "dfi_group", null, "all", null, null, null, true);
        // docetaxel: 28 with a count (4 ×6, 8 ×14, 12 ×8) → median 8; 2 without → the null level and n (30 − 28) hidden,
        // and the smallest other group (<6, 6) with the null level
        Map<String, Object> doc = cell(pub, "docetaxel_admins", "median", "all");
        assertNull(doc.get("n"));
        assertEquals(8.0, doc.get("median"));
        assertEquals(true, doc.get("suppressed"));
        assertCell(pub, "docetaxel_group", "<6", "all", null, 30L, null, true);
        assertCell(pub, "docetaxel_group", "6-9", "all", 14L, 30L, 100.0 * 14 / 30, false);
        assertCell(pub, "docetaxel_group", null, "all", null, 30L, null, true);
        // brain 1 → hidden with its complement; prior anti-HER2 i % 3 == 0 → 10 of 30
        assertCell(pub, "brain_mets", "true", "all", null, 30L, null, true);
        assertCell(pub, "brain_mets", "false", "all", null, 30L, null, true);
        assertCell(pub, "prior_anti_her2", "true", "all", 10L, 30L, 100.0 / 3, false);
        assertEquals(15, cell(pub, "brain_mets", "true", "all").get("row_order"));
        // no comparison: no test, group all only
        assertTrue(rows(internal).stream().allMatch(r -> r.get("p_value") == null && r.get("test") == null
                && "all".equals(r.get("group"))));
    }

    @Test
    void clopperPearsonIntervalsFollowTheConfiguredLevel() {
        OutputTable pub = SummaryTables.of("s", thirty(), List.of(), 5, 0.90).published().get("response_summary");
        // ORR 20/25: R binom.test(20, 25, conf.level = 0.9)$conf.int × 100
        Map<String, Object> orr = cell(pub, "orr", "responder", "all");
        assertEquals(62.459486487512194, (Double) orr.get("ci_lower"), 1e-9);
        assertEquals(91.770910013875351, (Double) orr.get("ci_upper"), 1e-9);
    }

    @Test
    void responseCellsWithClopperPearsonIntervals() {
        SummaryTables.Tables t = SummaryTables.of("s", thirty(), List.of(), 5);
        OutputTable pub = t.published().get("response_summary");
        OutputTable internal = t.internal().get("internal_response_summary");
        assertCell(pub, "measurable", "true", "all", 25L, 30L, 100.0 * 25 / 30, false);
        assertCell(pub, "measurable", "false", "all", 5L, 30L, 100.0 * 5 / 30, false);
        // BOR of 25 measurable: CR 6, PR 14, SD 4, PD 1, NE 0 (the 5 NE are not measurable)
        assertCell(pub, "bor", "CR", "all", 6L, 25L, 24.0, false);
        assertCell(pub, "bor", "PR", "all", 14L, 25L, 56.0, false);
        assertCell(pub, "bor", "SD", "all", null, 25L, null, true);
        assertCell(pub, "bor", "NON_CR_NON_PD", "all", 0L, 25L, 0.0, false);
        assertCell(pub, "bor", "PD", "all", null, 25L, null, true);
        assertCell(pub, "bor", "NE", "all", 0L, 25L, 0.0, false);
        // ORR 20/25: R binom.test(20, 25)$conf.int × 100
        Map<String, Object> orr = cell(pub, "orr", "responder", "all");
        assertEquals(20L, orr.get("n"));
        assertEquals(80.0, (Double) orr.get("pct"), 1e-12);
        assertEquals(59.296256772132274, (Double) orr.get("ci_lower"), 1e-9);
        assertEquals(93.168853598751596, (Double) orr.get("ci_upper"), 1e-9);
        // CR rate 6/25: binom.test(6, 25)
        Map<String, Object> cr = cell(pub, "cr_rate", "CR", "all");
        assertEquals(6L, cr.get("n"));
        assertEquals(9.3564439331742868, (Double) cr.get("ci_lower"), 1e-9);
        assertEquals(45.128801781668635, (Double) cr.get("ci_upper"), 1e-9);
        // DCR 24 = CR + PR + SD would give SD back (24 − 6 − 14): the secondary rate is hidden, not CR or PR
        assertCell(pub, "dcr", "controlled", "all", null, 25L, null, true);
        assertNull(cell(pub, "dcr", "controlled", "all").get("ci_lower"));
        assertCell(internal, "dcr", "controlled", "all", 24L, 25L, 96.0, true);
        // THP cycles 10..39 → 24.5; DoR of 20 responders, 19 with a value 1..19 → 10; long-term 5 of 20
        assertEquals(24.5, cell(pub, "thp_cycles", "median", "all").get("median"));
        Map<String, Object> dor = cell(internal, "dor_months", "median", "all");
        assertEquals(19L, dor.get("n"));
        assertEquals(20L, dor.get("denominator"));
        assertEquals(10.0, dor.get("median"));
        assertCell(pub, "long_term_responder", "true", "all", 5L, 20L, 25.0, false);
        assertEquals(List.of("measurable", "bor", "orr", "cr_rate", "dcr", "thp_cycles", "dor_months", "long_term_responder"),
                rows(pub, "level_order", 1).stream().map(r -> (String) r.get("table_row")).toList());
    }

    @Test
    void adverseEventCellsInThePapersOrder() {
        SummaryTables.Tables t = SummaryTables.of("s", thirty(), List.of(), 5);
        OutputTable pub = t.published().get("ae_summary");
        OutputTable internal = t.internal().get("internal_ae_summary");
        String neutropenia = "Neutrophil count decreased";
        // grade 4 ×5, 3 ×3, 1–2 ×12: grade 3 hidden, and grade 4 with it (grade 3–4 = 8 would give it back)
        assertCell(pub, neutropenia, "any", "all", 20L, 30L, 100.0 * 20 / 30, false);
        assertCell(pub, neutropenia, "grade_1_2", "all", 12L, 30L, 40.0, false);
        assertCell(pub, neutropenia, "grade_3", "all", null, 30L, null, true);
        assertCell(pub, neutropenia, "grade_4", "all", null, 30L, null, true);
        assertCell(pub, neutropenia, "grade_3_4", "all", 8L, 30L, 100.0 * 8 / 30, false);
        assertCell(pub, neutropenia, "grade_5", "all", 0L, 30L, 0.0, false);
        assertCell(internal, neutropenia, "grade_4", "all", 5L, 30L, 100.0 * 5 / 30, true);
        // nausea grade 3 ×2: any, grade 3 and 3–4 hidden (28 without nausea are never published)
        assertCell(pub, "Nausea", "any", "all", null, 30L, null, true);
        assertCell(pub, "Nausea", "grade_1_2", "all", 0L, 30L, 0.0, false);
        assertCell(pub, "Nausea", "grade_3_4", "all", null, 30L, null, true);
        // the paper's seven terms first (0 shown), then the others alphabetically
        List<String> terms = rows(pub, "level", "any").stream().map(r -> (String) r.get("table_row")).toList();
        assertEquals(List.of(neutropenia, "Febrile neutropenia", "Diarrhea", "Nausea", "Vomiting", "Mucositis oral",
                "Peripheral sensory neuropathy", "Alopecia"), terms);
        assertCell(pub, "Alopecia", "grade_1_2", "all", 10L, 30L, 100.0 / 3, false);
        assertEquals(8, cell(pub, "Alopecia", "any", "all").get("row_order"));
        assertEquals(List.of("any", "grade_1_2", "grade_3", "grade_4", "grade_3_4", "grade_5"),
                rows(pub, "table_row", "Diarrhea").stream().map(r -> (String) r.get("level")).toList());
    }

    /** TH 20 (visceral 10, brain 4) and THP 30 (visceral 20, brain 1). */
    private static List<SummaryPatient> thAndThp() {
        return patients(50, i -> {
            P p = new P();
            boolean th = i < 20;
            int j = th ? i : i - 20;
            p.group = th ? "TH" : "THP";
            p.visceral = th ? j < 10 : j < 20;
            p.brain = th ? j < 4 : j < 1;
            return p;
        });
    }

    @Test
    void groupsAreComparedByChiSquareOrFisherWhenAnExpectedCountIsBelowFive() {
        SummaryTables.Tables t = SummaryTables.of("vs", thAndThp(), List.of("TH", "THP"), 5);
        OutputTable internal = t.internal().get("internal_baseline_table");
        OutputTable pub = t.published().get("baseline_table");
        // visceral: expected counts 12, 8, 18, 12 → chisq.test(matrix(c(10, 10, 20, 10), 2, byrow = TRUE), correct = FALSE)
        Map<String, Object> visceral = cell(pub, "visceral_mets", "true", "all");
        assertEquals("chisq", visceral.get("test"));
        assertEquals(0.23859282931643552, (Double) visceral.get("p_value"), EPS);
        assertNull(cell(pub, "visceral_mets", "false", "all").get("p_value"));
        assertNull(cell(pub, "visceral_mets", "true", "TH").get("p_value"));
        assertCell(pub, "visceral_mets", "true", "TH", 10L, 20L, 50.0, false);
        assertCell(pub, "visceral_mets", "true", "THP", 20L, 30L, 100.0 * 20 / 30, false);
        assertEquals(List.of("all", "TH", "THP"), rows(pub, "table_row", "visceral_mets", "level", "true").stream()
                .map(r -> (String) r.get("group")).toList());
        // brain: expected 2 and 3 → fisher.test(matrix(c(4, 16, 1, 29), 2, byrow = TRUE))
        Map<String, Object> brain = cell(internal, "brain_mets", "true", "all");
        assertEquals("fisher", brain.get("test"));
        assertEquals(0.14317808529517259, (Double) brain.get("p_value"), EPS);
        // published: TH 4 and THP 1 hidden with their groups' complements; the total 5 stays (two unknowns in 5 = 4 + 1),
        // and the p-value of a table with hidden cells is withheld
        assertCell(pub, "brain_mets", "true", "TH", null, 20L, null, true);
        assertCell(pub, "brain_mets", "false", "TH", null, 20L, null, true);
        assertCell(pub, "brain_mets", "true", "THP", null, 30L, null, true);
        assertCell(pub, "brain_mets", "false", "THP", null, 30L, null, true);
        assertCell(pub, "brain_mets", "true", "all", 5L, 50L, 10.0, false);
        assertCell(pub, "brain_mets", "false", "all", 45L, 50L, 90.0, false);
        assertNull(cell(pub, "brain_mets", "true", "all").get("p_value"));
        assertEquals("fisher", cell(pub, "brain_mets", "true", "all").get("test"));
        // a level no patient has is left out of the test (hr NEGATIVE): with one level left there is no test
        assertNull(cell(internal, "hr_status", "POSITIVE", "all").get("p_value"));
    }

    @Test
    void aSmallGroupIsNotReadBackFromTheTotalAndTheOtherGroup() {
        // TH brain 4 of 20 hidden: THP shown at 30 and all at 34 would give 4 back → the smallest other part hides too
        List<SummaryPatient> ps = patients(50, i -> {
            P p = new P();
            p.group = i < 20 ? "TH" : "THP";
            p.brain = i < 4 || i >= 20 && i < 26;
            return p;
        });
        OutputTable pub = SummaryTables.of("vs", ps, List.of("TH", "THP"), 5).published().get("baseline_table");
        assertCell(pub, "brain_mets", "true", "TH", null, 20L, null, true);
        assertCell(pub, "brain_mets", "true", "all", 10L, 50L, 20.0, false);
        assertCell(pub, "brain_mets", "true", "THP", null, 30L, null, true);
        assertCell(pub, "brain_mets", "false", "THP", null, 30L, null, true);
    }

    @Test
    void kZeroPublishesEverything() {
        SummaryTables.Tables t = SummaryTables.of("s", thirty(), List.of(), 0);
        assertTrue(rows(t.published().get("baseline_table")).stream().noneMatch(r -> (Boolean) r.get("suppressed")));
        assertEquals(3L, cell(t.published().get("baseline_table"), "menopausal_status", "UNKNOWN", "all").get("n"));
    }
    /**
     * The study's patients in aggregated slices, as Spark makes them (decision 268), built here by
     * hand: per slice, each patient with only the base columns and the slice's column kept (the
     * record's other components null), counted per distinct row; per term, (group, max grade ≥ 1).
     */
    static SummaryData slices(List<SummaryPatient> patients) throws ReflectiveOperationException {
        RecordComponent[] parts = SummaryPatient.class.getRecordComponents();
        Constructor<SummaryPatient> make = SummaryPatient.class.getDeclaredConstructor(
                Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Map<String, List<SummaryData.Weighted>> columns = new HashMap<>();
        List<String> names = new ArrayList<>(List.of(SummaryData.BASE));
        names.addAll(SummaryData.SLICE_COLUMNS);
        for (String slice : names) {
            Map<SummaryPatient, Long> counts = new LinkedHashMap<>();
            for (SummaryPatient p : patients) {
                Object[] values = new Object[parts.length];
                for (int j = 0; j < parts.length; j++) {
                    String column = "group".equals(parts[j].getName()) ? "grp"
                            : parts[j].getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                    boolean kept = SummaryData.BASE_COLUMNS.contains(column) || column.equals(slice);
                    values[j] = "maxGrades".equals(parts[j].getName()) ? Map.of() : kept ? parts[j].getAccessor().invoke(p) : null;
                }
                counts.merge(make.newInstance(values), 1L, Long::sum);
            }
            columns.put(slice, counts.entrySet().stream().map(e -> new SummaryData.Weighted(e.getKey(), e.getValue())).toList());
        }
        Map<String, Map<SummaryPatient, Long>> grades = new TreeMap<>();
        for (SummaryPatient p : patients) {
            p.maxGrades().forEach((term, grade) -> grades.computeIfAbsent(term, t -> new LinkedHashMap<>())
                    .merge(SummaryData.patient(p.group(), Map.of(term, grade)), 1L, Long::sum));
        }
        Map<String, List<SummaryData.Weighted>> perTerm = new HashMap<>();
        grades.forEach((term, counts) -> perTerm.put(term, counts.entrySet().stream()
                .map(e -> new SummaryData.Weighted(e.getKey(), e.getValue())).toList()));
        return SummaryData.ofSlices(columns, perTerm);
    }

    private static void assertSameTables(SummaryTables.Tables expected, SummaryTables.Tables actual) {
        assertEquals(expected.published().keySet(), actual.published().keySet());
        for (String name : expected.published().keySet()) {
            assertEquals(rows(expected.published().get(name)), rows(actual.published().get(name)), name);
            String internal = SummaryTables.INTERNAL_PREFIX + name;
            assertEquals(rows(expected.internal().get(internal)), rows(actual.internal().get(internal)), internal);
        }
    }

    @Test
    void aggregatedSlicesGiveTheTablesOfThePatientsOneByOne() throws ReflectiveOperationException {
        // thirty(): odd and even n, medians between two values, weights > 1 (repeated ages are not: DoR and DFI are)
        assertSameTables(SummaryTables.of("s", thirty(), List.of(), 5), SummaryTables.of("s", slices(thirty()), List.of(), 5,
                0.95));
        assertSameTables(SummaryTables.of("s", thirty(), List.of(), 0), SummaryTables.of("s", slices(thirty()), List.of(), 0,
                0.95));
        assertSameTables(SummaryTables.of("vs", thAndThp(), List.of("TH", "THP"), 5),
                SummaryTables.of("vs", slices(thAndThp()), List.of("TH", "THP"), 5, 0.95));
        // patients outside the comparison groups (null group) and a term every patient of a group has
        List<SummaryPatient> mixed = patients(40, i -> {
            P p = new P();
            p.group = i < 15 ? "TH" : i < 35 ? "THP" : null;
            p.age = 40 + i % 7;
            p.docetaxel = i % 4 == 0 ? null : 4 + i % 3;
            p.bor = i % 5 == 0 ? "CR" : i % 5 == 1 ? "SD" : "PR";
            p.dor = p.bor.equals("SD") ? null : 3.5 + i % 6;
            if (i < 15 || i % 3 == 0) {
                p.grades.put("Diarrhea", 1 + i % 4);
            }
            return p;
        });
        assertSameTables(SummaryTables.of("vs", mixed, List.of("TH", "THP"), 5),
                SummaryTables.of("vs", slices(mixed), List.of("TH", "THP"), 5, 0.95));
        assertSameTables(SummaryTables.of("vs", mixed, List.of("TH", "THP"), 0),
                SummaryTables.of("vs", slices(mixed), List.of("TH", "THP"), 0, 0.95));
        // the slices are small: one row per distinct value, not per patient
        SummaryData data = slices(mixed);
        for (String column : SummaryData.SLICE_COLUMNS) {
            assertEquals(40L, data.column(column).stream().mapToLong(SummaryData.Weighted::weight).sum(), column);
        }
        assertEquals(40L, data.term("Diarrhea").stream().mapToLong(SummaryData.Weighted::weight).sum());
        assertTrue(data.column("age_at_index").size() < 40, "rows " + data.column("age_at_index").size());
    }

    @Test
    void weightedMedianIsRsMedianOfTheValuesRepeated() {
        java.util.function.Function<SummaryPatient, Number> age = SummaryPatient::ageAtIndex;
        List<SummaryData.Weighted> rows = List.of(new SummaryData.Weighted(patients(1, i -> {
            P p = new P();
            p.age = 40;
            return p;
        }).get(0), 3), new SummaryData.Weighted(patients(1, i -> {
            P p = new P();
            p.age = 50;
            return p;
        }).get(0), 3));
        // median(c(40, 40, 40, 50, 50, 50)) = 45; with 4 × 50: median(c(40, 40, 40, 50, 50, 50, 50)) = 50
        assertEquals(45.0, SummaryCells.median(rows, age), EPS);
        assertEquals(50.0, SummaryCells.median(List.of(rows.get(0), new SummaryData.Weighted(rows.get(1).patient(), 4)), age),
                EPS);
        assertEquals(40.0, SummaryCells.median(List.of(rows.get(0), new SummaryData.Weighted(rows.get(1).patient(), 0)), age),
                EPS);
    }
}
