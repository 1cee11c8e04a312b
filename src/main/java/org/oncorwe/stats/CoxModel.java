package org.oncorwe.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Cox proportional hazards model as R's {@code coxph} (coxph.fit / coxfit6): Efron (default)
 * or Breslow ties, strata, Newton-Raphson from 0 with R's step-halving, convergence when the
 * relative change of the log-likelihood is at most 1e-9, at most 20 iterations. A coefficient
 * running to infinity (a monotone likelihood, R's rule in coxph.fit) is reported, not returned:
 * its coef, se, HR and the Wald test are NaN, while the likelihood-ratio and score tests stand.
 */
public final class CoxModel {

    private static final CoxModel DEFAULT = new CoxModel(TieMethod.EFRON, 20, 1e-9, 0.95);

    private final TieMethod ties;
    private final int maxIterations;
    private final double eps;
    private final double confidenceLevel;

    private CoxModel(TieMethod ties, int maxIterations, double eps, double confidenceLevel) {
        this.ties = ties;
        this.maxIterations = maxIterations;
        this.eps = eps;
        this.confidenceLevel = confidenceLevel;
    }

    /** Efron, 20 iterations, eps 1e-9 (R's coxph.control), 95 % intervals (summary.coxph's conf.int). */
    public static CoxModel withDefaults() {
        return DEFAULT;
    }

    public CoxModel with(TieMethod method) {
        return new CoxModel(Arguments.checkNotNull(method, "ties"), maxIterations, eps, confidenceLevel);
    }

    /** The level of the HR intervals, as {@code summary(fit, conf.int = level)}. */
    public CoxModel withConfidenceLevel(double level) {
        return new CoxModel(ties, maxIterations, eps, Arguments.checkConfidenceLevel(level));
    }

    /** Log-likelihood, score and information at beta. */
    private record Step(double loglik, double[] u, double[][] imat) {
    }

    /** The rows as flat arrays (sorted by stratum, then time), read at every iteration. */
    private record Flat(int[] stratum, double[] time, double[] x, double[] events, double[] censored, int p) {
        static Flat of(CoxData data) {
            long[] d = data.eventColumn();
            long[] c = data.censorColumn();
            double[] events = new double[d.length];
            double[] censored = new double[c.length];
            for (int i = 0; i < d.length; i++) {
                events[i] = d[i];
                censored[i] = c[i];
            }
            return new Flat(data.stratumColumn(), data.timeColumn(), data.xColumn(), events, censored,
                    data.terms().size());
        }
    }

    private Step evaluate(Flat data, double[] beta) {
        int p = beta.length;
        double loglik = 0;
        double[] u = new double[p];
        double[][] imat = new double[p][p];
        double[] a = new double[p];
        double[][] cmat = new double[p][p];
        double[] a2 = new double[p];
        double[][] cmat2 = new double[p][p];
        double[] xi = new double[p];
        int end = data.time().length - 1;
        while (end >= 0) {
            int stratum = data.stratum()[end];
            double denom = 0;
            zero(a, cmat);
            // walk this stratum from its last time down, one distinct time at a time
            while (end >= 0 && data.stratum()[end] == stratum) {
                double time = data.time()[end];
                double deaths = 0;
                double denom2 = 0;
                zero(a2, cmat2);
                for (; end >= 0 && data.stratum()[end] == stratum && data.time()[end] == time; end--) {
                    System.arraycopy(data.x(), end * p, xi, 0, p);
                    double zbeta = dot(beta, xi);
                    double risk = Math.exp(zbeta);
                    double censored = data.censored()[end];
                    double events = data.events()[end];
                    if (censored > 0) {
                        denom += censored * risk;
                        addMoments(a, cmat, xi, censored * risk);
                    }
                    if (events > 0) {
                        deaths += events;
                        denom2 += events * risk;
                        loglik += events * zbeta;
                        for (int i = 0; i < p; i++) {
                            u[i] += events * xi[i];
                        }
                        addMoments(a2, cmat2, xi, events * risk);
                    }
                }
                if (deaths > 0) {
                    // Breslow adds all deaths at once; Efron in deaths equal steps (coxfit6)
                    int steps = ties == TieMethod.BRESLOW ? 1 : (int) deaths;
                    double weight = deaths / steps;
                    for (int k = 0; k < steps; k++) {
                        denom += denom2 / steps;
                        loglik -= weight * Math.log(denom);
                        for (int i = 0; i < p; i++) {
                            a[i] += a2[i] / steps;
                            double mean = a[i] / denom;
                            u[i] -= weight * mean;
                            for (int j = 0; j <= i; j++) {
                                cmat[i][j] += cmat2[i][j] / steps;
                                imat[j][i] += weight * (cmat[i][j] - mean * a[j]) / denom;
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                imat[i][j] = imat[j][i];
            }
        }
        return new Step(loglik, u, imat);
    }

    private static void zero(double[] v, double[][] m) {
        Arrays.fill(v, 0);
        for (double[] row : m) {
            Arrays.fill(row, 0);
        }
    }

    private static void addMoments(double[] a, double[][] cmat, double[] x, double w) {
        for (int i = 0; i < a.length; i++) {
            a[i] += w * x[i];
            for (int j = 0; j <= i; j++) {
                cmat[i][j] += w * x[i] * x[j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static boolean finite(Step s) {
        if (!Double.isFinite(s.loglik())) {
            return false;
        }
        for (int i = 0; i < s.u().length; i++) {
            if (!Double.isFinite(s.u()[i])) {
                return false;
            }
            for (double v : s.imat()[i]) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    public Result fit(CoxData cox) {
        Flat data = Flat.of(cox);
        int p = cox.terms().size();
        double[] beta = new double[p];
        Step first = evaluate(data, beta);
        double loglik0 = first.loglik();
        Cholesky chol = new Cholesky(first.imat());
        double[] a = chol.solve(first.u());
        double score = dot(first.u(), a);
        double best = loglik0;
        double[] newBeta = new double[p];
        for (int i = 0; i < p; i++) {
            newBeta[i] = beta[i] + a[i];
        }
        int halving = 0;
        Step step = first;
        boolean converged = false;
        int iterations = 0;
        // no events: nothing to fit, as coxph returns at once (iter = 0)
        boolean events = Arrays.stream(data.events()).anyMatch(d -> d > 0);
        if (p > 0 && events && Double.isFinite(loglik0)) {
            for (iterations = 1; iterations <= maxIterations; iterations++) {
                step = evaluate(data, newBeta);
                chol = new Cholesky(step.imat());
                boolean finite = finite(step);
                if (finite && Math.abs(1 - best / step.loglik()) <= eps) {
                    best = step.loglik();
                    beta = newBeta.clone();
                    converged = true;
                    break;
                }
                if (!finite || step.loglik() < best) {
                    halving++;
                    for (int i = 0; i < p; i++) {
                        newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1.0);
                    }
                } else {
                    halving = 0;
                    best = step.loglik();
                    double[] delta = chol.solve(step.u());
                    for (int i = 0; i < p; i++) {
                        beta[i] = newBeta[i];
                        newBeta[i] += delta[i];
                    }
                }
            }
            if (!converged) {
                // out of iterations: R recomputes at the last good beta
                step = evaluate(data, beta);
                chol = new Cholesky(step.imat());
                best = step.loglik();
            }
        } else {
            converged = true;
        }
        return Result.of(cox.terms(), beta, chol, step.u(), loglik0, best, score, converged,
                converged ? iterations : maxIterations, confidenceLevel);
    }

    /** A fitted model: per term coef, se, HR with CI and Wald p; the three global tests. */
    public static final class Result {
        /** R's coxph.control toler.inf = sqrt(eps). */
        private static final double TOLER_INF = Math.sqrt(1e-9);
        private static final double EPS = 1e-9;

        private final List<Term> terms;
        private final double loglikNull;
        private final double loglik;
        private final Test likelihoodRatio;
        private final Test score;
        private final Test wald;
        private final boolean converged;
        private final boolean monotone;
        private final int iterations;

        /** One coefficient; NaN where R gives NA or the coefficient runs to infinity. */
        public record Term(String name, double coef, double se, double hr, double hrLower, double hrUpper,
                           double pValue, boolean infinite) {
        }

        /** A chi-square test. */
        public record Test(double statistic, int df, double pValue) {
        }

        private Result(List<Term> terms, double loglikNull, double loglik, Test lr, Test score, Test wald,
                       boolean converged, boolean monotone, int iterations) {
            this.terms = terms;
            this.loglikNull = loglikNull;
            this.loglik = loglik;
            this.likelihoodRatio = lr;
            this.score = score;
            this.wald = wald;
            this.converged = converged;
            this.monotone = monotone;
            this.iterations = iterations;
        }

        static Result of(List<String> names, double[] beta, Cholesky chol, double[] u, double loglik0,
                         double loglik, double scoreStat, boolean converged, int iterations, double level) {
            int p = names.size();
            double[][] var = chol.inverse();
            boolean[] singular = new boolean[p];
            boolean[] infinite = new boolean[p];
            int df = 0;
            for (int i = 0; i < p; i++) {
                singular[i] = chol.rank() < p && var[i][i] == 0;
                df += singular[i] ? 0 : 1;
                // coxph.fit: |u var| above eps and above toler.inf |coef|, or a non-finite score
                double infs = Math.abs(dot(u, column(var, i)));
                infinite[i] = !singular[i] && (!Double.isFinite(u[i]) || infs > EPS && infs > TOLER_INF * Math.abs(beta[i]));
            }
            boolean monotone = false;
            for (boolean b : infinite) {
                monotone |= b;
            }
            double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
            List<Term> terms = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                if (singular[i] || infinite[i]) {
                    terms.add(new Term(names.get(i), Double.NaN, singular[i] ? 0 : Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN, infinite[i]));
                    continue;
                }
                double se = Math.sqrt(var[i][i]);
                double p2 = 2 * new NormalDistribution().cumulativeProbability(-Math.abs(beta[i] / se));
                terms.add(new Term(names.get(i), beta[i], se, Math.exp(beta[i]), Math.exp(beta[i] - z * se),
                        Math.exp(beta[i] + z * se), p2, false));
            }
            Test lr = test(2 * (loglik - loglik0), df);
            Test score = test(scoreStat, df);
            Test wald = monotone ? new Test(Double.NaN, df, Double.NaN) : test(waldStatistic(beta, var, singular), df);
            return new Result(List.copyOf(terms), loglik0, loglik, lr, score, wald, converged && !monotone, monotone,
                    iterations);
        }

        private static double[] column(double[][] m, int j) {
            double[] c = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i][j];
            }
            return c;
        }

        /** coxph.wtest: b' V^-1 b over the non-singular coefficients. */
        private static double waldStatistic(double[] beta, double[][] var, boolean[] singular) {
            int[] keep = java.util.stream.IntStream.range(0, beta.length).filter(i -> !singular[i]).toArray();
            double[][] v = new double[keep.length][keep.length];
            double[] b = new double[keep.length];
            for (int i = 0; i < keep.length; i++) {
                b[i] = beta[keep[i]];
                for (int j = 0; j < keep.length; j++) {
                    v[i][j] = var[keep[i]][keep[j]];
                }
            }
            return dot(b, new Cholesky(v).solve(b));
        }

        private static Test test(double statistic, int df) {
            return new Test(statistic, df, Distributions.chiSquareUpperTail(statistic, df));
        }

        public List<Term> terms() {
            return terms;
        }

        public double loglikNull() {
            return loglikNull;
        }

        public double loglik() {
            return loglik;
        }

        public Test likelihoodRatio() {
            return likelihoodRatio;
        }

        public Test score() {
            return score;
        }

        public Test wald() {
            return wald;
        }

        /** False when R ran out of iterations or a coefficient runs to infinity. */
        public boolean converged() {
            return converged;
        }

        /** A monotone likelihood: some coefficient runs to infinity (R's rule in coxph.fit). */
        public boolean monotone() {
            return monotone;
        }

        public int iterations() {
            return iterations;
        }

        @Override
        public String toString() {
            return "CoxModel.Result" + Arrays.asList(terms, loglik, likelihoodRatio, score, wald, converged, monotone);
        }
    }
}
