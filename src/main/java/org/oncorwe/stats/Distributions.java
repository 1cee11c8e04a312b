package org.oncorwe.stats;

import org.apache.commons.math3.special.Gamma;

/** The tail probabilities the tests share, computed as R does. */
final class Distributions {

    private Distributions() {
    }

    /**
     * R's {@code pchisq(x, df, lower.tail = FALSE)}: Q(df/2, x/2) directly (no 1 - P cancellation);
     * 1 at df = 0 (R's answer for pchisq(0, 0)), NaN for df &lt; 0 or a NaN statistic.
     */
    static double chiSquareUpperTail(double x, int df) {
        if (df < 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        return df == 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }
}
