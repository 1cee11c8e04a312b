package org.oncorwe.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Right-censored survival data as aggregated rows (stratum, group, time, n_event, n_censor): what
 * a Spark {@code groupBy} produces, and what per-subject rows collapse to. Every estimator works
 * on this form, so per-subject and aggregated input give the same numbers. Immutable.
 *
 * <p>Kept as parallel primitive columns ordered by stratum, group (code-unit order) and time, and
 * a time order of them made once, by counting sorts on time ranks: a curve, a log-rank test or a
 * Cox fit walks that order and never sorts again (docs/benchmarks.md).
 */
public final class SurvivalData {

    /** The stratum or group of data that has none. */
    public static final String NONE = "";

    /** One aggregated row; a (stratum, group, time) key occurs once. */
    public record Row(String stratum, String group, double time, long nEvent, long nCensor) {
        public Row {
            Arguments.checkNotNull(stratum, "stratum");
            Arguments.checkNotNull(group, "group");
            Arguments.checkTime(time);
            time += 0.0; // -0.0 is the time 0
            Arguments.checkCount(nEvent);
            Arguments.checkCount(nCensor);
        }
    }

    private final String[] strataNames;
    private final String[] groupNames;
    // one entry per row, ordered by stratum code, group code, time
    private final int[] stratum;
    private final int[] group;
    private final double[] time;
    private final long[] nEvent;
    private final long[] nCensor;
    /** Rank of the row's time among {@link #distinct}. */
    private final int[] timeRank;
    private final double[] distinct;
    /** Row indexes by time, ties in row order. */
    private final int[] byTime;
    private final List<String> groups;
    private final List<String> strata;
    /** Per group code its index in {@link #groups} (factor order). */
    private final int[] groupLevel;

    private SurvivalData(String[] strataNames, String[] groupNames, int[] stratum, int[] group, double[] time,
                         long[] nEvent, long[] nCensor, int[] timeRank, double[] distinct) {
        this.strataNames = strataNames;
        this.groupNames = groupNames;
        this.stratum = stratum;
        this.group = group;
        this.time = time;
        this.nEvent = nEvent;
        this.nCensor = nCensor;
        this.timeRank = timeRank;
        this.distinct = distinct;
        this.byTime = CountingSort.stableOrder(timeRank, distinct.length, null);
        this.groups = Levels.order(used(groupNames, group));
        this.strata = Levels.order(used(strataNames, stratum));
        this.groupLevel = new int[groupNames.length];
        for (int g = 0; g < groupNames.length; g++) {
            groupLevel[g] = groups.indexOf(groupNames[g]);
        }
    }

    private static List<String> used(String[] names, int[] codes) {
        boolean[] seen = new boolean[names.length];
        List<String> used = new ArrayList<>();
        for (int c : codes) {
            if (!seen[c]) {
                seen[c] = true;
                used.add(names[c]);
            }
        }
        return used;
    }

    /** From one row per subject; {@code strata} or {@code groups} may be null (none). */
    public static SurvivalData ofSubjects(String[] strata, String[] groups, double[] time, boolean[] event) {
        Arguments.checkSameLength(time.length, event.length, "event");
        int n = time.length;
        long[] events = new long[n];
        long[] censored = new long[n];
        for (int i = 0; i < n; i++) {
            events[i] = event[i] ? 1 : 0;
            censored[i] = event[i] ? 0 : 1;
        }
        return build(column(strata, n, "stratum"), column(groups, n, "group"), time.clone(), events, censored);
    }

    private static String[] column(String[] values, int n, String name) {
        if (values == null) {
            String[] none = new String[n];
            Arrays.fill(none, NONE);
            return none;
        }
        Arguments.checkSameLength(n, values.length, name);
        for (String v : values) {
            Arguments.checkNotNull(v, name);
        }
        return values;
    }

    /** From aggregated rows; rows sharing a key are added up, rows counting nobody dropped. */
    public static SurvivalData ofAggregates(Collection<Row> rows) {
        int n = rows.size();
        String[] strata = new String[n];
        String[] groups = new String[n];
        double[] time = new double[n];
        long[] events = new long[n];
        long[] censored = new long[n];
        int i = 0;
        for (Row r : rows) {
            strata[i] = r.stratum();
            groups[i] = r.group();
            time[i] = r.time();
            events[i] = r.nEvent();
            censored[i] = r.nCensor();
            i++;
        }
        return build(strata, groups, time, events, censored);
    }

