package org.oncorwe.stats.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A study's patients as the summary tables read them (decision 268): for each slice, the distinct
 * combinations of its columns with the number of patients who have them. Every table row reads one
 * value of a patient and, to pick its population, the {@link #BASE_COLUMNS}; so the slice of a column
 * is the count of patients per (base columns, that column), and the slice of a CTCAE term the count
 * per (group, max grade of the term), grade 0 included. Counts and exact medians over a slice equal
 * those over the patients themselves, and a slice has as many rows as distinct values, not patients:
 * Spark aggregates, the driver receives a few thousand rows at any registry size.
 *
 * <p>{@link #of(List)} wraps patients one by one (weight 1, every slice the same list): the tables
 * of the hand-built tests, and the oracle the aggregated slices are checked against.
 */
public final class SummaryData {

    /** A row of a slice: the fields of the slice's columns set (the others null), and its patient count. */
    public record Weighted(SummaryPatient patient, long weight) {
        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight " + weight);
            }
        }
    }

    /** The slice of the population columns alone: the study's patients by group and population. */
    public static final String BASE = "base";
    /** The columns every slice carries: the comparison group and what the rows' populations read. */
    public static final List<String> BASE_COLUMNS = List.of("grp", "disease_setting", "relapse_context", "measurable",
            "best_response");
    /** The columns with a slice of their own (cohort and endpoints columns, as the tables read them). */
    public static final List<String> SLICE_COLUMNS = List.of("age_at_index", "age_group", "menopausal_status", "hr_status",
            "perioperative_chemo", "prior_anti_her2", "docetaxel_admins", "docetaxel_group", "dfi_months", "dfi_group",
            "visceral_mets", "bone_mets", "brain_mets", "thp_cycles", "dor_months", "long_term_responder");
    private static final String GRADE = "grade:";

    private final List<Weighted> everyone;
    private final Map<String, List<Weighted>> slices;
    private final Set<String> terms;

    private SummaryData(List<Weighted> everyone, Map<String, List<Weighted>> slices, Set<String> terms) {
        this.everyone = everyone;
        this.slices = slices;
        this.terms = terms;
    }

    /** The patients one by one: every slice is the whole list, each patient of weight 1. */
    public static SummaryData of(List<SummaryPatient> patients) {
        TreeSet<String> terms = new TreeSet<>();
        patients.forEach(p -> terms.addAll(p.maxGrades().keySet()));
        return new SummaryData(patients.stream().map(p -> new Weighted(p, 1)).toList(), null, Set.copyOf(terms));
    }

    /**
     * Aggregated slices: {@code columns} by slice name ({@link #BASE} and the {@link #SLICE_COLUMNS});
     * {@code grades}: per CTCAE term a patient of the study has, the rows of (group, max grade ≥ 1) — the
     * grade-0 row of each group is added here, from the base slice.
     */
    public static SummaryData ofSlices(Map<String, List<Weighted>> columns, Map<String, List<Weighted>> grades) {
        Map<String, List<Weighted>> all = new HashMap<>(columns);
        List<Weighted> base = columns.getOrDefault(BASE, List.of());
        Map<String, Long> perGroup = new LinkedHashMap<>();
        base.forEach(w -> perGroup.merge(w.patient().group(), w.weight(), Long::sum));
        for (Map.Entry<String, List<Weighted>> term : grades.entrySet()) {
            Map<String, Long> rest = new LinkedHashMap<>(perGroup);
            List<Weighted> rows = new ArrayList<>(term.getValue());
            for (Weighted w : term.getValue()) {
                rest.merge(w.patient().group(), -w.weight(), Long::sum);
            }
            rest.forEach((g, left) -> { // groups in the base slice's order
                if (left < 0) {
                    throw new IllegalArgumentException("more patients with " + term.getKey() + " than in group " + g);
                }
                rows.add(new Weighted(patient(g, Map.of()), left));
            });
            all.put(GRADE + term.getKey(), List.copyOf(rows));
        }
        return new SummaryData(null, Map.copyOf(all), Set.copyOf(grades.keySet()));
    }

    /** A slice row of a CTCAE term: only the group and the term's grade (an empty map: grade 0). */
    public static SummaryPatient patient(String group, Map<String, Integer> grade) {
        return new SummaryPatient(group, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, grade);
    }

    /** The rows of a column's slice ({@link #BASE} or one of {@link #SLICE_COLUMNS}). */
    public List<Weighted> column(String name) {
        if (slices == null) {
            return everyone;
        }
        if (!BASE.equals(name) && !SLICE_COLUMNS.contains(name)) {
            throw new IllegalArgumentException("no slice " + name);
        }
        return slices.getOrDefault(name, List.of());
    }

    /** The rows of a CTCAE term's slice: every patient of the study, by group and the term's max grade. */
    public List<Weighted> term(String ctcaeTerm) {
        return slices == null ? everyone : slices.getOrDefault(GRADE + ctcaeTerm, column(BASE).stream()
                .map(w -> new Weighted(patient(w.patient().group(), Map.of()), w.weight())).toList());
    }

    /** The CTCAE terms any patient of the study has. */
    public Set<String> terms() {
        return terms;
    }
}
