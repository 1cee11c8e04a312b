package org.oncorwe.cohort;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.DayWindow;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HER2 and HR status (domain-rules §2): the ASCO/CAP groups, the pairing, the fixture and the sample's truth. */
@Tag("unit")
class BiomarkersTest {

    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);
    static final Set<String> AFTER_HER2 = Set.of("INCLUDED", "METASTATIC", "HAS_INDEX_LINE", "PRIOR_LINES_MATCH",
            "INDEX_LINE_IS_THP", "INDEX_IN_STUDY_PERIOD", "FOLLOW_UP_AFTER_INDEX");

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    @Test
    void ascoCap2018Groups() {
        Her2Rule asco = Her2Rule.ASCO_CAP_2018;
        assertTrue(Biomarkers.isPositive("3+", null, null, asco));
        assertTrue(Biomarkers.isPositive(null, d("2.0"), d("4.0"), asco), "group 1 at its edges");
        assertTrue(Biomarkers.isPositive("2+", d("2.5"), null, asco), "ratio >= 2 with copies missing");
        assertFalse(Biomarkers.isPositive("2+", d("2.5"), d("3.9"), asco), "group 2 needs IHC 3+");
        assertTrue(Biomarkers.isPositive("2+", d("1.5"), d("6.0"), asco), "group 3 with IHC 2+");
        assertFalse(Biomarkers.isPositive("1+", d("1.5"), d("6.0"), asco), "group 3 without IHC 2+/3+");
        assertFalse(Biomarkers.isPositive("2+", d("1.5"), d("5.9"), asco), "group 4");
        assertFalse(Biomarkers.isPositive("2+", d("1.99"), d("3.0"), asco), "group 5");
        assertTrue(Biomarkers.isPositive("2+", d("2.5"), d("3.9"), Her2Rule.RATIO_ONLY));
        assertFalse(Biomarkers.isPositive("2+", d("1.5"), d("6.0"), Her2Rule.RATIO_ONLY));
    }

    @Test
    void ishOnlyReportTakesTheNearestIhcOfItsSpecimen() {
        LocalDate day = LocalDate.of(2019, 1, 10);
        List<Biomarkers.Report> reports = List.of(
                new Biomarkers.Report(day, "PRIMARY", null, null, null, null, "2+", null, null),
                new Biomarkers.Report(day.plusDays(25), "METASTASIS", null, null, null, null, "1+", null, null),
                new Biomarkers.Report(day.plusDays(20), "PRIMARY", null, null, null, null, null, d("1.5"), d("6.5")));
        assertEquals(new Biomarkers.Her2(true, "ISH"), Biomarkers.her2(reports, null, Her2Rule.ASCO_CAP_2018, DayWindow.ANY, 30));
        List<Biomarkers.Report> farIhc = List.of(reports.get(0).withDate(day.minusDays(11)), reports.get(2));
        assertFalse(Biomarkers.her2(farIhc, null, Her2Rule.ASCO_CAP_2018, DayWindow.ANY, 30).positive(), "31 days apart");
    }

    @Test
    void hrFromTheLatestReportWithAReceptorValue() {
        LocalDate day = LocalDate.of(2019, 1, 10);
        List<Biomarkers.Report> reports = List.of(
                new Biomarkers.Report(day, "PRIMARY", d("50"), d("0"), null, null, "3+", null, null),
                new Biomarkers.Report(day.plusDays(100), "METASTASIS", d("0.5"), null, null, "NEGATIVE", null, null, null),
                new Biomarkers.Report(day.plusDays(200), "METASTASIS", null, null, null, null, "3+", null, null));
        assertEquals("NEGATIVE", Biomarkers.hrStatus(reports, day.plusDays(300), 30), "0.5 % ER and a negative PR result");
        assertEquals("POSITIVE", Biomarkers.hrStatus(reports, day.plusDays(50), 30), "the later report is after anchor + 30");
        assertEquals("UNKNOWN", Biomarkers.hrStatus(List.of(reports.get(2)), null, 30));
    }

    @Test
    void theHandFixturePatientsAsComputedByHand() throws IOException {
        Path hand = TestPaths.home().resolve("src/test/resources/fixtures/hand");
        ExtractFacts facts = ExtractFacts.of(hand.resolve("2020-10-31"), EXTRACT);
        List<String> diffs = new ArrayList<>();
        int checked = 0;
        for (CSVRecord e : ExtractFacts.csv(hand.resolve("expected/expected_cohort.csv"), '#')) {
            String id = e.get("patient_id");
            String status = e.get("status");
            if (!AFTER_HER2.contains(status) && !status.equals("HER2_POSITIVE")) {
                continue;
            }
            checked++;
            LocalDate anchor = facts.firstMetastaticLineStart(id, EXTRACT);
            List<Biomarkers.Report> reports = facts.reports().getOrDefault(id, List.of());
            Biomarkers.Her2 her2 = Biomarkers.her2(reports, anchor, Her2Rule.ASCO_CAP_2018, DayWindow.days(30), 30);
            String got = her2.positive() + "," + (status.equals("INCLUDED") ? her2.basis() + "," + Biomarkers.hrStatus(reports, anchor, 30) : "");
            String want = AFTER_HER2.contains(status) + "," + (status.equals("INCLUDED") ? e.get("her2_basis") + "," + e.get("hr_status") : "");
            if (!got.equals(want)) {
                diffs.add(id + " " + status + " want " + want + " got " + got);
            }
        }
        assertTrue(checked > 20);
        assertEquals(List.of(), diffs);
    }

    @Test
    void theSamplePatientsAsPlanted() throws IOException {
        Path sample = TestPaths.home().resolve("sample-data/smc-like");
        ExtractFacts facts = ExtractFacts.of(sample.resolve("2020-10-31"), EXTRACT);
        List<String> diffs = new ArrayList<>();
        int checked = 0;
        for (CSVRecord t : ExtractFacts.csv(sample.resolve("truth/2020-10-31/patients.csv"), null)) {
            String id = t.get("patient_id");
            String step = t.get("expected_step");
            if (!AFTER_HER2.contains(step) && !step.equals("HER2_POSITIVE")) {
                continue;
            }
            checked++;
            LocalDate anchor = facts.firstMetastaticLineStart(id, EXTRACT);
            List<Biomarkers.Report> reports = facts.reports().getOrDefault(id, List.of());
            Biomarkers.Her2 her2 = Biomarkers.her2(reports, anchor, Her2Rule.ASCO_CAP_2018, DayWindow.days(30), 30);
            boolean included = step.equals("INCLUDED");
            String got = her2.positive() + (included ? "," + her2.basis() + "," + Biomarkers.hrStatus(reports, anchor, 30) : "");
            String want = AFTER_HER2.contains(step) + (included ? "," + t.get("her2_basis") + "," + t.get("hr_status") : "");
            if (!got.equals(want)) {
                diffs.add(id + " " + step + " want " + want + " got " + got);
            }
        }
        assertTrue(checked > 500, Integer.toString(checked));
        assertEquals(List.of(), diffs, () -> diffs.size() + " differ");
    }
}
