package org.oncorwe.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The median survival time with its confidence interval by either method of domain-rules §7:
 * {@link MedianCiMethod#R} (R's rule on the lower and upper curves) or
 * {@link MedianCiMethod#SYMMETRIC} (SPSS; Collett, Klein and Moeschberger).
 */
public final class MedianConfidenceInterval {

    /** The symmetric interval's multiplier at 95 %, 1.96 literally (as SPSS prints it). */
    static final double Z_SYMMETRIC = 1.96;
    private static final double LEVEL_OF_1_96 = 0.95;
    private static final double ABOVE = 0.55;
    private static final double BELOW = 0.45;

    private MedianConfidenceInterval() {
    }

    public static SurvivalQuantiles.Estimate of(KaplanMeier.Result fit, MedianCiMethod method) {
        return switch (method) {
            case R -> SurvivalQuantiles.median(fit);
            case SYMMETRIC -> symmetric(fit);
        };
    }

    /**
     * The symmetric interval's multiplier at a confidence level: 1.96 literally at 0.95 (domain-rules
     * §7), the two-sided normal quantile at any other level (1.644854 at 0.90; decision 211).
     */
    static double symmetricZ(double level) {
        return level == LEVEL_OF_1_96 ? Z_SYMMETRIC
                : new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /**
     * t_m +/- z se, se = Greenwood se of S at t_m over the density estimate f = (S(u) - S(l)) / (l - u),
     * u = the last event time with S &gt;= 0.55 (0 with S = 1 when none), l = the first event time with
     * S &lt;= 0.45, both compared within sqrt(eps) as the median's 0.5 is; z = {@link #symmetricZ} of the fit's level. NA when there is no median or no l; the
     * lower limit is not truncated.
     */
    static SurvivalQuantiles.Estimate symmetric(KaplanMeier.Result fit) {
        double median = SurvivalQuantiles.median(fit).value();
        double u = 0;
        double su = 1;
        double l = Double.NaN;
        double sl = Double.NaN;
        for (int i = 0; i < fit.size(); i++) {
            if (fit.nEvent(i) == 0) {
                continue;
            }
            // within sqrt(eps), as the median's 0.5: a curve at 11/20 exactly is at 0.55 however it rounds (decision 214)
            if (fit.surv(i) >= ABOVE - SurvivalQuantiles.TOLERANCE) {
                u = fit.time(i);
                su = fit.surv(i);
            }
            if (fit.surv(i) <= BELOW + SurvivalQuantiles.TOLERANCE && Double.isNaN(l)) {
                l = fit.time(i);
                sl = fit.surv(i);
            }
        }
        if (Double.isNaN(median) || Double.isNaN(l)) {
            return new SurvivalQuantiles.Estimate(median, Double.NaN, Double.NaN);
        }
        double density = (su - sl) / (l - u);
        int at = fit.indexAtOrBefore(median);
        double se = fit.stdErr(at) / density;
        double z = symmetricZ(fit.confidenceLevel());
        return new SurvivalQuantiles.Estimate(median, median - z * se, median + z * se);
    }
}
