package org.oncorwe.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

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
        double max = 0;
        for (int i = 1; i < m; i++) {
            x[i] = time[i - 1];
            y[i] = 1 - surv[i - 1];
            max = Double.isNaN(y[i]) ? max : Math.max(max, y[i]);
        }
        if (max < p) {
            return Double.NaN;
        }
        double xmax = x[m - 1];
        // drop duplicated y values (NA counts as one value), keeping the first time of each
        int n = 0;
        Set<Double> seen = new HashSet<>();
        boolean sorted = isNondecreasingThenNaN(y);
        for (int i = 0; i < m; i++) {
            boolean duplicate = sorted ? n > 0 && (y[i] == y[n - 1] || Double.isNaN(y[i]) && Double.isNaN(y[n - 1]))
                    : !seen.add(y[i]);
            if (!duplicate) {
                x[n] = x[i];
                y[n] = y[i];
                n++;
            }
        }
        int[] order = order(y, n, sorted);
        int i1 = approxConstantRight(y, order, p, TOLERANCE);
        int i2 = approxConstantRight(y, order, p, -TOLERANCE);
        double quant = i1 < 0 || i2 < 0 ? Double.NaN : (x[i1] + x[i2]) / 2;
        if (p == 0) {
            quant = x[0];
        }
        double last = y[n - 1];
        if (!Double.isNaN(last) && Math.abs(p - last) < TOLERANCE) {
            quant = i1 < 0 ? Double.NaN : (x[i1] + xmax) / 2;
        }
        return quant;
    }

    /** Whether the non-NaN values never decrease and every NaN comes after them (a usual curve). */
    private static boolean isNondecreasingThenNaN(double[] y) {
        boolean nan = false;
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                nan = true;
            } else if (nan || i > 0 && y[i] < y[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Indices of the first n values that are not NaN, by value (ties cannot occur after de-duplication). */
    private static int[] order(double[] y, int n, boolean sorted) {
        int[] idx = IntStream.range(0, n).filter(i -> !Double.isNaN(y[i])).toArray();
        if (!sorted) {
            idx = Arrays.stream(idx).boxed().sorted(Comparator.comparingDouble(i -> y[i]))
                    .mapToInt(Integer::intValue).toArray();
        }
        return idx;
    }

    /**
     * R's {@code approx(y + shift, seq_along(y), p, method = "constant", f = 1)$y}: the index whose
     * y + shift is the smallest at or above p, -1 when p lies outside their range (NA pairs dropped).
     */
    private static int approxConstantRight(double[] y, int[] order, double p, double shift) {
        int n = order.length;
        if (n == 0 || p < y[order[0]] + shift || p > y[order[n - 1]] + shift) {
            return -1;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (y[order[mid]] + shift >= p) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return order[lo];
    }
}
