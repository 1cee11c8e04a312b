package org.oncorwe.stats;

/**
 * Survival at fixed times, as R's {@code summary(fit, times = ...)}: the curve's value at the last
 * time at or before t (1 before the first time), at risk = those with time &gt;= t, and nothing
 * (NaN, n_risk null) past the curve's last time, where R drops the time.
 */
public final class LandmarkSurvival {

    private LandmarkSurvival() {
    }

    /** One landmark; {@code nRisk} is null and the rest NaN past the end of the curve. */
    public record Point(double time, Long nRisk, double surv, double stdErr, double lower, double upper) {
        public boolean beyondCurve() {
            return nRisk == null;
        }
    }

    public static Point at(KaplanMeier.Result fit, double t) {
        if (fit.size() == 0 || t > fit.time(fit.size() - 1) || Double.isNaN(t)) {
            return new Point(t, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int i = fit.indexAtOrBefore(t);
        // n.risk at the first curve time >= t (survfit0 gives time 0 the first n.risk)
        int next = i >= 0 && fit.time(i) == t ? i : i + 1;
        long nRisk = fit.nRisk(next);
        if (i < 0) {
            return new Point(t, nRisk, 1, 0, 1, 1);
        }
        return new Point(t, nRisk, fit.surv(i), fit.stdErr(i), fit.lower(i), fit.upper(i));
    }
}