    /** Sorts (two stable counting sorts: time rank, then stratum-group cell), adds up keys, drops empty rows. */
    private static SurvivalData build(String[] strataIn, String[] groupsIn, double[] time, long[] events,
                                      long[] censored) {
        int n = time.length;
        for (int i = 0; i < n; i++) {
            time[i] = Arguments.checkTime(time[i]) + 0.0;
            Arguments.checkCount(events[i]);
            Arguments.checkCount(censored[i]);
        }
        Codes s = Codes.of(strataIn);
        Codes g = Codes.of(groupsIn);
        double[] sorted = time.clone();
        Arrays.sort(sorted);
        double[] distinct = distinctOfSorted(sorted);
        int[] rank = new int[n];
        int[] cell = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = Arrays.binarySearch(distinct, time[i]);
            cell[i] = s.code()[i] * g.names().length + g.code()[i];
        }
        int[] byRank = CountingSort.stableOrder(rank, distinct.length, null);
        int[] order = CountingSort.stableOrder(cell, s.names().length * g.names().length, byRank);
        int[] outStratum = new int[n];
        int[] outGroup = new int[n];
        double[] outTime = new double[n];
        long[] outEvent = new long[n];
        long[] outCensor = new long[n];
        int[] outRank = new int[n];
        boolean[] timeUsed = new boolean[distinct.length];
        int m = 0;
        for (int a = 0; a < n; ) {
            int first = order[a];
            long d = 0;
            long c = 0;
            int b = a;
            for (; b < n && cell[order[b]] == cell[first] && rank[order[b]] == rank[first]; b++) {
                d += events[order[b]];
                c += censored[order[b]];
            }
            if (d + c > 0) {
                outStratum[m] = s.code()[first];
                outGroup[m] = g.code()[first];
                outTime[m] = time[first];
                outEvent[m] = d;
                outCensor[m] = c;
                outRank[m] = rank[first];
                timeUsed[rank[first]] = true;
                m++;
            }
            a = b;
        }
        // ranks among the times that are left
        int[] newRank = new int[distinct.length];
        int used = 0;
        for (int r = 0; r < distinct.length; r++) {
            newRank[r] = used;
            if (timeUsed[r]) {
                distinct[used++] = distinct[r];
            }
        }
        for (int i = 0; i < m; i++) {
            outRank[i] = newRank[outRank[i]];
        }
        return new SurvivalData(s.names(), g.names(), Arrays.copyOf(outStratum, m), Arrays.copyOf(outGroup, m),
                Arrays.copyOf(outTime, m), Arrays.copyOf(outEvent, m), Arrays.copyOf(outCensor, m),
                Arrays.copyOf(outRank, m), Arrays.copyOf(distinct, used));
    }

    private static double[] distinctOfSorted(double[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** The rows, ordered by stratum, group and time (made on each call: for reading, not for speed). */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(time.length);
        for (int i = 0; i < time.length; i++) {
            rows.add(row(i));
        }
        return List.copyOf(rows);
    }

    private Row row(int i) {
        return new Row(strataNames[stratum[i]], groupNames[group[i]], time[i], nEvent[i], nCensor[i]);
    }

    public long subjects() {
        long sum = 0;
        for (int i = 0; i < time.length; i++) {
            sum += nEvent[i] + nCensor[i];
        }
        return sum;
    }

    /** Group levels in factor order ({@link Levels}). */
    public List<String> groups() {
        return groups;
    }

    /** Stratum levels in factor order. */
    public List<String> strata() {
        return strata;
    }

    /**
     * The data with every time replaced as R's {@code aeqSurv} does ({@link TimeFix}). The fix never
     * lowers a later time below an earlier one, so the rows keep their order and only neighbours
     * within a (stratum, group) merge: one pass, no sort.
     */
    public SurvivalData timeFixed() {
        TimeFix fix = TimeFix.ofSortedDistinct(distinct);
        if (!fix.changesAnything()) {
            return this;
        }
        int[] rankMap = new int[distinct.length];
        double[] fixed = new double[distinct.length];
        int times = 0;
        for (int r = 0; r < distinct.length; r++) {
            double f = fix.apply(distinct[r]);
            if (times == 0 || f != fixed[times - 1]) {
                fixed[times++] = f;
            }
            rankMap[r] = times - 1;
        }
        int n = time.length;
        int[] s = new int[n];
        int[] g = new int[n];
        int[] rank = new int[n];
        long[] d = new long[n];
        long[] c = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int r = rankMap[timeRank[i]];
            if (m == 0 || s[m - 1] != stratum[i] || g[m - 1] != group[i] || rank[m - 1] != r) {
                s[m] = stratum[i];
                g[m] = group[i];
                rank[m] = r;
                m++;
            }
            d[m - 1] += nEvent[i];
            c[m - 1] += nCensor[i];
        }
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = fixed[rank[i]];
        }
        return new SurvivalData(strataNames, groupNames, Arrays.copyOf(s, m), Arrays.copyOf(g, m), t,
                Arrays.copyOf(d, m), Arrays.copyOf(c, m), Arrays.copyOf(rank, m), Arrays.copyOf(fixed, times));
    }

    /** The counts per distinct time of every row. */
    public Counts counts() {
        return countsOf(i -> true);
    }

    public Counts countsOfGroup(String name) {
        int code = Arrays.binarySearch(groupNames, name);
        return countsOf(i -> group[i] == code);
    }

    public Counts countsOfStratum(String name) {
        int code = Arrays.binarySearch(strataNames, name);
        return countsOf(i -> stratum[i] == code);
    }

    /** The counts per distinct time of the rows selected, pooled over the rest of the key. */
    public Counts counts(Predicate<Row> which) {
        return countsOf(i -> which.test(row(i)));
    }

    /** One walk of the time order: no sort. */
    private Counts countsOf(IntPredicate selected) {
        int n = time.length;
        double[] t = new double[n];
        long[] d = new long[n];
        long[] c = new long[n];
        int m = 0;
        int lastRank = -1;
        for (int i : byTime) {
            if (selected.test(i)) {
                if (timeRank[i] != lastRank) {
                    lastRank = timeRank[i];
                    t[m++] = time[i];
                }
                d[m - 1] += nEvent[i];
                c[m - 1] += nCensor[i];
            }
        }
        return new Counts(Arrays.copyOf(t, m), Arrays.copyOf(d, m), Arrays.copyOf(c, m));
    }

    // column access for the package's estimators (read-only; row i in stratum, group, time order)

    int size() {
        return time.length;
    }

    double time(int i) {
        return time[i];
    }

    int timeRank(int i) {
        return timeRank[i];
    }

    long nEvent(int i) {
        return nEvent[i];
    }

    long nCensor(int i) {
        return nCensor[i];
    }

    /** The row's group as an index into {@link #groups()}. */
    int groupLevel(int i) {
        return groupLevel[group[i]];
    }

    /** The row's stratum as a code ordering strata by code units (as the rows are ordered). */
    int stratumCode(int i) {
        return stratum[i];
    }

    String stratumName(int i) {
        return strataNames[stratum[i]];
    }

    /** Row indexes by time, ties in row order. */
    int[] byTime() {
        return byTime;
    }

    /** Row indexes by stratum code, then time, ties in row order. */
    int[] byStratumThenTime() {
        return strataNames.length == 1 ? byTime : CountingSort.stableOrder(stratum, strataNames.length, byTime);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurvivalData other && rows().equals(other.rows());
    }

    @Override
    public int hashCode() {
        return rows().hashCode();
    }

    /**
     * Events and censorings per distinct time, ascending: one curve's worth of data. At risk at t
     * is everyone with time &gt;= t.
     */
    public static final class Counts {
        private final double[] time;
        private final long[] nEvent;
        private final long[] nCensor;
        private final long[] nRisk;

        Counts(double[] time, long[] nEvent, long[] nCensor) {
            this.time = time;
            this.nEvent = nEvent;
            this.nCensor = nCensor;
            this.nRisk = new long[time.length];
            long atRisk = 0;
            for (int i = time.length - 1; i >= 0; i--) {
                atRisk += nEvent[i] + nCensor[i];
                nRisk[i] = atRisk;
            }
        }

        public int size() {
            return time.length;
        }

        public double time(int i) {
            return time[i];
        }

        /** The times themselves, for the package's read-only use. */
        double[] timeArray() {
            return time;
        }

        public long nEvent(int i) {
            return nEvent[i];
        }

        public long nCensor(int i) {
            return nCensor[i];
        }

        public long nRisk(int i) {
            return nRisk[i];
        }

        public long subjects() {
            return time.length == 0 ? 0 : nRisk[0];
        }

        public long events() {
            long sum = 0;
            for (long d : nEvent) {
                sum += d;
            }
            return sum;
        }

        /** Censorings as events and events as censorings: the reverse Kaplan-Meier's data. */
        public Counts reversed() {
            return new Counts(time, nCensor, nEvent);
        }
    }
}
