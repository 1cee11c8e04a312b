package org.oncorwe.stats;

/**
 * Pearson's chi-square test of independence for an r x c table, without continuity correction,
 * as R's {@code chisq.test(correct = FALSE)} and SPSS (domain-rules §7). The smallest expected count
 * says whether Fisher's exact test should be used instead (below 5).
 */
public final class ChiSquareTest {

    private static final ChiSquareTest DEFAULT = new ChiSquareTest();

    private ChiSquareTest() {
    }

    public static ChiSquareTest withDefaults() {
        return DEFAULT;
    }

    /** Statistic, df = (r - 1)(c - 1), p-value and the smallest expected count. */
    public record Result(double statistic, int df, double pValue, double minExpected) {
        /** Whether an expected count is below 5 (domain-rules §7: then Fisher's exact test). */
        public boolean expectedBelowFive() {
            return minExpected < 5;
        }
    }

    public Result test(ContingencyTable table) {
        double statistic = 0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < table.columns(); j++) {
                double e = table.expected(i, j);
                double d = table.count(i, j) - e;
                statistic += d * d / e;
                minExpected = Math.min(minExpected, e);
            }
        }
        int df = (table.rows() - 1) * (table.columns() - 1);
        return new Result(statistic, df, Distributions.chiSquareUpperTail(statistic, df), minExpected);
    }
}
