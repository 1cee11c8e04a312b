package org.oncorwe.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
    private final List<Row> rows;

    private CoxData(List<String> terms, List<Row> rows) {
        this.terms = List.copyOf(terms);
        this.rows = sortedByStratumAndTime(rows);
    }

    /**
     * The rows by stratum, then time, stable. A primitive sort of (stratum rank, time rank, row) keys:
     * a comparator sort of a million records is the slowest part of a large fit otherwise.
     */
    private static List<Row> sortedByStratumAndTime(List<Row> rows) {
        Set<String> names = new HashSet<>();
        double[] times = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            names.add(rows.get(i).stratum());
            times[i] = rows.get(i).time();
        }
        Map<String, Integer> strata = new HashMap<>();
        for (String name : new TreeSet<>(names)) {
            strata.put(name, strata.size());
        }
        double[] distinct = Arrays.stream(times).sorted().distinct().toArray();
        long n = rows.size();
        long[] keys = new long[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            long key = (long) strata.get(rows.get(i).stratum()) * distinct.length + Arrays.binarySearch(distinct, times[i]);
            keys[i] = key * n + i;
        }
        Arrays.sort(keys);
        Row[] sorted = new Row[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = rows.get((int) (keys[i] % n));
        }
        return List.of(sorted);
    }

    public static CoxData of(List<String> terms, List<Row> rows) {
        for (Row r : rows) {
            Arguments.checkSameLength(terms.size(), r.x().length, "x");
            Arguments.checkTime(r.time());
        }
        return new CoxData(terms, rows);
    }

    /**
     * The group of survival data as one factor, dummy-coded against {@code reference}: a term per
     * other level, in the data's level order. With {@code stratified}, the data's strata are the
     * Cox strata; otherwise they are pooled.
     */
    public static CoxData ofGroup(SurvivalData data, String reference, boolean stratified) {
        List<String> levels = data.groups();
        if (!levels.contains(reference)) {
            throw new IllegalArgumentException("reference level " + reference + " is not one of " + levels);
        }
        List<String> terms = levels.stream().filter(l -> !l.equals(reference)).toList();
        List<Row> rows = new ArrayList<>();
        // one design vector per level, shared by its rows
        Map<String, double[]> design = new HashMap<>();
        for (String level : levels) {
            double[] x = new double[terms.size()];
            if (terms.contains(level)) {
                x[terms.indexOf(level)] = 1;
            }
            design.put(level, x);
        }
        for (SurvivalData.Row r : data.rows()) {
            rows.add(new Row(stratified ? r.stratum() : SurvivalData.NONE, r.time(), design.get(r.group()),
                    r.nEvent(), r.nCensor()));
        }
        return new CoxData(terms, rows);
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

    /** Rows ordered by stratum, then time. */
    public List<Row> rows() {
        return rows;
    }
}
