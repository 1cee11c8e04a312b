package org.oncorwe.endpoints;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.dictionary.LabAnalyte;
import org.oncorwe.ingest.dictionary.LabDictionary;
import org.oncorwe.testing.TestPaths;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncorwe.endpoints.ToxicityCases.BASELINE_TIME;
import static org.oncorwe.endpoints.ToxicityCases.WINDOW_TIME;
import static org.oncorwe.endpoints.ToxicityCases.derivedAnc;
import static org.oncorwe.endpoints.ToxicityCases.grade;
import static org.oncorwe.endpoints.ToxicityCases.lab;
import static org.oncorwe.endpoints.ToxicityCases.labGrade;
import static org.oncorwe.endpoints.ToxicityCases.maxGrade;

/** Lab-derived CTCAE v5.0 grades (domain-rules §6) at every band edge, with exact decimals and the baseline rules. */
@Tag("unit")
class ToxicityLabGradesTest {

    private static final String ANC = LabTerm.NEUTROPHILS.term();

    /** Every edge of the v5.0 lab table (fixtures/toxicity/lab_band_edges.csv: the rows say what each tests). */
    @ParameterizedTest(name = "{0}: {3} (baseline {2}, LLN {4}, ULN {5}) -> grade {6}")
    @CsvFileSource(resources = "/fixtures/toxicity/lab_band_edges.csv", numLinesToSkip = 1)
    void everyLabBandEdge(String band, LabTerm term, String baseline, String value, String lln, String uln, int grade) {
        assertEquals(grade, labGrade(term, baseline, value, lln, uln), band);
    }

    @ParameterizedTest(name = "ANC {0} in /uL -> grade {1}")
    @CsvSource({"1500, 1", "1499, 1", "1494, 2", "1000, 2", "995, 2", "994, 3", "500, 3", "495, 3", "494, 4"})
    void neutrophilsInCellsPerMicrolitreThroughTheDictionary(String perMicrolitre, int grade) {
        assertEquals(grade, labGrade(LabTerm.NEUTROPHILS, "4.00", canonical("751-8", perMicrolitre, "/uL"),
                canonical("751-8", "1800", "/uL"), canonical("751-8", "7000", "/uL")));
    }

    @ParameterizedTest(name = "bilirubin {0} umol/L (ULN {1} umol/L) -> grade {2}")
    @CsvSource({"51.3, 17.1, 2", "30.78, 20.52, 1", "30.96, 20.52, 2", "20.52, 20.52, 0", "21, 21, 0"})
    void bilirubinInMicromolesPerLitreThroughTheDictionary(String value, String uln, int grade) {
        assertEquals(grade, labGrade(LabTerm.BILIRUBIN, canonical("1975-2", "10.3", "umol/L"), canonical("1975-2", value, "umol/L"),
                canonical("1975-2", "3.4", "umol/L"), canonical("1975-2", uln, "umol/L")));
    }

    @Test
    void creatinineTakesTheHigherOfUlnAndBaseline() {
        assertEquals(2, labGrade(LabTerm.CREATININE, "0.9", "1.36", "0.5", "1.1")); // 1.36 > 1.5 x 0.9; by ULN grade 1
        assertEquals(4, labGrade(LabTerm.CREATININE, "0.9", "6.7", "0.5", "1.1")); // 6.7 > 6 x 1.1; by baseline grade 3 (HND-0013)
        assertEquals(3, labGrade(LabTerm.CREATININE, "0.5", "1.6", "0.4", "1.2")); // 1.6 > 3 x 0.5; by ULN grade 1 (HND-0014)
    }

    @Test
    void creatinineAboveUlnAtBaselineCountsOnlyAboveTheBaselinesGrade() {
        assertEquals(0, labGrade(LabTerm.CREATININE, "2.0", "2.5", "0.5", "1.1")); // grade 2 by ULN, as at baseline
        assertEquals(3, labGrade(LabTerm.CREATININE, "2.0", "3.5", "0.5", "1.1")); // 3.5 > 3.3 = 3 x ULN
    }

    @Test
    void creatinineByBaselineWithoutAnyUln() {
        assertEquals(3, labGrade(LabTerm.CREATININE, "0.5", "1.6", null, null));
        assertEquals(0, labGrade(LabTerm.CREATININE, null, "6.7", null, null));
    }

