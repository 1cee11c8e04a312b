package org.oncorwe.synth;

import org.oncorwe.stats.CoxData;
import org.oncorwe.stats.CoxModel;
import org.oncorwe.stats.KaplanMeier;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.SurvivalQuantiles;

import java.util.List;
import java.util.Locale;

/**
 * THP against TH on one endpoint, as CLEOPATRA compared its arms: Cox on the arm (reference TH)
 * stratified by prior anti-HER2 therapy, Efron ties, and each arm's Kaplan–Meier median.
 *
 * @param hr      THP vs TH, with its 95 % CI and the SE of log HR
 * @param medians months, TH then THP
 * @param n       patients, TH then THP
 * @param events  events, TH then THP
 */
record ArmComparison(CoxModel.Result.Term hr, double[] medians, long[] n, long[] events) {

    static final double DAYS_PER_MONTH = 30.4375;

    /** One patient: arm (TH or THP), stratum, days and event. */
    record Subject(String arm, boolean priorAntiHer2, int days, boolean event) {
    }

    static ArmComparison of(List<Subject> subjects) {
        int size = subjects.size();
        String[] strata = new String[size];
        String[] arms = new String[size];
        double[] time = new double[size];
        boolean[] event = new boolean[size];
        for (int i = 0; i < size; i++) {
            Subject s = subjects.get(i);
            strata[i] = Boolean.toString(s.priorAntiHer2());
            arms[i] = s.arm();
            time[i] = s.days();
            event[i] = s.event();
        }
        SurvivalData data = SurvivalData.ofSubjects(strata, arms, time, event);
        CoxModel.Result.Term term = CoxModel.withDefaults().fit(CoxData.ofGroup(data, "TH", true)).terms().get(0);
        double[] medians = new double[2];
        long[] n = new long[2];
        long[] events = new long[2];
        List<String> order = List.of("TH", "THP");
        for (int g = 0; g < 2; g++) {
            KaplanMeier.Result km = KaplanMeier.withDefaults().fit(data.countsOfGroup(order.get(g)));
            medians[g] = SurvivalQuantiles.median(km).value() / DAYS_PER_MONTH;
            n[g] = km.subjects();
            events[g] = km.events();
        }
        return new ArmComparison(term, medians, n, events);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HR %.3f (%.3f-%.3f), SE(log HR) %.4f; median TH %.1f, THP %.1f months; "
                        + "n TH %d, THP %d; events TH %d, THP %d", hr.hr(), hr.hrLower(), hr.hrUpper(), hr.se(), medians[0],
                medians[1], n[0], n[1], events[0], events[1]);
    }
}
