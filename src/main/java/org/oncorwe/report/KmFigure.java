package org.oncorwe.report;

import java.util.List;

/**
 * What one Kaplan–Meier figure shows: its file name, title, curves (in legend order), the
 * at-risk tick step in months, and the line under the title (log-rank p) if any.
 */
public record KmFigure(String id, String title, String endpointLabel, List<KmCurve> curves, double tickStep, String subtitle) {

    public KmFigure {
        curves = List.copyOf(curves);
    }

    /** The last tick: the curves' last time rounded up to the step. */
    public List<Double> ticks() {
        double last = curves.stream().mapToDouble(KmCurve::lastTime).max().orElse(0);
        return AtRisk.ticks(last, tickStep);
    }
}