    @Test
    void aLabAtTheBaselinesGradeDoesNotCount() {
        assertEquals(0, labGrade(LabTerm.NEUTROPHILS, "1.20", "1.10", "1.8", "7.0")); // grade 2 at baseline and after
        assertEquals(3, labGrade(LabTerm.NEUTROPHILS, "1.20", "0.90", "1.8", "7.0"));
        assertEquals(0, labGrade(LabTerm.ALT, "50", "70", "0", "40")); // baseline 50 > ULN: 70 < 1.5 x 50 (by ULN: 1, as at baseline)
        assertEquals(0, labGrade(LabTerm.PLATELETS, "60", "55", "150", "400"));
    }

    @Test
    void withoutABaselineEveryGradeCounts() {
        assertEquals(2, labGrade(LabTerm.NEUTROPHILS, null, "1.10", "1.8", "7.0"));
        assertEquals(1, labGrade(LabTerm.ALT, null, "41", "0", "40"));
    }

    @Test
    void withoutLlnNoGrade1OfADecrease() {
        assertEquals(0, labGrade(LabTerm.NEUTROPHILS, "4.00", "1.60", null, null));
        assertEquals(2, labGrade(LabTerm.NEUTROPHILS, "4.00", "1.40", null, null));
        assertEquals(0, labGrade(LabTerm.WHITE_CELLS, null, "3.0", null, null)); // HND-0021's WBC
    }

    @Test
    void withoutUlnNoUlnBasedGrade() {
        assertEquals(0, labGrade(LabTerm.ALT, "30", "500", "0", null));
        assertEquals(0, labGrade(LabTerm.BILIRUBIN, "0.6", "5.0", null, null));
    }

    @Test
    void aDerivedAncIsAnAncWithoutLln() {
        assertEquals(2, maxGrade(grade(List.of(derivedAnc(WINDOW_TIME, "3.0", "1.20")), List.of(), List.of()), ANC));
        assertEquals(0, maxGrade(grade(List.of(derivedAnc(WINDOW_TIME, "4.0", "1.60")), List.of(), List.of()), ANC));
        assertEquals(0, maxGrade(grade(List.of(derivedAnc(WINDOW_TIME, "3.0", "1.20")), List.of(), List.of()),
                LabTerm.WHITE_CELLS.term()), "the WBC row itself has no LLN");
    }

    @Test
    void aBaselineWithoutARangeIsJudgedByTheSamplesRange() {
        // derived baseline 1.60 (grade 1 by the later sample's LLN 1.8): a measured 1.70 is no worse
        assertEquals(0, maxGrade(grade(List.of(derivedAnc(BASELINE_TIME, "4.0", "1.60"), lab("anc", WINDOW_TIME, "1.70", "1.8", "7.0")),
                List.of(), List.of()), ANC));
        // ALT baseline 60 without a range is above the later sample's ULN 40: the x baseline row
        assertEquals(2, maxGrade(grade(List.of(lab("alt", BASELINE_TIME, "60", null, null), lab("alt", WINDOW_TIME, "300", "0", "40")),
                List.of(), List.of()), LabTerm.ALT.term()));
    }

    @Test
    void theBaselineIsTheLatestSampleInTheThirtyDaysUpToIndex() {
        List<Toxicity.LabSample> latestIsNormal = List.of(lab("anc", "2019-12-27T08:00", "0.90", "1.8", "7.0"),
                lab("anc", BASELINE_TIME, "3.50", "1.8", "7.0"), lab("anc", WINDOW_TIME, "0.90", "1.8", "7.0"));
        assertEquals(3, maxGrade(grade(latestIsNormal, List.of(), List.of()), ANC));
        List<Toxicity.LabSample> thirtyDaysBefore = List.of(lab("anc", "2019-12-07T08:00", "0.90", "1.8", "7.0"),
                lab("anc", WINDOW_TIME, "0.90", "1.8", "7.0"));
        assertEquals(0, maxGrade(grade(thirtyDaysBefore, List.of(), List.of()), ANC), "index - 30 is a baseline");
        List<Toxicity.LabSample> thirtyOneDaysBefore = List.of(lab("anc", "2019-12-06T08:00", "0.90", "1.8", "7.0"),
                lab("anc", WINDOW_TIME, "0.90", "1.8", "7.0"));
        assertEquals(3, maxGrade(grade(thirtyOneDaysBefore, List.of(), List.of()), ANC), "index - 31 is not");
    }

