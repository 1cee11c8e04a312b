package org.oncorwe.endpoints;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncorwe.endpoints.ToxicityCases.grade;
import static org.oncorwe.endpoints.ToxicityCases.lvef;
import static org.oncorwe.endpoints.ToxicityCases.maxGrade;

/** Ejection fraction decreased (domain-rules §6): LVEF levels 50 / 40 / 20 and drops 10 / 20 from the baseline, at their edges. */
@Tag("unit")
class EjectionFractionTest {

    private static int efGrade(String baseline, String baselineDate, String value) {
        List<Toxicity.Measurement> m = baseline == null ? List.of(lvef("2020-03-02", value))
                : List.of(lvef(baselineDate, baseline), lvef("2020-03-02", value));
        return maxGrade(grade(List.of(), m, List.of()), EjectionFraction.TERM);
    }

    @ParameterizedTest(name = "LVEF {0} % from baseline 55 -> grade {1}")
    @CsvSource({"51, 0", "50.5, 0", "50.4, 2", "50, 2", "46, 2", "40, 2", "39, 3", "35, 3", "20, 3", "19, 4", "10, 4"})
    void levelEdges50And40And20(String lvef, int grade) {
        assertEquals(grade, efGrade("55", "2019-12-20", lvef));
    }

    @ParameterizedTest(name = "LVEF {0} % from baseline 75 -> grade {1}")
    @CsvSource({"66, 0", "65.5, 0", "65.4, 2", "65, 2", "56, 2", "55.5, 2", "55.4, 3", "55, 3", "52, 3"})
    void dropEdges10And20(String lvef, int grade) {
        assertEquals(grade, efGrade("75", "2019-12-20", lvef));
    }

    @Test
    void theBaselineIsTheLastValueInTheHundredEightyDaysUpToIndex() {
        assertEquals(3, efGrade("72", "2019-07-10", "52"), "index - 180: baseline 72, drop 20");
        assertEquals(0, efGrade("72", "2019-07-09", "52"), "index - 181: no baseline, 52 has no grade");
        assertEquals(0, efGrade(null, null, "52"));
        List<Toxicity.Measurement> two = List.of(lvef("2019-11-01", "52"), lvef("2020-01-06", "72"), lvef("2020-03-02", "52"));
        assertEquals(3, maxGrade(grade(List.of(), two, List.of()), EjectionFraction.TERM), "the last one, the index day's");
        List<Toxicity.Measurement> sameDay = List.of(lvef("2020-01-06", "72"), lvef("2020-01-06", "62"), lvef("2020-03-02", "52"));
        assertEquals(2, maxGrade(grade(List.of(), sameDay, List.of()), EjectionFraction.TERM), "same day: the worse, 62");
    }

    @Test
    void aGradeCountsOnlyAboveTheBaselinesOwnGrade() {
        assertEquals(0, efGrade("45", "2019-12-20", "45"), "grade 2 at baseline and after");
        assertEquals(0, efGrade("45", "2019-12-20", "40"), "drop 5, level grade 2 as at baseline");
        assertEquals(3, efGrade("45", "2019-12-20", "35"), "drop 10 and level [20, 40): grade 3");
    }

    @Test
    void onlyLvefMeasurementsInTheWindowCount() {
        List<Toxicity.Measurement> m = List.of(lvef("2020-01-06", "30"), lvef("2020-07-01", "30"),
                ToxicityCases.measurement("WEIGHT", "2020-03-02", ToxicityCases.dec("30")));
        assertEquals(List.of(), grade(List.of(), m, List.of()));
    }
}
