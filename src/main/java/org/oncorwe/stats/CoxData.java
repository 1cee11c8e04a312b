package org.oncorwe.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Cox model's data: per stratum, time and covariate pattern the events and censorings. With
 * factor covariates only, this aggregate is exact (every subject of a pattern has the same x), so
 * it is all a Spark {@code groupBy} needs to hand the driver. Immutable.
 */
public final class CoxData {

    /** One aggregated row: subjects of one covariate pattern at one time in one stratum. */
    public record Row(String stratum, double time, double[] x, long nEvent, long nCensor) {
    }

    private final List<String> terms;
    // columns, ordered by stratum (code-unit order of the names), then time
    private final String[] stratumNames;
    private final int[] stratum;
    private final double[] time;
    /** Row-major, {@code terms.size()} values per row. */
    private final double[] x;
    private final long[] nEvent;
    private final long[] nCensor;

    private CoxData(List<String> terms, String[] stratumNames, int[] stratum, double[] time, double[] x,
                    long[] nEvent, long[] nCensor) {
        this.terms = List.copyOf(terms);
        this.stratumNames = stratumNames;
        this.stratum = stratum;
        this.time = time;
        this.x = x;
        this.nEvent = nEvent;
        this.nCensor = nCensor;
    }

    /**
     * The rows by stratum, then time, stable. A primitive sort of (stratum rank, time rank, row) keys:
     * a comparator sort of a million records is the slowest part of a large fit otherwise.
     */
    private static CoxData sortedByStratumAndTime(List<String> terms, List<Row> rows) {
        Set<String> names = new HashSet<>();
        double[] times = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            names.add(rows.get(i).stratum());
            times[i] = rows.get(i).time();
        }
        String[] stratumNames = new TreeSet<>(names).toArray(String[]::new);
        double[] distinct = Arrays.stream(times).sorted().distinct().toArray();
        long n = rows.size();
        long[] keys = new long[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            long key = (long) Arrays.binarySearch(stratumNames, rows.get(i).stratum()) * distinct.length
                    + Arrays.binarySearch(distinct, times[i]);
            keys[i] = key * n + i;
        }
        Arrays.sort(keys);
        int p = terms.size();
        Columns c = new Columns(keys.length, p);
        for (int j = 0; j < keys.length; j++) {
            Row r = rows.get((int) (keys[j] % n));
            c.set(j, Arrays.binarySearch(stratumNames, r.stratum()), r.time(), r.x(), r.nEvent(), r.nCensor());
        }
        return new CoxData(terms, stratumNames, c.stratum, c.time, c.x, c.nEvent, c.nCensor);
    }

    /** Columns being filled. */
    private record Columns(int[] stratum, double[] time, double[] x, long[] nEvent, long[] nCensor, int p) {
        Columns(int n, int p) {
            this(new int[n], new double[n], new double[n * p], new long[n], new long[n], p);
        }

        void set(int j, int s, double t, double[] xj, long events, long censored) {
            stratum[j] = s;
            time[j] = t;
            System.arraycopy(xj, 0, x, j * p, p);
            nEvent[j] = events;
            nCensor[j] = censored;
        }
    }

    public static CoxData of(List<String> terms, List<Row> rows) {
        for (Row r : rows) {
            Arguments.checkSameLength(terms.size(), r.x().length, "x");
            Arguments.checkTime(r.time());
        }
        return sortedByStratumAndTime(terms, rows);
    }

    /**
     * The group of survival data as one factor, dummy-coded against {@code reference}: a term per
     * other level, in the data's level order. With {@code stratified}, the data's strata are the
     * Cox strata; otherwise they are pooled. The data's own time order, no sort.
     */
    public static CoxData ofGroup(SurvivalData data, String reference, boolean stratified) {
        List<String> levels = data.groups();
        if (!levels.contains(reference)) {
            throw new IllegalArgumentException("reference level " + reference + " is not one of " + levels);
        }
        List<String> terms = levels.stream().filter(l -> !l.equals(reference)).toList();
        // one design vector per level
        double[][] design = new double[levels.size()][terms.size()];
        for (int g = 0; g < levels.size(); g++) {
            if (terms.contains(levels.get(g))) {
                design[g][terms.indexOf(levels.get(g))] = 1;
            }
        }
        int[] order = stratified ? data.byStratumThenTime() : data.byTime();
        Columns c = new Columns(order.length, terms.size());
        List<String> names = new ArrayList<>();
        for (int j = 0; j < order.length; j++) {
            int i = order[j];
            String name = stratified ? data.stratumName(i) : SurvivalData.NONE;
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
            }
            c.set(j, names.size() - 1, data.time(i), design[data.groupLevel(i)], data.nEvent(i), data.nCensor(i));
        }
        return new CoxData(terms, names.toArray(String[]::new), c.stratum, c.time, c.x, c.nEvent, c.nCensor);
    }

    /** Subjects of one combination of factor levels at one time in one stratum (what a groupBy gives). */
    public record PatternRow(String stratum, double time, List<String> levels, long nEvent, long nCensor) {
    }

    /** A factor covariate: its name and levels, the first being the reference. */
    public record Factor(String name, List<String> levels) {
        public Factor {
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("factor " + name + " has no levels");
            }
        }
    }

    /**
     * Several factor covariates, each dummy-coded against its first level (terms named
     * {@code <factor>=<level>}, in factor then level order); rows with a level not listed (UNKNOWN,
     * say) are left out, as domain-rules §7 leaves them out of models.
     */
    public static CoxData ofFactors(List<Factor> factors, List<PatternRow> rows) {
        List<String> terms = new ArrayList<>();
        for (Factor f : factors) {
            for (String level : f.levels().subList(1, f.levels().size())) {
                terms.add(f.name() + "=" + level);
            }
        }
        List<Row> coded = new ArrayList<>();
        for (PatternRow r : rows) {
            Arguments.checkSameLength(factors.size(), r.levels().size(), "levels");
            double[] x = new double[terms.size()];
            boolean known = true;
            int offset = 0;
            for (int f = 0; f < factors.size(); f++) {
                int level = factors.get(f).levels().indexOf(r.levels().get(f));
                known &= level >= 0;
                if (level > 0) {
                    x[offset + level - 1] = 1;
                }
                offset += factors.get(f).levels().size() - 1;
            }
            if (known) {
                coded.add(new Row(r.stratum(), r.time(), x, r.nEvent(), r.nCensor()));
            }
        }
        return of(terms, coded);
    }

    public List<String> terms() {
        return terms;
    }

    /** Rows ordered by stratum, then time (made on each call: for reading, not for speed). */
    public List<Row> rows() {
        int p = terms.size();
        List<Row> rows = new ArrayList<>(time.length);
        for (int i = 0; i < time.length; i++) {
            rows.add(new Row(stratumNames[stratum[i]], time[i], Arrays.copyOfRange(x, i * p, i * p + p), nEvent[i],
                    nCensor[i]));
        }
        return List.copyOf(rows);
    }

    // the columns, for the model's read-only use

    /** Per row a stratum number: equal for rows of one stratum, rows of a stratum adjacent. */
    int[] stratumColumn() {
        return stratum;
    }

    double[] timeColumn() {
        return time;
    }

    double[] xColumn() {
        return x;
    }

    long[] eventColumn() {
        return nEvent;
    }

    long[] censorColumn() {
        return nCensor;
    }
}
