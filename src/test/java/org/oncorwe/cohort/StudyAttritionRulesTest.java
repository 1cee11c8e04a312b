package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.DayWindow;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * domain-rules §2 anchor and §4 attrition of first_line_thp (period 2008-08-01 … 2020-10-31), one
 * rule per test, on a hand-built de novo HER2-positive (IHC 3+) patient whose METASTATIC line 1 is
 * THP: only the rule's own input is varied.
 */
@Tag("unit")
class StudyAttritionRulesTest {

    static final LocalDate INDEX = LocalDate.of(2019, 1, 1);
    static final Biomarkers.Her2 IHC3 = new Biomarkers.Her2(true, "IHC3");

    private static LinesOfTherapy.Line thp(String setting, LocalDate start) {
        return new LinesOfTherapy.Line(setting, 1, 1, "docetaxel+pertuzumab+trastuzumab", "THP", start, start.plusDays(63),
                LinesOfTherapy.EndReason.GAP, null, null, false);
    }

    private static Biomarkers.Report ihc3(LocalDate date) {
        return new Biomarkers.Report(date, "PRIMARY", null, null, null, null, "3+", null, null);
    }

    /** Born 1970, metastatic (de novo) and IHC 3+ ten days before the index line's start. */
    private static StudyAttrition.Patient patient(LocalDate death, LocalDate lastContact, LinesOfTherapy.Line line,
                                                 Biomarkers.Report report) {
        LocalDate diagnosis = INDEX.minusDays(10);
        return new StudyAttrition.Patient(LocalDate.of(1970, 1, 1), death, lastContact,
                new DiseaseCourse.Course(true, diagnosis, diagnosis, "DE_NOVO", null, null), List.of(report), List.of(line));
    }

    /** Alive and seen a year after an index line starting on {@code index}. */
    private static StudyAttrition.Patient indexedOn(LocalDate index) {
        return patient(null, index.plusDays(365), thp("METASTATIC", index), ihc3(index.minusDays(10)));
    }

    private static StudyAttrition.Verdict verdict(StudyAttrition.Patient p) {
        return StudyAttrition.evaluate(ExtractFacts.FIRST_LINE_THP, p, Her2Rule.ASCO_CAP_2018, DayWindow.days(30), 30);
    }

    @Test
    void withoutAnIndexLineHer2IsJudgedFromEveryReportAndTheVerdictIsHasIndexLine() {
        Biomarkers.Report years = ihc3(LocalDate.of(2022, 1, 1)); // long after anchor + 30 of any line
        assertEquals(new StudyAttrition.Verdict("HAS_INDEX_LINE", null, IHC3),
                verdict(patient(null, INDEX.plusDays(365), thp("PERIOPERATIVE", INDEX.minusYears(2)), years)), "no METASTATIC line 1: ANY");
        LinesOfTherapy.Line index = thp("METASTATIC", INDEX);
        assertEquals(new StudyAttrition.Verdict("HER2_POSITIVE", index, new Biomarkers.Her2(false, null)),
                verdict(patient(null, INDEX.plusDays(365), index, years)), "with the line, only reports up to its start + 30");
    }

    @Test
    void deathOnTheIndexDayKeepsThePatient() {
        LinesOfTherapy.Line index = thp("METASTATIC", INDEX);
        assertEquals(new StudyAttrition.Verdict("INCLUDED", index, IHC3), verdict(patient(INDEX, INDEX, index, ihc3(INDEX))));
    }

    @Test
    void lastContactOnTheIndexDayWithoutDeathIsExcludedAtFollowUpAfterIndex() {
        LinesOfTherapy.Line index = thp("METASTATIC", INDEX);
        assertEquals(new StudyAttrition.Verdict("FOLLOW_UP_AFTER_INDEX", index, IHC3),
                verdict(patient(null, INDEX, index, ihc3(INDEX))));
        assertEquals("INCLUDED", verdict(patient(null, INDEX.plusDays(1), index, ihc3(INDEX))).status(), "one day later");
    }

    @Test
    void anIndexOnTheFirstOrLastDayOfTheStudyPeriodIsIncluded() {
        assertEquals("INCLUDED", verdict(indexedOn(LocalDate.of(2008, 8, 1))).status());
        assertEquals("INCLUDED", verdict(indexedOn(LocalDate.of(2020, 10, 31))).status());
    }

    @Test
    void anIndexTheDayBeforeOrAfterTheStudyPeriodIsExcludedAtIndexInStudyPeriod() {
        assertEquals("INDEX_IN_STUDY_PERIOD", verdict(indexedOn(LocalDate.of(2008, 7, 31))).status());
        assertEquals("INDEX_IN_STUDY_PERIOD", verdict(indexedOn(LocalDate.of(2020, 11, 1))).status());
    }
}
