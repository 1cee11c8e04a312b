package org.oncorwe.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The number-at-risk table under a Kaplan–Meier figure: ticks every {@code step} months from 0,
 * and at tick t the n_risk of the first curve row with time ≥ t (everyone still followed at t),
 * else 0 (decision 203).
 */
public final class AtRisk {

    /** SMC-style figures (Lee 2022): every 12 months. */
    public static final double SMC_STEP = 12;
    /** CLEOPATRA-style figures (Baselga 2012): every 5 months. */
    public static final double CLEOPATRA_STEP = 5;

    private AtRisk() {
    }

    /** 0, step, 2·step, … up to the first multiple of step at or past {@code lastTime}. */
    public static List<Double> ticks(double lastTime, double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        List<Double> ticks = new ArrayList<>();
        int n = (int) Math.ceil(Math.max(lastTime, 0) / step - 1e-9);
        for (int i = 0; i <= Math.max(n, 1); i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** At risk at {@code t}: n_risk of the first row with time ≥ t, else 0. */
    public static long at(List<CurvePoint> points, double t) {
        for (CurvePoint p : points) {
            if (p.time() >= t) {
                return p.nRisk();
            }
        }
        return 0;
    }

    /** At risk at each tick. */
    public static List<Long> at(List<CurvePoint> points, List<Double> ticks) {
        return ticks.stream().map(t -> at(points, t)).toList();
    }
}
