package org.oncorwe.stats.stage;

import org.oncorwe.stats.tables.OutputTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression of the survival tables (outputs.md, Patient identity and privacy), with
 * k = {@code privacy.min_cell_count} (0 disables): km_curve keeps only rows with n_risk ≥ k (the tail
 * is cut); in survival_summary a level's n with 1 ≤ n < k is published as null (its events too)
 * with {@code suppressed = true}, and when that leaves exactly one suppressed level in a
 * (study, endpoint, factor, conf_type, median_ci_method) whose total (the {@code all} row) is shown,
 * the smallest other non-zero level is suppressed too (complementary suppression). 0 is shown.
 */
public final class SmallCells {

    /** survival_summary with its suppressed flags (values intact, for the report) and as published. */
    public record Summary(OutputTable flagged, OutputTable published) {
    }

    public static final String SUPPRESSED = "suppressed";

    private SmallCells() {
    }

    /** km_curve without the rows fewer than k are at risk in. */
    public static OutputTable cutCurve(OutputTable km, int k) {
        OutputTable out = copyColumns(km, km.name());
        int nRisk = StudyStatistics.index(km, "n_risk");
        for (Object[] row : km.rows()) {
            if (((Number) row[nRisk]).longValue() >= k) {
                out.add(row.clone());
            }
        }
        return out;
    }

    /** Flags and suppresses survival_summary's small cells. */
    public static Summary summary(OutputTable summary, int k) {
        int endpoint = StudyStatistics.index(summary, "endpoint");
        int factor = StudyStatistics.index(summary, "factor");
        int confType = StudyStatistics.index(summary, "conf_type");
        int method = StudyStatistics.index(summary, "median_ci_method");
        int n = StudyStatistics.index(summary, "n");
        int events = StudyStatistics.index(summary, "events");
        List<Object[]> rows = summary.rows();
        boolean[] suppressed = new boolean[rows.size()];
        Map<List<Object>, Boolean> totalShown = new HashMap<>();
        Map<List<Object>, List<Integer>> cells = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            long count = ((Number) r[n]).longValue();
            suppressed[i] = count >= 1 && count < k;
            List<Object> table = Arrays.asList(r[endpoint], r[confType], r[method]);
            if (Endpoint.FACTOR_ALL.equals(r[factor])) {
                totalShown.put(table, !suppressed[i]);
            } else {
                cells.computeIfAbsent(Arrays.asList(r[endpoint], r[factor], r[confType], r[method]), x -> new ArrayList<>())
                        .add(i);
            }
        }
        cells.forEach((key, members) -> {
            boolean shown = totalShown.getOrDefault(Arrays.asList(key.get(0), key.get(2), key.get(3)), false);
            if (shown && members.stream().filter(i -> suppressed[i]).count() == 1) {
                Integer smallest = null;
                for (int i : members) {
                    long count = ((Number) rows.get(i)[n]).longValue();
                    if (!suppressed[i] && count > 0
                            && (smallest == null || count < ((Number) rows.get(smallest)[n]).longValue())) {
                        smallest = i;
                    }
                }
                if (smallest != null) {
                    suppressed[smallest] = true;
                }
            }
        });
        OutputTable flagged = copyColumns(summary, summary.name()).column(SUPPRESSED, OutputTable.Type.BOOLEAN);
        OutputTable published = copyColumns(summary, summary.name()).column(SUPPRESSED, OutputTable.Type.BOOLEAN);
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = Arrays.copyOf(rows.get(i), rows.get(i).length + 1);
            row[row.length - 1] = suppressed[i];
            flagged.add(row.clone());
            if (suppressed[i]) {
                row[n] = null;
                row[events] = null;
            }
            published.add(row);
        }
        return new Summary(flagged, published);
    }

    private static OutputTable copyColumns(OutputTable from, String name) {
        OutputTable out = new OutputTable(name);
        from.columns().forEach(c -> out.column(c.name(), c.type()));
        return out;
    }
}
