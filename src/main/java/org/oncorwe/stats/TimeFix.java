package org.oncorwe.stats;

import java.util.Arrays;

/**
 * R's {@code aeqSurv} (the {@code timefix} of survfit, survdiff and coxph): over the sorted
 * distinct times, a time within sqrt(machine epsilon) of the one before it, absolutely or
 * relative to the mean of the distinct |times|, is tied to it; each run of tied times becomes
 * its first value.
 */
public final class TimeFix {

    /** R's {@code sqrt(.Machine$double.eps)}. */
    public static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private final double[] cuts;
    private final boolean changes;

    private TimeFix(double[] cuts, boolean changes) {
        this.cuts = cuts;
        this.changes = changes;
    }

    /** The rule for a set of times (all times of the analysis, every group and stratum together). */
    public static TimeFix of(double[] times) {
        return ofSortedDistinct(Arrays.stream(times).filter(Double::isFinite).sorted().distinct().toArray());
    }

    /** The rule for finite times already sorted and distinct (no copy, no sort). */
    static TimeFix ofSortedDistinct(double[] y) {
        double meanAbs = Arrays.stream(y).map(Math::abs).average().orElse(0);
        double[] cuts = new double[y.length];
        int n = 0;
        boolean changes = false;
        for (int i = 0; i < y.length; i++) {
            double dy = i == 0 ? Double.NaN : y[i] - y[i - 1];
            boolean tied = i > 0 && (dy <= TOLERANCE || dy / meanAbs <= TOLERANCE);
            if (tied) {
                changes = true;
            } else {
                cuts[n++] = y[i];
            }
        }
        return new TimeFix(Arrays.copyOf(cuts, n), changes);
    }

    public boolean changesAnything() {
        return changes;
    }

    /** The time a value becomes: the last cut at or below it (R's findInterval). */
    public double apply(double time) {
        if (!changes) {
            return time;
        }
        int i = Arrays.binarySearch(cuts, time);
        return i >= 0 ? cuts[i] : cuts[Math.max(0, -i - 2)];
    }
}
