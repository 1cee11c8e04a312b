package org.oncorwe.report;

import org.oncorwe.stats.ConfidenceIntervalType;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.TieMethod;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.stats.tables.SurvivalReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fig 2 of the SMC paper: OS of long-term responders (index line ≥ 35 months) against the other
 * responders. The stats stage has no such breakdown (long_term_responder is an endpoint column,
 * not a cohort factor), so the report fits it with the same engine from per-day counts of the
 * responders' OS (decision 204). Times in days in, months out.
 */
public final class LongTermResponders {

    public static final String FACTOR = "long_term_responder";

    /** Responders' OS counted per (long_term_responder, day). */
    public record Count(boolean longTerm, int day, long nEvent, long nCensor) {
    }

    /** The two curves as km_curve rows (level false / true, time in months) and the log-rank p. */
    public record Result(Rows curve, Double logrankP) {
    }

    private LongTermResponders() {
    }

    public static Result of(List<Count> counts, ConfidenceIntervalType confType, double daysPerMonth) {
        if (counts.isEmpty()) {
            return new Result(Rows.of("long_term_responders", List.of()), null);
        }
        List<SurvivalData.Row> rows = new ArrayList<>();
        counts.forEach(c -> rows.add(new SurvivalData.Row(SurvivalData.NONE, Boolean.toString(c.longTerm()), c.day(), c.nEvent(),
                c.nCensor())));
        SurvivalReport.Result fit = SurvivalReport.of(SurvivalData.ofAggregates(rows),
                new SurvivalReport.Options("os", FACTOR, null, confType, List.of(), null, TieMethod.EFRON));
        List<Map<String, Object>> curve = new ArrayList<>();
        Double p = null;
        for (OutputTable t : fit.tables()) {
            if (t.name().equals("km_curve")) {
                for (Map<String, Object> r : maps(t)) {
                    if (FACTOR.equals(r.get("factor"))) {
                        r.put("time", ((Number) r.get("time")).doubleValue() / daysPerMonth);
                        curve.add(r);
                    }
                }
            } else if (t.name().equals("survival_test")) {
                for (Map<String, Object> r : maps(t)) {
                    if ("logrank".equals(r.get("test"))) {
                        p = Rows.number(r, "p_value");
                    }
                }
            }
        }
        return new Result(Rows.of("long_term_responders", curve), p);
    }

    private static List<Map<String, Object>> maps(OutputTable t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] values : t.rows()) {
            Map<String, Object> r = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                r.put(t.columns().get(i).name(), values[i]);
            }
            out.add(r);
        }
        return out;
    }
}
