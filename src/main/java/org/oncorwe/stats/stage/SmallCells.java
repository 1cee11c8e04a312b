package org.oncorwe.stats.stage;

import org.oncorwe.stats.tables.OutputTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression of the survival tables (outputs.md, Patient identity and privacy), with
 * k = {@code privacy.min_cell_count} (0 disables): km_curve keeps only rows with n_risk ≥ k (the tail
 * is cut); in survival_summary a level's n with 1 ≤ n < k is published as null (its events too)
 * with {@code suppressed = true}, and when that leaves exactly one suppressed level in a
 * (study, endpoint, factor, conf_type, median_ci_method) whose total (the {@code all} row) is shown,
 * the smallest other non-zero level is suppressed too (complementary suppression). 0 is shown.
 * The summary tables' counts are linked by more sums than a level list (decision 192): {@link #hide}
 * protects any set of counts tied by {@link Sum}s.
 */
public final class SmallCells {

    /** survival_summary with its suppressed flags (values intact, for the report) and as published. */
    public record Summary(OutputTable flagged, OutputTable published) {
    }

    public static final String SUPPRESSED = "suppressed";

    /**
     * A count that is the sum of others: a table row's total and its levels, a group's total over
     * groups, an aggregate row (ORR = CR + PR). {@code totalFirst}: protect a part by hiding the total
     * before any other part (a secondary aggregate such as the disease control rate).
     */
    public record Sum(String total, List<String> parts, boolean totalFirst) {
        public Sum {
            parts = List.copyOf(parts);
        }

        public Sum(String total, List<String> parts) {
            this(total, parts, false);
        }
    }

    /**
     * The published counts to hide so that no count with 1 ≤ n < k can be read or worked out from a
     * single sum, applied over and over: first every small published count; then, while some sum has
     * exactly one count not known and that count is small, its smallest other non-zero known part is
     * hidden (the first on ties; the total when no part qualifies, or first when the sum says so) — or, when that part is itself only
     * known by working it out from another sum (a hidden denominator its row adds up to again), a
     * count of that sum, chosen the same way. A count never published (grade 0, a group's patients
     * without a comparison level) is known once a sum gives it. k = 0 hides nothing.
     */
    public static Set<String> hide(Map<String, Long> counts, Set<String> published, List<Sum> sums, int k) {
        Set<String> hidden = new LinkedHashSet<>();
        if (k <= 0) {
            return hidden;
        }
        for (String c : published) {
            if (small(counts.get(c), k)) {
                hidden.add(c);
            }
        }
        for (Closure c = Closure.of(counts, published, hidden, sums, k); c.breach() != null;
             c = Closure.of(counts, published, hidden, sums, k)) {
            String chosen = c.protect(c.breach(), c.exposed(), counts, published, hidden);
            if (chosen == null) {
                throw new IllegalStateException("a small count of " + c.breach() + " cannot be protected");
            }
            hidden.add(chosen);
        }
        return hidden;
    }

    /** The counts known from the shown ones, the sum each worked-out count came from, and the first breach. */
    private record Closure(Set<String> known, Map<String, Sum> derivedBy, Sum breach, String exposed) {

        static Closure of(Map<String, Long> counts, Set<String> published, Set<String> hidden, List<Sum> sums, int k) {
            Set<String> known = new LinkedHashSet<>(published);
            known.removeAll(hidden);
            Map<String, Sum> derivedBy = new HashMap<>();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Sum s : sums) {
                    List<String> unknown = members(s).stream().filter(m -> !known.contains(m)).toList();
                    if (unknown.size() == 1) {
                        if (SmallCells.small(counts.get(unknown.get(0)), k)) {
                            return new Closure(known, derivedBy, s, unknown.get(0));
                        }
                        known.add(unknown.get(0));
                        derivedBy.put(unknown.get(0), s);
                        grew = true;
                    }
                }
            }
            return new Closure(known, derivedBy, null, null);
        }

        /** A shown count whose hiding leaves {@code exposed} with another unknown in {@code s}, or null. */
        String protect(Sum s, String exposed, Map<String, Long> counts, Set<String> published, Set<String> hidden) {
            if (s.totalFirst() && !s.total().equals(exposed)) {
                String chosen = stop(s.total(), counts, published, hidden);
                if (chosen != null) {
                    return chosen;
                }
            }
            List<String> parts = new ArrayList<>(s.parts());
            parts.remove(exposed);
            parts.removeIf(p -> counts.get(p) == 0 || !known.contains(p));
            parts.sort(java.util.Comparator.comparingLong(counts::get));
            for (String p : parts) {
                String chosen = stop(p, counts, published, hidden);
                if (chosen != null) {
                    return chosen;
                }
            }
            return s.total().equals(exposed) ? null : stop(s.total(), counts, published, hidden);
        }

        private String stop(String member, Map<String, Long> counts, Set<String> published, Set<String> hidden) {
            if (published.contains(member) && !hidden.contains(member)) {
                return member;
            }
            Sum from = derivedBy.get(member);
            return from == null ? null : protect(from, member, counts, published, hidden);
        }
    }

    private static List<String> members(Sum s) {
        List<String> out = new ArrayList<>(s.parts());
        out.add(s.total());
        return out;
    }

    private static boolean small(Long n, int k) {
        return n != null && n >= 1 && n < k;
    }

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
