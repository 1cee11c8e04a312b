package org.oncorwe.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * The Mantel-Haenszel test for K stratified 2 x 2 tables, without continuity correction, and the
 * common odds ratio with the Robins-Breslow-Greenland interval, as R's
 * {@code mantelhaen.test(correct = FALSE)} (domain-rules §7).
 */
public final class MantelHaenszelTest {

    private static final MantelHaenszelTest DEFAULT = new MantelHaenszelTest(0.95);

    private final double confidenceLevel;

    private MantelHaenszelTest(double level) {
        this.confidenceLevel = level;
    }

    public static MantelHaenszelTest withDefaults() {
        return DEFAULT;
    }

    public MantelHaenszelTest withConfidenceLevel(double level) {
        return new MantelHaenszelTest(Arguments.checkConfidenceLevel(level));
    }

    /** Statistic (1 df), p-value, common odds ratio and its interval. */
    public record Result(double statistic, double pValue, double oddsRatio, double lower, double upper) {
    }

    public Result test(List<ContingencyTable> strata) {
        double delta = 0;
        double variance = 0;
        double diag = 0;
        double offDiag = 0;
        double[] rgb = new double[3];
        for (ContingencyTable t : strata) {
            if (t.rows() != 2 || t.columns() != 2) {
                throw new IllegalArgumentException("Mantel-Haenszel takes 2 x 2 tables");
            }
            double n = t.total();
            if (n < 2) {
                throw new IllegalArgumentException("sample size in each stratum must be > 1");
            }
            double a = t.count(0, 0);
            double b = t.count(0, 1);
            double c = t.count(1, 0);
            double d = t.count(1, 1);
            delta += a - t.rowTotal(0) * (double) t.columnTotal(0) / n;
            variance += (double) t.rowTotal(0) * t.rowTotal(1) * t.columnTotal(0) * t.columnTotal(1) / (n * n * (n - 1));
            diag += a * d / n;
            offDiag += b * c / n;
            rgb[0] += (a + d) * a * d / (n * n);
            rgb[1] += ((a + d) * b * c + (b + c) * a * d) / (n * n);
            rgb[2] += (b + c) * b * c / (n * n);
        }
        double statistic = delta * delta / variance;
        double oddsRatio = diag / offDiag;
        double sd = Math.sqrt(rgb[0] / (2 * diag * diag) + rgb[1] / (2 * diag * offDiag) + rgb[2] / (2 * offDiag * offDiag));
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
        return new Result(statistic, Distributions.chiSquareUpperTail(statistic, 1), oddsRatio,
                oddsRatio * Math.exp(-z * sd), oddsRatio * Math.exp(z * sd));
    }
}
