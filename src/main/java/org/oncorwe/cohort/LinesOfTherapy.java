package org.oncorwe.cohort;

import org.oncorwe.ingest.dictionary.DrugClass;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One patient's lines of therapy (domain-rules §3), in plain Java: from the given (DONE,
 * order-collapsed) administrations, mapped to ingredients, and the metastatic date. Supportive
 * and unmapped drugs are not line drugs; endocrine therapy never enters a regimen and never
 * extends a line, and opens one only when no line is running.
 */
public final class LinesOfTherapy {

    /**
     * One ingredient given on one day, and the product it came in ({@code trastuzumab SC},
     * {@code trastuzumab IV biosimilar}, {@code pertuzumab+trastuzumab SC}; null when unknown): a
     * line records a change of product of a regimen ingredient as a substitution.
     */
    public record Given(LocalDate date, String ingredient, DrugClass drugClass, String product) implements Serializable {
        public Given(LocalDate date, String ingredient, DrugClass drugClass) {
            this(date, ingredient, drugClass, null);
        }
    }

    /** The line parameters (cohort.* config keys). */
    public record Params(int regimenWindowDays, int gapDays, int metastaticSplitDays) implements Serializable {
        public static Params defaults() {
            return new Params(28, 120, 30);
        }
    }

    /** How a line ended. */
    public enum EndReason { NEXT_LINE, GAP, DEATH, ONGOING }

    /** One line (lines_of_therapy, outputs.md). */
    public record Line(String setting, int lineNo, int lineSeq, String regimen, String label, LocalDate start, LocalDate end,
                       EndReason endReason, LocalDate maintenanceStart, String substitutions, boolean endocrineAddon)
            implements Serializable {
    }

    private static final List<Set<String>> SUBSTITUTES = List.of(Set.of("docetaxel", "paclitaxel", "nab-paclitaxel"));

    private LinesOfTherapy() {
    }

    public static List<Line> derive(List<Given> given, LocalDate metastaticDate, LocalDate deathDate, LocalDate extractDate,
                                    Params p) {
        Map<LocalDate, List<Given>> byDay = new TreeMap<>();
        for (Given g : given) {
            if (g.drugClass() != null && g.drugClass().isLineDrug()) {
                byDay.computeIfAbsent(g.date(), d -> new ArrayList<>()).add(g);
            }
        }
        LocalDate split = metastaticDate == null ? null : metastaticDate.minusDays(p.metastaticSplitDays());
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        for (Map.Entry<LocalDate, List<Given>> day : byDay.entrySet()) {
            LocalDate d = day.getKey();
            List<Given> drugs = day.getValue();
            boolean onlyEndocrine = drugs.stream().allMatch(g -> g.drugClass() == DrugClass.ENDOCRINE);
            boolean running = current != null && ChronoUnit.DAYS.between(current.lastDrug, d) < p.gapDays();
            if (onlyEndocrine && running && !current.endocrineOnly) {
                current.endocrineAddon = true; // an allowed addition: no regimen, no later end (decision 62)
                continue;
            }
            Draft open = current;
            // endocrine therapy carried over from before the split (already given in the running endocrine line) is
            // ignored for line changes: it does not open the METASTATIC line (domain-rules §3, decision 73)
            boolean carriedOver = onlyEndocrine && running && drugs.stream().allMatch(g -> open.regimen.contains(g.ingredient()));
            boolean splitHere = !carriedOver && current != null && split != null && current.start.isBefore(split)
                    && !d.isBefore(split);
            boolean newIngredient = open != null && running && !splitHere
                    && ChronoUnit.DAYS.between(open.start, d) > p.regimenWindowDays()
                    && drugs.stream().anyMatch(g -> g.drugClass() != DrugClass.ENDOCRINE && !open.covers(g.ingredient()));
            if (current == null || !running || splitHere || newIngredient) {
                if (current != null) {
                    current.nextLine = newIngredient;
                    drafts.add(current);
                }
                current = new Draft(d, split != null && !d.isBefore(split) ? "METASTATIC" : "PERIOPERATIVE", onlyEndocrine);
            }
            current.add(d, drugs, p);
        }
        if (current != null) {
            drafts.add(current);
        }
        return number(drafts, deathDate, extractDate, p);
    }

