package org.oncorwe.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Right-censored survival data as aggregated rows (stratum, group, time, n_event, n_censor): what
 * a Spark {@code groupBy} produces, and what per-subject rows collapse to. Every estimator works
 * on this form, so per-subject and aggregated input give the same numbers. Immutable.
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

    private static final Comparator<Row> KEY_ORDER = Comparator.comparing(Row::stratum)
            .thenComparing(Row::group).thenComparingDouble(Row::time);

    private final List<Row> rows;
    private final List<String> groups;
    private final List<String> strata;

    private SurvivalData(List<Row> rows) {
        this.rows = rows;
        Set<String> g = new HashSet<>();
        Set<String> s = new HashSet<>();
        for (Row r : rows) {
            g.add(r.group());
            s.add(r.stratum());
        }
        this.groups = Levels.order(g);
        this.strata = Levels.order(s);
    }

    /** From one row per subject; {@code strata} or {@code groups} may be null (none). */
    public static SurvivalData ofSubjects(String[] strata, String[] groups, double[] time, boolean[] event) {
        Arguments.checkSameLength(time.length, event.length, "event");
        List<Row> rows = new ArrayList<>(time.length);
        for (int i = 0; i < time.length; i++) {
            rows.add(new Row(strata == null ? NONE : strata[i], groups == null ? NONE : groups[i], time[i],
                    event[i] ? 1 : 0, event[i] ? 0 : 1));
        }
        return ofAggregates(rows);
    }

    /** From aggregated rows; rows sharing a key are added up, rows counting nobody dropped. */
    public static SurvivalData ofAggregates(Collection<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(KEY_ORDER);
        List<Row> merged = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); ) {
            Row first = sorted.get(i);
            long events = 0;
            long censored = 0;
            int j = i;
            for (; j < sorted.size() && KEY_ORDER.compare(first, sorted.get(j)) == 0; j++) {
                events += sorted.get(j).nEvent();
                censored += sorted.get(j).nCensor();
            }
            if (events + censored > 0) {
                merged.add(j == i + 1 ? first : new Row(first.stratum(), first.group(), first.time(), events, censored));
            }
            i = j;
        }
        return new SurvivalData(List.copyOf(merged));
    }

    /** The rows, ordered by stratum, group and time. */
    public List<Row> rows() {
        return rows;
    }

    public long subjects() {
        return rows.stream().mapToLong(r -> r.nEvent() + r.nCensor()).sum();
    }

    /** Group levels in factor order ({@link Levels}). */
    public List<String> groups() {
        return groups;
    }

    /** Stratum levels in factor order. */
    public List<String> strata() {
        return strata;
    }

    /** The data with every time replaced as R's {@code aeqSurv} does ({@link TimeFix}). */
    public SurvivalData timeFixed() {
        TimeFix fix = TimeFix.of(rows.stream().mapToDouble(Row::time).toArray());
        if (!fix.changesAnything()) {
            return this;
        }
        return ofAggregates(rows.stream()
                .map(r -> new Row(r.stratum(), r.group(), fix.apply(r.time()), r.nEvent(), r.nCensor())).toList());
    }

    /** The counts per distinct time of every row. */
    public Counts counts() {
        return counts(r -> true);
    }

    public Counts countsOfGroup(String group) {
        return counts(r -> r.group().equals(group));
    }

    public Counts countsOfStratum(String stratum) {
        return counts(r -> r.stratum().equals(stratum));
    }

    /** The counts per distinct time of the rows selected, pooled over the rest of the key. */
    public Counts counts(Predicate<Row> which) {
        List<Row> selected = new ArrayList<>();
        for (Row r : rows) {
            if (which.test(r)) {
                selected.add(r);
            }
        }
        double[] time = distinctTimes(selected);
        long[] events = new long[time.length];
        long[] censored = new long[time.length];
        for (Row r : selected) {
            int i = Arrays.binarySearch(time, r.time());
            events[i] += r.nEvent();
            censored[i] += r.nCensor();
        }
        return new Counts(time, events, censored);
    }

    /** The distinct times of some rows, ascending (primitive sort: inputs reach millions of rows). */
    static double[] distinctTimes(List<Row> rows) {
        double[] all = new double[rows.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = rows.get(i).time();
        }
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n == 0 || all[i] != all[n - 1]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurvivalData other && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
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
