package org.oncorwe.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Fisher's exact test for a 2 x c table, two-sided as R's {@code fisher.test}: with the margins
 * fixed, the probability of every table is enumerated (first row over the columns), and the p-value
 * sums those no more likely than the observed one (within R's relative 1e-7).
 */
public final class FisherExactTest {

    private static final FisherExactTest DEFAULT = new FisherExactTest();
    /** R's relErr in fisher.test. */
    private static final double REL_ERR = 1 + 1e-7;

    private FisherExactTest() {
    }

    public static FisherExactTest withDefaults() {
        return DEFAULT;
    }

    public double pValue(ContingencyTable table) {
        if (table.rows() != 2) {
            throw new IllegalArgumentException("Fisher's exact test here takes 2 x c tables, not " + table.rows() + " rows");
        }
        int c = table.columns();
        long[] columns = new long[c];
        long[] first = new long[c];
        for (int j = 0; j < c; j++) {
            columns[j] = table.columnTotal(j);
            first[j] = table.count(0, j);
        }
        double logNorm = logChoose(table.total(), table.rowTotal(0));
        double observed = logProbability(first, columns, logNorm);
        double[] sum = {0};
        enumerate(new long[c], 0, table.rowTotal(0), columns, logNorm, observed + Math.log(REL_ERR), sum);
        return Math.min(1, sum[0]);
    }

    /** Adds the probability of every completion of the first row's cells from column j on. */
    private static void enumerate(long[] row, int j, long left, long[] columns, double logNorm, double limit,
                                  double[] sum) {
        if (j == row.length - 1) {
            if (left <= columns[j]) {
                row[j] = left;
                double lp = logProbability(row, columns, logNorm);
                if (lp <= limit) {
                    sum[0] += Math.exp(lp);
                }
            }
            return;
        }
        long rest = 0;
        for (int k = j + 1; k < row.length; k++) {
            rest += columns[k];
        }
        for (long x = Math.max(0, left - rest); x <= Math.min(columns[j], left); x++) {
            row[j] = x;
            enumerate(row, j + 1, left - x, columns, logNorm, limit, sum);
        }
    }

    private static double logProbability(long[] row, long[] columns, double logNorm) {
        double lp = -logNorm;
        for (int j = 0; j < row.length; j++) {
            lp += logChoose(columns[j], row[j]);
        }
        return lp;
    }

    private static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }
}
