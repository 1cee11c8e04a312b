package org.oncorwe.stats;

/**
 * R survival's generalized Cholesky (cholesky2, chsolve2, chinv2): LDL' in place with the pivots
 * below {@code toler} times the largest diagonal set to 0, so a singular information matrix gives a
 * solution with those coefficients 0 and their variance 0, exactly as coxph does.
 */
final class Cholesky {

    /** R's coxph.control toler.chol: .Machine$double.eps^0.75. */
    static final double TOLERANCE = Math.pow(Math.ulp(1.0), 0.75);

    private final double[][] m;
    private final int rank;

    /** Decomposes a copy of the symmetric matrix (upper triangle read). */
    Cholesky(double[][] matrix) {
        int n = matrix.length;
        m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = matrix[i].clone();
        }
        double eps = 0;
        for (int i = 0; i < n; i++) {
            eps = Math.max(eps, m[i][i]);
            for (int j = i + 1; j < n; j++) {
                m[j][i] = m[i][j];
            }
        }
        eps = eps == 0 ? TOLERANCE : eps * TOLERANCE;
        int r = 0;
        for (int i = 0; i < n; i++) {
            double pivot = m[i][i];
            if (!Double.isFinite(pivot) || pivot < eps) {
                m[i][i] = 0;
            } else {
                r++;
                for (int j = i + 1; j < n; j++) {
                    double temp = m[j][i] / pivot;
                    m[j][i] = temp;
                    m[j][j] -= temp * temp * pivot;
                    for (int k = j + 1; k < n; k++) {
                        m[k][j] -= temp * m[k][i];
                    }
                }
            }
        }
        rank = r;
    }

    int rank() {
        return rank;
    }

    /** x with A x = y (0 for the singular coordinates). */
    double[] solve(double[] y) {
        int n = m.length;
        double[] x = y.clone();
        for (int i = 0; i < n; i++) {
            double temp = x[i];
            for (int j = 0; j < i; j++) {
                temp -= x[j] * m[i][j];
            }
            x[i] = temp;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (m[i][i] == 0) {
                x[i] = 0;
            } else {
                double temp = x[i] / m[i][i];
                for (int j = i + 1; j < n; j++) {
                    temp -= x[j] * m[j][i];
                }
                x[i] = temp;
            }
        }
        return x;
    }

    /** The (generalized) inverse, with zero rows and columns for the singular coordinates. */
    double[][] inverse() {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        for (int i = 0; i < n; i++) {
            if (a[i][i] > 0) {
                a[i][i] = 1 / a[i][i];
                for (int j = i + 1; j < n; j++) {
                    a[j][i] = -a[j][i];
                    for (int k = 0; k < i; k++) {
                        a[j][k] += a[j][i] * a[i][k];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (a[i][i] == 0) {
                for (int j = 0; j < i; j++) {
                    a[j][i] = 0;
                }
                for (int j = i; j < n; j++) {
                    a[i][j] = 0;
                }
            } else {
                for (int j = i + 1; j < n; j++) {
                    double temp = a[j][i] * a[j][j];
                    a[i][j] = temp;
                    for (int k = i; k < j; k++) {
                        a[i][k] += temp * a[j][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                inv[i][j] = a[i][j];
                inv[j][i] = a[i][j];
            }
        }
        return inv;
    }
}
