package org.oncorwe.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan-Meier product-limit estimator with Greenwood's variance, as R's
 * {@code survfit(Surv(time, status) ~ 1, conf.type = ...)} (domain-rules §7). At risk at t is
 * everyone with time &gt;= t, so events come before censorings at tied times. The pointwise
 * interval is R's {@code survfit_confint} with its capping and NA rules; NA is {@code NaN} here.
 */
public final class KaplanMeier {

    private static final KaplanMeier DEFAULT = new KaplanMeier(ConfidenceIntervalType.LOG, 0.95);

    private final ConfidenceIntervalType confidenceIntervalType;
    private final double confidenceLevel;

    private KaplanMeier(ConfidenceIntervalType type, double level) {
        this.confidenceIntervalType = type;
        this.confidenceLevel = level;
    }

    /** log intervals at 95 %, as R. */
    public static KaplanMeier withDefaults() {
        return DEFAULT;
    }

    public KaplanMeier with(ConfidenceIntervalType type) {
        return new KaplanMeier(Arguments.checkNotNull(type, "type"), confidenceLevel);
    }

    public KaplanMeier withConfidenceLevel(double level) {
        return new KaplanMeier(confidenceIntervalType, Arguments.checkConfidenceLevel(level));
    }

    public ConfidenceIntervalType confidenceIntervalType() {
        return confidenceIntervalType;
    }

    /** The two-sided normal quantile of the confidence level (1.959964 at 95 %). */
    double z() {
        return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    }

    public Result fit(SurvivalData.Counts counts) {
        int n = counts.size();
        double[] surv = new double[n];
        double[] seLog = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] cumhaz = new double[n];
        double[] seChaz = new double[n];
        double s = 1;
        double greenwood = 0;
        double h = 0;
        double vh = 0;
        double z = z();
        for (int i = 0; i < n; i++) {
            double d = counts.nEvent(i);
            double r = counts.nRisk(i);
            if (d > 0) {
                s *= 1 - d / r;
                // R stores an infinite se once the curve reaches 0
                greenwood += r > d ? d / (r * (r - d)) : Double.POSITIVE_INFINITY;
                h += d / r;
                vh += d / (r * r);
            }
            surv[i] = s;
            seLog[i] = Math.sqrt(greenwood);
            cumhaz[i] = h;
            seChaz[i] = Math.sqrt(vh);
            if (confidenceIntervalType == ConfidenceIntervalType.LOG) {
                // bound() for LOG with log S taken once for both limits (the same arithmetic)
                double logS = Math.log(s == 0 ? Double.NaN : s);
                lower[i] = Math.exp(logS + -z * seLog[i]);
                upper[i] = Math.min(Math.exp(logS + z * seLog[i]), 1);
            } else {
                lower[i] = bound(s, seLog[i], -z);
                upper[i] = bound(s, seLog[i], z);
            }
        }
        return new Result(counts, confidenceIntervalType, confidenceLevel, surv, seLog, lower, upper, cumhaz, seChaz);
    }

    /**
     * One limit of R's survfit_confint (logse = TRUE, ulimit = TRUE): z &lt; 0 the lower, z &gt; 0 the
     * upper; NaN for NA.
     */
    double bound(double p, double se, double z) {
        switch (confidenceIntervalType) {
            case PLAIN: {
                double limit = p + z * se * p;
                return z < 0 ? Math.max(limit, 0) : Math.min(limit, 1);
            }
            case LOG: {
                double limit = Math.exp(Math.log(p == 0 ? Double.NaN : p) + z * se);
                return z < 0 ? limit : Math.min(limit, 1);
            }
            case LOG_LOG: {
                double x = p == 0 || p == 1 ? Double.NaN : p;
                // lower: exp(-exp(log(-log S) - z se / log S)), upper with + (R's temp1, temp2)
                return Math.exp(-Math.exp(Math.log(-Math.log(x)) + z * se / Math.log(x)));
            }
            default:
                throw new IllegalStateException(confidenceIntervalType.name());
        }
    }

    /** One curve: a row per distinct time (censor-only times included), no t = 0 row. */
    public static final class Result {
        private final SurvivalData.Counts counts;
        private final ConfidenceIntervalType type;
        private final double confidenceLevel;
        private final double[] surv;
        private final double[] stdErrLog;
        private final double[] lower;
        private final double[] upper;
        private final double[] cumhaz;
        private final double[] stdErrCumhaz;

        Result(SurvivalData.Counts counts, ConfidenceIntervalType type, double confidenceLevel, double[] surv,
               double[] stdErrLog, double[] lower, double[] upper, double[] cumhaz, double[] stdErrCumhaz) {
            this.counts = counts;
            this.type = type;
            this.confidenceLevel = confidenceLevel;
            this.surv = surv;
            this.stdErrLog = stdErrLog;
            this.lower = lower;
            this.upper = upper;
            this.cumhaz = cumhaz;
            this.stdErrCumhaz = stdErrCumhaz;
        }

        public ConfidenceIntervalType confidenceIntervalType() {
            return type;
        }

        /** The level of lower and upper (0.95 unless the estimator was given another). */
        public double confidenceLevel() {
            return confidenceLevel;
        }

        public SurvivalData.Counts counts() {
            return counts;
        }

        public int size() {
            return surv.length;
        }

        public long subjects() {
            return counts.subjects();
        }

        public long events() {
            return counts.events();
        }

        public double time(int i) {
            return counts.time(i);
        }

        public long nRisk(int i) {
            return counts.nRisk(i);
        }

        public long nEvent(int i) {
            return counts.nEvent(i);
        }

        public long nCensor(int i) {
            return counts.nCensor(i);
        }

        public double surv(int i) {
            return surv[i];
        }

        /** se of S (Greenwood), as R's summary.survfit prints: NaN where S = 0. */
        public double stdErr(int i) {
            return stdErrLog[i] * surv[i];
        }

        /** se of log S, as survfit stores it: infinite once S = 0. */
        public double stdErrLog(int i) {
            return stdErrLog[i];
        }

        public double lower(int i) {
            return lower[i];
        }

        public double upper(int i) {
            return upper[i];
        }

        /** Nelson-Aalen cumulative hazard, as survfit's cumhaz. */
        public double cumhaz(int i) {
            return cumhaz[i];
        }

        /** Its standard error, as survfit's std.chaz. */
        public double stdErrCumhaz(int i) {
            return stdErrCumhaz[i];
        }

        /** The last index with time &lt;= t, or -1 before the first time. */
        public int indexAtOrBefore(double t) {
            int lo = 0;
            int hi = size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (time(mid) <= t) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        // the arrays themselves, for the package's read-only use (no copies: curves reach a million points)
        double[] survArray() {
            return surv;
        }

        double[] lowerArray() {
            return lower;
        }

        double[] upperArray() {
            return upper;
        }

        double[] timeArray() {
            return counts.timeArray();
        }
    }
}
