package org.oncorwe.stats;

/**
 * Follow-up of a cohort (domain-rules §7): the median by reverse Kaplan-Meier (censoring as the
 * event, R's {@code survfit(Surv(time, 1 - status) ~ 1)} median and CI), and the plain
 * observation times as papers print them (crude median, min, max).
 */
public final class FollowUp {

    private FollowUp() {
    }

    /** Reverse-KM median with CI, crude median, min and max of the observation times. */
    public record Result(SurvivalQuantiles.Estimate median, double crudeMedian, double min, double max) {
    }

    public static Result of(SurvivalData.Counts counts, KaplanMeier km) {
        SurvivalQuantiles.Estimate reverse = SurvivalQuantiles.median(km.fit(counts.reversed()));
        if (counts.size() == 0) {
            return new Result(reverse, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Result(reverse, crudeMedian(counts), counts.time(0), counts.time(counts.size() - 1));
    }

    /** R's median() of the observation times, each time counted once per subject. */
    static double crudeMedian(SurvivalData.Counts counts) {
        long n = counts.subjects();
        double lowerMiddle = nth(counts, (n + 1) / 2);
        return n % 2 == 1 ? lowerMiddle : (lowerMiddle + nth(counts, n / 2 + 1)) / 2;
    }

    /** The k-th smallest time, 1-based. */
    private static double nth(SurvivalData.Counts counts, long k) {
        long seen = 0;
        for (int i = 0; i < counts.size(); i++) {
            seen += counts.nEvent(i) + counts.nCensor(i);
            if (seen >= k) {
                return counts.time(i);
            }
        }
        throw new IllegalArgumentException("no subject number " + k);
    }
}
