package org.oncorwe.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One Kaplan–Meier curve of a figure: its legend label, the km_curve key it was read from
 * (endpoint, factor, level) and its rows in time order.
 */
public record KmCurve(String label, String endpoint, String factor, String level, List<CurvePoint> points) {

    public KmCurve {
        points = List.copyOf(points);
    }

    /** The km_curve rows of one (endpoint, factor, level), sorted by time. */
    public static KmCurve of(String label, String endpoint, String factor, String level, Rows rows) {
        List<CurvePoint> points = new ArrayList<>();
        for (Map<String, Object> r : rows.list()) {
            points.add(new CurvePoint(Rows.number(r, "time"), Rows.count(r, "n_risk"), Rows.count(r, "n_event"),
                    Rows.count(r, "n_censor"), Rows.number(r, "surv"), Rows.number(r, "lower"), Rows.number(r, "upper")));
        }
        points.sort(Comparator.comparingDouble(CurvePoint::time));
        return new KmCurve(label, endpoint, factor, level, points);
    }

    /** The number of subjects: at risk at the first time (km_curve has no t = 0 row). */
    public long subjects() {
        return points.isEmpty() ? 0 : points.get(0).nRisk();
    }

    public double lastTime() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).time();
    }
}
