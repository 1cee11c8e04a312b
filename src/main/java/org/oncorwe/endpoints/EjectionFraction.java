package org.oncorwe.endpoints;

import java.util.Comparator;
import java.util.List;

/**
 * Ejection fraction decreased (domain-rules §6) from LVEF measurements, rounded to 1 %: grade 2 in
 * [40, 50] or a drop of [10, 20) points below the baseline, grade 3 in [20, 40) or a drop ≥ 20,
 * grade 4 below 20; the higher of the two, counted when greater than the baseline's own grade
 * (decision 124). Baseline = the last LVEF in [index − lvef baseline days, index].
 */
final class EjectionFraction {

    static final String TERM = "Ejection fraction decreased";
    static final String TYPE = "LVEF";
    private static final int SCALE = 0;
    private static final Bands LEVEL = Bands.of(2, "<=50", "<40", "<20");
    private static final Bands DROP = Bands.of(2, ">=10", ">=20");

    private EjectionFraction() {
    }

    static List<TermOnset> onsets(List<Toxicity.Measurement> measurements, ToxicityWindow window, int baselineDays) {
        List<Reading> lvef = Reading.ofMeasurements(measurements, TYPE, SCALE);
        return window.gradedOnsets(TERM, lvef, baselineDays, Comparator.comparing(Reading::value), EjectionFraction::counted);
    }

    private static int counted(Reading lvef, Reading baseline) {
        if (baseline == null) {
            return LEVEL.grade(lvef.value());
        }
        int grade = Math.max(LEVEL.grade(lvef.value()), DROP.grade(baseline.value().subtract(lvef.value())));
        return LabTerm.aboveBaseline(grade, LEVEL.grade(baseline.value()));
    }
}
