package org.oncorwe.stats;

/**
 * Restricted mean survival time to tau with its standard error, as R's
 * {@code print(fit, rmean = tau)} (survmean): the area under the curve from 0 to tau (the curve
 * carried at its last value past its end), variance sum over event times of
 * d / (n (n - d)) times the squared area after that time.
 */
public final class Rmst {

    private Rmst() {
    }

    /** RMST to tau with R's standard error. */
    public record Result(double tau, double rmst, double standardError) {
    }

    public static Result of(KaplanMeier.Result fit, double tau) {
        Arguments.checkTime(tau);
        int kept = fit.indexAtOrBefore(tau) + 1;
        // survfit0's curve: time 0 with S = 1, the times <= tau, then tau at the last value
        int n = kept + 2;
        double[] time = new double[n];
        double[] surv = new double[n];
        double[] hazard = new double[n];
        surv[0] = 1;
        for (int i = 0; i < kept; i++) {
            time[i + 1] = fit.time(i);
            surv[i + 1] = fit.surv(i);
            double r = fit.nRisk(i);
            double d = fit.nEvent(i);
            hazard[i + 1] = r - d == 0 ? 0 : d / (r * (r - d));
        }
        time[n - 1] = tau;
        surv[n - 1] = surv[n - 2];
        double[] rectangle = new double[n];
        double area = 0;
        for (int i = 1; i < n; i++) {
            rectangle[i] = (time[i] - time[i - 1]) * surv[i - 1];
            area += rectangle[i];
        }
        double variance = 0;
        double after = 0;
        for (int i = n - 2; i >= 0; i--) {
            after += rectangle[i + 1];
            variance += after * after * hazard[i];
        }
        return new Result(tau, area, Math.sqrt(variance));
    }
}