    private static List<Line> number(List<Draft> drafts, LocalDate deathDate, LocalDate extractDate, Params p) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> perSetting = new TreeMap<>();
        int seq = 0;
        for (Draft d : drafts) {
            int no = perSetting.merge(d.setting, 1, Integer::sum);
            EndReason reason;
            if (d.nextLine) {
                reason = EndReason.NEXT_LINE;
            } else if (deathDate != null && ChronoUnit.DAYS.between(d.end, deathDate) < p.gapDays()) {
                reason = EndReason.DEATH;
            } else if (deathDate == null && ChronoUnit.DAYS.between(d.end, extractDate) < p.gapDays()) {
                reason = EndReason.ONGOING;
            } else {
                reason = EndReason.GAP;
            }
            String regimen = String.join("+", d.regimen);
            lines.add(new Line(d.setting, no, ++seq, regimen, label(d.regimen, d.classes), d.start, d.end, reason,
                    d.maintenanceStart(), d.substitutions.isEmpty() ? null : String.join(";", d.substitutions), d.endocrineAddon));
        }
        return lines;
    }

    /** THP, TH or T-DM1 on an exact set match; otherwise the regimen string. */
    static String label(Set<String> regimen, Map<String, DrugClass> classes) {
        long taxanes = regimen.stream().filter(i -> classes.get(i) == DrugClass.TAXANE).count();
        Set<String> rest = new TreeSet<>(regimen);
        rest.removeIf(i -> classes.get(i) == DrugClass.TAXANE);
        if (taxanes == 1 && rest.equals(Set.of("pertuzumab", "trastuzumab"))) {
            return "THP";
        }
        if (taxanes == 1 && rest.equals(Set.of("trastuzumab"))) {
            return "TH";
        }
        if (regimen.equals(Set.of("trastuzumab emtansine"))) {
            return "T-DM1";
        }
        return String.join("+", regimen);
    }

    private static Set<String> group(String ingredient) {
        return SUBSTITUTES.stream().filter(s -> s.contains(ingredient)).findFirst().orElse(Set.of(ingredient));
    }

    /** A line being built. */
    private static final class Draft {
        final LocalDate start;
        final String setting;
        boolean endocrineOnly;
        final TreeSet<String> regimen = new TreeSet<>();
        final Map<String, DrugClass> classes = new TreeMap<>();
        final Set<String> substitutions = new LinkedHashSet<>();
        final Map<String, String> firstProduct = new TreeMap<>();
        final List<Given> drugs = new ArrayList<>();
        LocalDate end;
        LocalDate lastDrug;
        boolean nextLine;
        boolean endocrineAddon;

        Draft(LocalDate start, String setting, boolean endocrineOnly) {
            this.start = start;
            this.setting = setting;
            this.endocrineOnly = endocrineOnly;
        }

        boolean covers(String ingredient) {
            return regimen.stream().anyMatch(r -> group(r).contains(ingredient));
        }

        void add(LocalDate d, List<Given> given, Params p) {
            boolean window = ChronoUnit.DAYS.between(start, d) <= p.regimenWindowDays();
            if (endocrineOnly && window && given.stream().anyMatch(g -> g.drugClass() != DrugClass.ENDOCRINE)) {
                // a line opened by endocrine therapy alone that gets another line drug within its window is that drug's
                // line: endocrine drugs leave its regimen and become its add-on; the start stays (decision 108)
                endocrineOnly = false;
                regimen.removeIf(i -> classes.get(i) == DrugClass.ENDOCRINE);
                classes.values().removeIf(c -> c == DrugClass.ENDOCRINE);
                endocrineAddon = true;
            }
            for (Given g : given) {
                if (g.drugClass() == DrugClass.ENDOCRINE && !endocrineOnly) {
                    endocrineAddon = true;
                    continue;
                }
                drugs.add(g);
                String member = regimen.stream().filter(r -> group(r).contains(g.ingredient())).findFirst().orElse(null);
                if (member == null && window) {
                    regimen.add(g.ingredient());
                    classes.put(g.ingredient(), g.drugClass());
                } else if (member != null && !member.equals(g.ingredient())) {
                    substitutions.add(member + "->" + g.ingredient());
                }
                productChange(g);
            }
            if (given.stream().anyMatch(g -> g.drugClass() != DrugClass.ENDOCRINE || endocrineOnly)) {
                end = d;
                lastDrug = d;
            }
        }

        /** Trastuzumab IV -> SC -> a biosimilar, pertuzumab + trastuzumab -> the fixed-dose product: same ingredient, another product. */
        private void productChange(Given g) {
            if (g.product() == null || !regimen.contains(g.ingredient())) {
                return;
            }
            String first = firstProduct.putIfAbsent(g.ingredient(), g.product());
            if (first != null && !first.equals(g.product())) {
                substitutions.add(first + "->" + g.product());
            }
        }

        /** The first anti-HER2 administration after the last taxane one; null without a taxane or without one after. */
        LocalDate maintenanceStart() {
            LocalDate lastTaxane = drugs.stream().filter(g -> g.drugClass() == DrugClass.TAXANE).map(Given::date)
                    .max(LocalDate::compareTo).orElse(null);
            if (lastTaxane == null) {
                return null;
            }
            return drugs.stream().filter(g -> g.drugClass().isAntiHer2() && g.date().isAfter(lastTaxane)).map(Given::date)
                    .min(LocalDate::compareTo).orElse(null);
        }
    }
}
