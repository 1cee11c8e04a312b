package org.oncorwe.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The log-rank test of k groups, optionally stratified, as R's {@code survdiff(rho = 0)}:
 * hypergeometric variance per distinct time, observed, expected and variance summed over strata;
 * chi-square on the groups with expected &gt; 0 less the first, df = their number - 1.
 */
public final class LogRankTest {

    private static final LogRankTest DEFAULT = new LogRankTest(true);

    private final boolean stratified;

    private LogRankTest(boolean stratified) {
        this.stratified = stratified;
    }

    /** Stratified by the data's strata (which is no stratification when there is one stratum). */
    public static LogRankTest withDefaults() {
        return DEFAULT;
    }

    /** Whether to use the data's strata; false pools them. */
    public LogRankTest withStratification(boolean useStrata) {
        return new LogRankTest(useStrata);
    }

    public Result test(SurvivalData data) {
        List<String> groups = data.groups();
        int k = groups.size();
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] variance = new double[k][k];
        // one walk of the rows in time order, stratum by stratum: no sort
        int[] order = stratified ? data.byStratumThenTime() : data.byTime();
        for (int a = 0; a < order.length; ) {
            int b = a;
            int nTimes = 0;
            for (int last = -1; b < order.length && (!stratified
                    || data.stratumCode(order[b]) == data.stratumCode(order[a])); b++) {
                if (data.timeRank(order[b]) != last) {
                    last = data.timeRank(order[b]);
                    nTimes++;
                }
            }
            // per distinct time and group: events and subjects (flat arrays, time-major)
            double[] events = new double[nTimes * k];
            double[] subjects = new double[nTimes * k];
            int t = -1;
            for (int j = a, last = -1; j < b; j++) {
                int i = order[j];
                if (data.timeRank(i) != last) {
                    last = data.timeRank(i);
                    t++;
                }
                int at = t * k + data.groupLevel(i);
                events[at] += data.nEvent(i);
                subjects[at] += data.nEvent(i) + data.nCensor(i);
            }
            accumulate(nTimes, k, events, subjects, observed, expected, variance);
            a = b;
        }
        return Result.of(groups, observed, expected, variance);
    }

    private static void accumulate(int nTimes, int k, double[] events, double[] subjects, double[] observed,
                                   double[] expected, double[][] variance) {
        double[] atRisk = new double[k];
        for (int i = 0; i < nTimes * k; i++) {
            atRisk[i % k] += subjects[i];
        }
        for (int t = 0; t < nTimes; t++) {
            double n = 0;
            double d = 0;
            for (int g = 0; g < k; g++) {
                n += atRisk[g];
                d += events[t * k + g];
            }
            if (d > 0) {
                for (int g = 0; g < k; g++) {
                    observed[g] += events[t * k + g];
                    expected[g] += d * atRisk[g] / n;
                }
                if (n > 1) {
                    double kk = d * (n - d) / (n * n * (n - 1));
                    for (int g = 0; g < k; g++) {
                        for (int h = 0; h < k; h++) {
                            variance[g][h] += kk * atRisk[g] * ((g == h ? n : 0) - atRisk[h]);
                        }
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                atRisk[g] -= subjects[t * k + g];
            }
        }
    }

    /** The test: statistic, df, p-value, and per group observed, expected and variance. */
    public static final class Result {
        private final List<String> groups;
        private final double[] observed;
        private final double[] expected;
        private final double[][] variance;
        private final double statistic;
        private final int df;
        private final double pValue;

        private Result(List<String> groups, double[] observed, double[] expected, double[][] variance,
                       double statistic, int df, double pValue) {
            this.groups = groups;
            this.observed = observed;
            this.expected = expected;
            this.variance = variance;
            this.statistic = statistic;
            this.df = df;
            this.pValue = pValue;
        }

        static Result of(List<String> groups, double[] observed, double[] expected, double[][] variance) {
            int[] used = IntStream.range(0, groups.size()).filter(g -> expected[g] > 0).toArray();
            int df = used.length - 1;
            double chi = 0;
            if (used.length >= 2) {
                int m = used.length - 1;
                double[][] vv = new double[m][m];
                double[] diff = new double[m];
                for (int a = 0; a < m; a++) {
                    diff[a] = observed[used[a + 1]] - expected[used[a + 1]];
                    for (int b = 0; b < m; b++) {
                        vv[a][b] = variance[used[a + 1]][used[b + 1]];
                    }
                }
                try {
                    RealVector o = new ArrayRealVector(diff, false);
                    chi = new LUDecomposition(new Array2DRowRealMatrix(vv, false)).getSolver().solve(o).dotProduct(o);
                } catch (SingularMatrixException e) {
                    chi = Double.NaN;
                }
            }
            return new Result(groups, observed, expected, variance, chi, df, Distributions.chiSquareUpperTail(chi, df));
        }

        public List<String> groups() {
            return groups;
        }

        public double statistic() {
            return statistic;
        }

        public int degreesOfFreedom() {
            return df;
        }

        public double pValue() {
            return pValue;
        }

        public double observed(int group) {
            return observed[group];
        }

        public double expected(int group) {
            return expected[group];
        }

        public double variance(int group, int other) {
            return variance[group][other];
        }
    }
}
