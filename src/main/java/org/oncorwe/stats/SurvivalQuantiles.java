package org.oncorwe.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Median and quantiles of survival time with their confidence intervals, by R's two rules
 * (domain-rules §7). The median follows print.survfit / {@code summary(fit)$table} (survmean's
 * {@code minmin}); quantiles follow {@code quantile.survfit} ({@code findq}), which differs at the
 * end of a curve. The interval applies the same rule to the lower and upper curves. NaN is NA.
 */
public final class SurvivalQuantiles {

    /** R's {@code sqrt(.Machine$double.eps)}. */
    static final double TOLERANCE = TimeFix.TOLERANCE;

    private SurvivalQuantiles() {
    }

    /** A time with its confidence interval; NaN where R gives NA. */
    public record Estimate(double value, double lower, double upper) {
    }

    /** The median as {@code summary(fit)$table[, c("median", "0.95LCL", "0.95UCL")]}. */
    public static Estimate median(KaplanMeier.Result fit) {
        double[] t = fit.timeArray();
        return new Estimate(minmin(fit.survArray(), t), minmin(fit.lowerArray(), t), minmin(fit.upperArray(), t));
    }

    /** The p-quantile of survival time (p = 0.25: 25 % have had the event), as {@code quantile(fit, p)}. */
    public static Estimate quantile(KaplanMeier.Result fit, double p) {
        Arguments.checkProbability(p);
        double[] t = fit.timeArray();
        return new Estimate(findq(t, fit.survArray(), p), findq(t, fit.lowerArray(), p),
                findq(t, fit.upperArray(), p));
    }

    /**
     * survmean's minmin: t1 = the first time with S &lt; 0.5 + tol; if S(t1) is within tol of 0.5 and
     * S later falls below it, the midpoint of t1 and the first such later time.
     */
    static double minmin(double[] y, double[] x) {
        int first = -1;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && y[i] < 0.5 + TOLERANCE) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return Double.NaN;
        }
        if (Math.abs(y[first] - 0.5) < TOLERANCE) {
            for (int j = first + 1; j < y.length; j++) {
                if (!Double.isNaN(y[j]) && y[j] < 0.5 + TOLERANCE && y[j] < y[first]) {
                    return (x[first] + x[j]) / 2;
                }
            }
        }
        return x[first];
    }

    /**
     * quantile.survfit's findq on the cumulative curve c(0, 1 - surv) at times c(0, time): the time the
     * curve reaches p (midpoint when it sits at p), or the midpoint to the last time when the curve
     * ends at p.
     */
    static double findq(double[] time, double[] surv, double p) {
        int m = time.length + 1;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 1; i < m; i++) {
            x[i] = time[i - 1];
            y[i] = 1 - surv[i - 1];
        }
        double max = Arrays.stream(y).filter(v -> !Double.isNaN(v)).max().orElse(Double.NEGATIVE_INFINITY);
        if (max < p) {
            return Double.NaN;
        }
        double xmax = x[m - 1];
        // drop duplicated y values (NA counts as one value), keeping the first time of each
        List<double[]> kept = new ArrayList<>();
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < m; i++) {
            if (seen.add(y[i])) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        int i1 = approxConstantRight(kept, p, TOLERANCE);
        int i2 = approxConstantRight(kept, p, -TOLERANCE);
        double quant = i1 < 0 || i2 < 0 ? Double.NaN : (kept.get(i1)[0] + kept.get(i2)[0]) / 2;
        if (p == 0) {
            quant = kept.get(0)[0];
        }
        double last = kept.get(kept.size() - 1)[1];
        if (!Double.isNaN(last) && Math.abs(p - last) < TOLERANCE) {
            quant = i1 < 0 ? Double.NaN : (kept.get(i1)[0] + xmax) / 2;
        }
        return quant;
    }

    /**
     * R's {@code approx(y + shift, seq_along(y), p, method = "constant", f = 1)$y}: the index whose
     * y + shift is the smallest at or above p, -1 when p lies outside their range (NA pairs dropped).
     */
    private static int approxConstantRight(List<double[]> kept, double p, double shift) {
        Integer[] order = new Integer[kept.size()];
        int n = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (!Double.isNaN(kept.get(i)[1])) {
                order[n++] = i;
            }
        }
        Integer[] idx = Arrays.copyOf(order, n);
        Arrays.sort(idx, Comparator.comparingDouble(i -> kept.get(i)[1]));
        if (n == 0 || p < kept.get(idx[0])[1] + shift || p > kept.get(idx[n - 1])[1] + shift) {
            return -1;
        }
        for (Integer i : idx) {
            if (kept.get(i)[1] + shift >= p) {
                return i;
            }
        }
        return -1;
    }
}
