package org.oncorwe.stats.stage;

import org.oncorwe.stats.ChiSquareTest;
import org.oncorwe.stats.ClopperPearson;
import org.oncorwe.stats.ContingencyTable;
import org.oncorwe.stats.FisherExactTest;
import org.oncorwe.stats.tables.OutputTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The cells of one study's summary tables as they are defined: every count under a key
 * ({@code table|table_row|level@group}), the sums that tie counts together (a row's levels add up
 * to its denominator; the comparison groups add up to {@code all}), and the rows in display order.
 * {@link #tables} suppresses small cells over those sums ({@link SmallCells#hide}) and writes the
 * published and the internal copy.
 */
final class SummaryCells {

    /** The key of the whole group: every study patient of the group (the denominator of most rows). */
    static final String N = "N";
    static final String MEDIAN = "median";

    private record Cell(String table, String tableRow, int rowOrder, String level, int levelOrder, String group,
                        String nKey, String denominatorKey, Double median, Double min, Double max, Double ciLower,
                        Double ciUpper, Test test) {
    }

    /** A test of a table_row across the groups, and the cells it was computed from. */
    private record Test(double pValue, String name, List<String> cells) {
    }

    private final SummaryData data;
    private final List<String> groups;
    private final List<String> comparisonLevels;
    private final boolean groupsCoverAll;
    private final Map<String, Long> counts = new HashMap<>();
    private final Set<String> published = new LinkedHashSet<>();
    private final List<SmallCells.Sum> sums = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();
    private final ClopperPearson interval;

    SummaryCells(SummaryData data, List<String> comparisonLevels, ClopperPearson interval) {
        this.interval = interval;
        this.data = data;
        this.comparisonLevels = List.copyOf(comparisonLevels);
        List<String> g = new ArrayList<>(List.of(Endpoint.FACTOR_ALL));
        g.addAll(comparisonLevels);
        this.groups = List.copyOf(g);
        groupsCoverAll = data.column(SummaryData.BASE).stream()
                .allMatch(w -> w.patient().group() != null && comparisonLevels.contains(w.patient().group()));
        define(N, data.column(SummaryData.BASE), p -> true, true);
    }

    static String base(String table, String tableRow, String level) {
        return table + "|" + tableRow + "|" + level;
    }

    private static String key(String base, String group) {
        return base + "@" + group;
    }

    /** The rows of a slice in {@code group} and {@code population} (rows of weight 0 left out). */
    private static List<SummaryData.Weighted> members(List<SummaryData.Weighted> slice, String group,
                                                      Predicate<SummaryPatient> population) {
        return slice.stream().filter(w -> w.weight() > 0)
                .filter(w -> Endpoint.FACTOR_ALL.equals(group) || group.equals(w.patient().group()))
                .filter(w -> population.test(w.patient())).toList();
    }

    private static long count(List<SummaryData.Weighted> rows) {
        return rows.stream().mapToLong(SummaryData.Weighted::weight).sum();
    }

    /**
     * Counts the patients of a slice matching {@code which} in every group under {@code base}. A published count of
     * a study with a comparison is also the sum of its groups' (plus, when some patients have no
     * comparison level, their count, never published).
     */
    private void define(String base, List<SummaryData.Weighted> slice, Predicate<SummaryPatient> which, boolean publish) {
        boolean again = counts.containsKey(key(base, Endpoint.FACTOR_ALL));
        for (String g : groups) {
            long n = count(members(slice, g, which));
            Long before = counts.put(key(base, g), n);
            if (before != null && before != n) {
                throw new IllegalStateException(base + "@" + g + " counted twice as " + before + " and " + n);
            }
            if (publish) {
                published.add(key(base, g));
            }
        }
        if (publish && !again && !comparisonLevels.isEmpty()) {
            List<String> parts = new ArrayList<>(comparisonLevels.stream().map(g -> key(base, g)).toList());
            if (!groupsCoverAll) {
                String rest = key(base, "rest");
                counts.put(rest, counts.get(key(base, Endpoint.FACTOR_ALL))
                        - parts.stream().mapToLong(counts::get).sum());
                parts.add(rest);
            }
            sums.add(new SmallCells.Sum(key(base, Endpoint.FACTOR_ALL), parts));
        }
    }

    /** {@code total} = Σ {@code parts} in every group. */
    private void sum(String total, List<String> parts, boolean totalFirst) {
        for (String g : groups) {
            sums.add(new SmallCells.Sum(key(total, g), parts.stream().map(p -> key(p, g)).toList(), totalFirst));
        }
    }

    private void sum(String total, List<String> parts) {
        sum(total, parts, false);
    }

    /**
     * A categorical row: the listed levels always (0 shown), then other values present in code-point
     * order, then null when present; denominator = the population (whose count is {@code denominator}).
     * The groups are compared over the listed levels other than UNKNOWN. {@code column}: the slice
     * that holds {@code value} ({@link SummaryData#BASE} for a population column).
     */
    void categorical(String table, String row, int order, String column, Predicate<SummaryPatient> population,
                     String denominator, List<String> listed, Function<SummaryPatient, Object> value) {
        List<SummaryData.Weighted> slice = data.column(column);
        define(denominator, slice, population, true);
        Function<SummaryPatient, String> text = p -> value.apply(p) == null ? null : value.apply(p).toString();
        List<String> levels = new ArrayList<>(listed);
        Set<String> others = new TreeSet<>();
        boolean hasNull = false;
        for (SummaryData.Weighted w : members(slice, Endpoint.FACTOR_ALL, population)) {
            String v = text.apply(w.patient());
            hasNull |= v == null;
            if (v != null && !listed.contains(v)) {
                others.add(v);
            }
        }
        levels.addAll(others);
        if (hasNull) {
            levels.add(null);
        }
        List<String> bases = new ArrayList<>();
        for (String level : levels) {
            String b = base(table, row, String.valueOf(level));
            bases.add(b);
            define(b, slice, population.and(p -> Objects.equals(level, text.apply(p))), true);
        }
        sum(denominator, bases);
        List<String> tested = listed.stream().filter(l -> !"UNKNOWN".equals(l)).map(l -> base(table, row, l)).toList();
        Test test = test(tested, null);
        for (int i = 0; i < levels.size(); i++) {
            emit(table, row, order, levels.get(i), i + 1, bases.get(i), denominator, i == 0 ? test : null, false);
        }
    }

    /**
     * A rate: one level counting the population's patients matching {@code which}, the sum of
     * {@code parts} (the levels it adds up), with its Clopper–Pearson interval; compared as yes/no.
     * A secondary rate is hidden itself before its parts when one of them needs protecting.
     */
    void rate(String table, String row, int order, String level, Predicate<SummaryPatient> population, String denominator,
              Predicate<SummaryPatient> which, List<String> parts, boolean secondary) {
        String b = base(table, row, level);
        define(b, data.column(SummaryData.BASE), population.and(which), true);
        sum(b, parts, secondary);
        emit(table, row, order, level, 1, b, denominator, test(List.of(b), denominator), true);
    }

    /**
     * A continuous row: level median, n = the population's patients with a value, median/min/max (R's
     * type 7); {@code column}: the slice that holds {@code value}.
     */
    void continuous(String table, String row, int order, String column, Predicate<SummaryPatient> population,
                    String denominator, Function<SummaryPatient, Number> value) {
        String b = base(table, row, MEDIAN);
        List<SummaryData.Weighted> slice = data.column(column);
        define(denominator, slice, population, true);
        define(b, slice, population.and(p -> value.apply(p) != null), true);
        define(base(table, row, "missing"), slice, population.and(p -> value.apply(p) == null), false);
        sum(denominator, List.of(b, base(table, row, "missing")));
        for (String g : groups) {
            List<SummaryData.Weighted> v = members(slice, g, population.and(p -> value.apply(p) != null)).stream()
                    .sorted(Comparator.comparingDouble(w -> value.apply(w.patient()).doubleValue())).toList();
            double[] stats = v.isEmpty() ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {median(v, value), value.apply(v.get(0).patient()).doubleValue(),
                        value.apply(v.get(v.size() - 1).patient()).doubleValue()};
            cells.add(new Cell(table, row, order, MEDIAN, 1, g, key(b, g), key(denominator, g), stats[0], stats[1], stats[2],
                    null, null, null));
        }
    }

    /**
     * One CTCAE term over the whole group: any grade, 1–2, 3, 4, 3–4, 5 (grade 0 = no row, never
     * published); compared as any grade against none.
     */
    void adverseEvent(String table, String term, int order) {
        List<SummaryData.Weighted> slice = data.term(term);
        Map<String, Predicate<SummaryPatient>> levels = new LinkedHashMap<>();
        levels.put("any", p -> p.grade(term) >= 1);
        levels.put("grade_1_2", p -> p.grade(term) == 1 || p.grade(term) == 2);
        levels.put("grade_3", p -> p.grade(term) == 3);
        levels.put("grade_4", p -> p.grade(term) == 4);
        levels.put("grade_3_4", p -> p.grade(term) == 3 || p.grade(term) == 4);
        levels.put("grade_5", p -> p.grade(term) == 5);
        levels.forEach((level, which) -> define(base(table, term, level), slice, which, true));
        define(base(table, term, "grade_0"), slice, p -> p.grade(term) == 0, false);
        sum(base(table, term, "any"), List.of(base(table, term, "grade_1_2"), base(table, term, "grade_3"),
                base(table, term, "grade_4"), base(table, term, "grade_5")));
        sum(base(table, term, "grade_3_4"), List.of(base(table, term, "grade_3"), base(table, term, "grade_4")));
        sum(N, List.of(base(table, term, "any"), base(table, term, "grade_0")));
        Test test = test(List.of(base(table, term, "any")), N);
        List<String> names = List.copyOf(levels.keySet());
        for (int i = 0; i < names.size(); i++) {
            emit(table, term, order, names.get(i), i + 1, base(table, term, names.get(i)), N, i == 0 ? test : null, false);
        }
    }

    private void emit(String table, String row, int order, String level, int levelOrder, String nBase, String denominator,
                      Test test, boolean withInterval) {
        for (String g : groups) {
            Double lower = null;
            Double upper = null;
            long d = counts.get(key(denominator, g));
            if (withInterval && d > 0) {
                ClopperPearson.Result ci = interval.interval(counts.get(key(nBase, g)), d);
                lower = 100 * ci.lower();
                upper = 100 * ci.upper();
            }
            cells.add(new Cell(table, row, order, level, levelOrder, g, key(nBase, g), key(denominator, g), null, null, null,
                    lower, upper, Endpoint.FACTOR_ALL.equals(g) ? test : null));
        }
    }

    /**
     * The groups compared over the given levels' counts (with {@code denominator}: one level against
     * the rest of it): Pearson chi-square without continuity correction, Fisher's exact test when an
     * expected count is below 5 and the table is 2 × c (domain-rules §7); levels and groups without
     * patients left out; null without two of each.
     */
    private Test test(List<String> levels, String denominator) {
        if (comparisonLevels.isEmpty()) {
            return null;
        }
        List<long[]> rows = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String g : comparisonLevels) {
            long[] row = new long[levels.size() + (denominator == null ? 0 : 1)];
            for (int j = 0; j < levels.size(); j++) {
                row[j] = counts.get(key(levels.get(j), g));
                used.add(key(levels.get(j), g));
            }
            if (denominator != null) {
                row[levels.size()] = counts.get(key(denominator, g)) - row[0];
                used.add(key(denominator, g));
            }
            if (Arrays.stream(row).sum() > 0) {
                rows.add(row);
            }
        }
        long[][] table = dropEmptyColumns(rows);
        if (table.length < 2 || table[0].length < 2) {
            return null;
        }
        ContingencyTable t = ContingencyTable.of(table);
        ChiSquareTest.Result chi = ChiSquareTest.withDefaults().test(t);
        if (chi.expectedBelowFive() && (table.length == 2 || table[0].length == 2)) {
            return new Test(FisherExactTest.withDefaults().pValue(table.length == 2 ? t : ContingencyTable.of(transpose(table))),
                    "fisher", used);
        }
        return new Test(chi.pValue(), "chisq", used);
    }

    private static long[][] dropEmptyColumns(List<long[]> rows) {
        if (rows.isEmpty()) {
            return new long[0][0];
        }
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < rows.get(0).length; j++) {
            final int c = j;
            if (rows.stream().mapToLong(r -> r[c]).sum() > 0) {
                keep.add(j);
            }
        }
        return rows.stream().map(r -> keep.stream().mapToLong(j -> r[j]).toArray()).toArray(long[][]::new);
    }

    private static long[][] transpose(long[][] m) {
        long[][] out = new long[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                out[j][i] = m[i][j];
            }
        }
        return out;
    }

    /**
     * R's median (quantile type 7 at 0.5: the middle value, or the mean of the two middle ones) of rows
     * sorted by value, each value repeated as often as its weight.
     */
    static double median(List<SummaryData.Weighted> sorted, Function<SummaryPatient, Number> value) {
        long n = count(sorted);
        return n % 2 == 1 ? at(sorted, value, n / 2) : (at(sorted, value, n / 2 - 1) + at(sorted, value, n / 2)) / 2;
    }

    /** The value at 0-based position {@code i} of the weighted rows laid out one patient each. */
    private static double at(List<SummaryData.Weighted> sorted, Function<SummaryPatient, Number> value, long i) {
        long seen = 0;
        for (SummaryData.Weighted w : sorted) {
            seen += w.weight();
            if (i < seen) {
                return value.apply(w.patient()).doubleValue();
            }
        }
        throw new IllegalArgumentException("position " + i + " of " + seen);
    }

    /** The empty layout of a summary table (contract columns, in order). */
    static OutputTable empty(String name) {
        return new OutputTable(name).column("study", OutputTable.Type.STRING).column("table_row", OutputTable.Type.STRING)
                .column("row_order", OutputTable.Type.INT).column("level", OutputTable.Type.STRING)
                .column("level_order", OutputTable.Type.INT).column("group", OutputTable.Type.STRING)
                .column("n", OutputTable.Type.BIGINT).column("denominator", OutputTable.Type.BIGINT)
                .column("pct", OutputTable.Type.DOUBLE).column("median", OutputTable.Type.DOUBLE)
                .column("min", OutputTable.Type.DOUBLE).column("max", OutputTable.Type.DOUBLE)
                .column("ci_lower", OutputTable.Type.DOUBLE).column("ci_upper", OutputTable.Type.DOUBLE)
                .column("p_value", OutputTable.Type.DOUBLE).column("test", OutputTable.Type.STRING)
                .column(SmallCells.SUPPRESSED, OutputTable.Type.BOOLEAN);
    }

    /**
     * The tables by name, published (small cells hidden: decisions 192–194) and internal (every value,
     * {@code suppressed} as the published copy applied it).
     */
    SummaryTables.Tables tables(String study, List<String> names, int k) {
        Set<String> hidden = SmallCells.hide(counts, published, sums, k);
        Map<String, OutputTable> out = new LinkedHashMap<>();
        Map<String, OutputTable> internal = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, empty(name));
            internal.put(SummaryTables.INTERNAL_PREFIX + name, empty(SummaryTables.INTERNAL_PREFIX + name));
        }
        for (Cell c : cells) {
            long n = counts.get(c.nKey());
            long d = counts.get(c.denominatorKey());
            boolean nHidden = hidden.contains(c.nKey());
            boolean dHidden = hidden.contains(c.denominatorKey());
            Double pct = d == 0 || MEDIAN.equals(c.level()) ? null : 100.0 * n / d;
            Double p = c.test() == null ? null : c.test().pValue();
            String test = c.test() == null ? null : c.test().name();
            internal.get(SummaryTables.INTERNAL_PREFIX + c.table()).add(study, c.tableRow(), c.rowOrder(), c.level(),
                    c.levelOrder(), c.group(), n, d, pct, c.median(), c.min(), c.max(), c.ciLower(), c.ciUpper(), p, test,
                    nHidden || dHidden);
            boolean anyHidden = nHidden || dHidden;
            boolean testHidden = c.test() != null && c.test().cells().stream().anyMatch(hidden::contains);
            boolean tooFew = n < k;
            out.get(c.table()).add(study, c.tableRow(), c.rowOrder(), c.level(), c.levelOrder(), c.group(),
                    nHidden ? null : n, dHidden ? null : d, anyHidden ? null : pct, tooFew ? null : c.median(), null, null,
                    anyHidden ? null : c.ciLower(), anyHidden ? null : c.ciUpper(), testHidden ? null : p, test, anyHidden);
        }
        return new SummaryTables.Tables(out, internal);
    }
}
