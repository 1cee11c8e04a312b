package org.oncorwe.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The exact (Clopper-Pearson) confidence interval of a proportion, as R's {@code binom.test}:
 * lower = Beta quantile alpha/2 with (x, n - x + 1), 0 at x = 0; upper = Beta quantile 1 - alpha/2
 * with (x + 1, n - x), 1 at x = n (domain-rules §7: ORR and CR rate).
 */
public final class ClopperPearson {

    private static final ClopperPearson DEFAULT = new ClopperPearson(0.95);
    private static final double ACCURACY = 1e-15;

    private final double confidenceLevel;

    private ClopperPearson(double level) {
        this.confidenceLevel = level;
    }

    public static ClopperPearson withDefaults() {
        return DEFAULT;
    }

    public ClopperPearson withConfidenceLevel(double level) {
        return new ClopperPearson(Arguments.checkConfidenceLevel(level));
    }

    /** A proportion with its interval. */
    public record Result(long successes, long trials, double estimate, double lower, double upper) {
    }

    public Result interval(long successes, long trials) {
        Arguments.checkCount(successes);
        if (trials < 1 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, trials >= 1: " + successes + "/" + trials);
        }
        double alpha = 1 - confidenceLevel;
        double lower = successes == 0 ? 0
                : new BetaDistribution(null, successes, trials - successes + 1, ACCURACY)
                        .inverseCumulativeProbability(alpha / 2);
        double upper = successes == trials ? 1
                : new BetaDistribution(null, successes + 1, trials - successes, ACCURACY)
                        .inverseCumulativeProbability(1 - alpha / 2);
        return new Result(successes, trials, (double) successes / trials, lower, upper);
    }
}