    @Test
    void twoBaselineSamplesAtTheSameTimeTheWorseIsTheBaseline() {
        List<Toxicity.LabSample> labs = List.of(lab("anc", BASELINE_TIME, "3.50", "1.8", "7.0"),
                lab("anc", BASELINE_TIME, "0.95", "1.8", "7.0"), lab("anc", WINDOW_TIME, "0.90", "1.8", "7.0"));
        assertEquals(0, maxGrade(grade(labs, List.of(), List.of()), ANC));
        List<Toxicity.LabSample> alt = List.of(lab("alt", BASELINE_TIME, "30", "0", "40"), lab("alt", BASELINE_TIME, "60", "0", "40"),
                lab("alt", WINDOW_TIME, "130", "0", "40"));
        assertEquals(1, maxGrade(grade(alt, List.of(), List.of()), LabTerm.ALT.term()), "baseline 60: x baseline row, 130 >= 90");
    }

    @Test
    void aDateOnlySampleOnTheLatestDayCannotBeOrderedAmongItsTimedOnes() {
        List<Toxicity.LabSample> labs = List.of(lab("anc", "2020-01-06T06:00", "0.95", "1.8", "7.0"),
                lab("anc", "2020-01-06T08:00", "3.50", "1.8", "7.0"), lab("anc", WINDOW_TIME, "0.90", "1.8", "7.0"));
        assertEquals(3, maxGrade(grade(labs, List.of(), List.of()), ANC), "timed: the 08:00 sample is the latest");
        List<Toxicity.LabSample> dateOnly = List.of(lab("anc", "2020-01-06", "0.95", "1.8", "7.0"),
                lab("anc", "2020-01-06T08:00", "3.50", "1.8", "7.0"), lab("anc", WINDOW_TIME, "0.90", "1.8", "7.0"));
        assertEquals(0, maxGrade(grade(dateOnly, List.of(), List.of()), ANC), "date-only 0.95 may be the latest: the worse");
    }

    @Test
    void windowIsAfterIndexUpToTheWindowEnd() {
        assertEquals(0, maxGrade(grade(List.of(lab("anc", "2020-01-06T18:00", "0.30", "1.8", "7.0")), List.of(), List.of()), ANC),
                "an index-day sample is a baseline only");
        assertEquals(4, maxGrade(grade(List.of(lab("anc", "2020-06-30T23:59", "0.30", "1.8", "7.0")), List.of(), List.of()), ANC));
        assertEquals(0, maxGrade(grade(List.of(lab("anc", "2020-07-01", "0.30", "1.8", "7.0")), List.of(), List.of()), ANC));
    }

    @Test
    void samplesWithoutACanonicalValueOrAnalyteAreNotGraded() {
        assertEquals(List.of(), grade(List.of(lab("alt", WINDOW_TIME, null, null, null), lab(null, WINDOW_TIME, "0.3", "1.8", "7.0"),
                lab("neutrophil_pct", WINDOW_TIME, "5", "40", "75")), List.of(), List.of()));
    }

    @Test
    void theWindowEndIsTheEarlierOfLineEndPlusThirtyAndTheDayBeforeTheNextLine() {
        Toxicity.Params p = Toxicity.Params.defaults();
        assertEquals(LocalDate.of(2017, 3, 23), Toxicity.windowEnd(LocalDate.of(2017, 2, 21), null, p));
        assertEquals(LocalDate.of(2018, 10, 21), Toxicity.windowEnd(LocalDate.of(2018, 10, 1),
                LocalDate.of(2018, 10, 22), p));
    }

    /** A value converted to its analyte's canonical unit by the lab dictionary of conf/, as ingest converts it. */
    private static String canonical(String loinc, String value, String unit) {
        LabDictionary labs = DICTIONARIES.labs();
        LabAnalyte analyte = labs.resolve(loinc, null, null).orElseThrow();
        return labs.conversion(analyte, unit).orElseThrow().apply(new BigDecimal(value)).toPlainString();
    }

    private static final Dictionaries DICTIONARIES = Dictionaries.load(TestPaths.home().resolve("conf/dictionaries"));
}
