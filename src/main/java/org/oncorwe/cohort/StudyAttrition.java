package org.oncorwe.cohort;

import org.oncorwe.config.DayWindow;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which attrition step of a study excludes one patient, or INCLUDED (domain-rules §4,
 * outputs.md cohort_attrition), in plain Java. Steps in order: PLAUSIBILITY, BREAST_PRIMARY,
 * HER2_POSITIVE, METASTATIC, HAS_INDEX_LINE, PRIOR_LINES_MATCH, INDEX_LINE_IS_&lt;LABEL&gt;,
 * INDEX_IN_STUDY_PERIOD, FOLLOW_UP_AFTER_INDEX.
 */
public final class StudyAttrition {

    /**
     * A study: the index line's setting and number, the labels it accepts, the period its index
     * date must fall in (inclusive), and the labels the lines before it must have (empty: any).
     */
    public record Study(String id, String setting, int lineNo, List<String> labels, LocalDate periodStart, LocalDate periodEnd,
                        List<String> priorLabels) implements Serializable {

        /** The index-line step's name: INDEX_LINE_IS_ + the label(s), upper case, other characters as '_'. */
        public String labelStep() {
            return "INDEX_LINE_IS_" + String.join("_OR_", labels).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }
    }

    /** What the steps read of one patient. */
    public record Patient(LocalDate birthDate, LocalDate deathDate, LocalDate effectiveLastContact, DiseaseCourse.Course course,
                          List<Biomarkers.Report> reports, List<LinesOfTherapy.Line> lines) implements Serializable {
    }

    /** The verdict, and the index line when the patient has one. */
    public record Verdict(String status, LinesOfTherapy.Line indexLine, Biomarkers.Her2 her2) implements Serializable {
        public boolean included() {
            return status.equals(INCLUDED);
        }
    }

    /** One row of cohort_attrition: the patients left after a step and the ones it removed. */
    public record Step(int stepOrder, String step, long nRemaining, long nExcluded) implements Serializable {
    }

    public static final String INCLUDED = "INCLUDED";

    private StudyAttrition() {
    }

    /** The study's attrition steps in order (outputs.md), ALL_PATIENTS first. */
    public static List<String> steps(Study study) {
        return List.of("ALL_PATIENTS", "PLAUSIBILITY", "BREAST_PRIMARY", "HER2_POSITIVE", "METASTATIC", "HAS_INDEX_LINE",
                "PRIOR_LINES_MATCH", study.labelStep(), "INDEX_IN_STUDY_PERIOD", "FOLLOW_UP_AFTER_INDEX");
    }

    /**
     * The attrition table of a study from the verdicts' counts (INCLUDED or the step that excluded):
     * every step listed, 0 where it excluded nobody, step_order from 1.
     */
    public static List<Step> table(Study study, java.util.Map<String, Long> verdicts) {
        long remaining = verdicts.values().stream().mapToLong(Long::longValue).sum();
        List<String> steps = steps(study);
        java.util.Set<String> known = new java.util.HashSet<>(steps);
        known.add(INCLUDED);
        for (String v : verdicts.keySet()) {
            if (!known.contains(v)) {
                throw new IllegalArgumentException("not a step of study " + study.id() + ": " + v);
            }
        }
        List<Step> out = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            long excluded = verdicts.getOrDefault(steps.get(i), 0L);
            remaining -= excluded;
            out.add(new Step(i + 1, steps.get(i), remaining, excluded));
        }
        return List.copyOf(out);
    }

    public static Verdict evaluate(Study study, Patient p, Her2Rule rule, DayWindow her2Window, int pairingDays) {
        Optional<LinesOfTherapy.Line> index = p.lines().stream()
                .filter(l -> l.setting().equals(study.setting()) && l.lineNo() == study.lineNo()).findFirst();
        LocalDate anchor = index.map(LinesOfTherapy.Line::start).orElse(null); // no such line: every report counts
        Biomarkers.Her2 her2 = Biomarkers.her2(p.reports(), anchor, rule, anchor == null ? DayWindow.ANY : her2Window, pairingDays);
        LinesOfTherapy.Line line = index.orElse(null);
        if (p.deathDate() != null && p.birthDate() != null && p.deathDate().isBefore(p.birthDate())) {
            return new Verdict("PLAUSIBILITY", line, her2);
        }
        if (!p.course().breastPrimary()) {
            return new Verdict("BREAST_PRIMARY", line, her2);
        }
        if (!her2.positive()) {
            return new Verdict("HER2_POSITIVE", line, her2);
        }
        if (p.course().metastaticDate() == null) {
            return new Verdict("METASTATIC", line, her2);
        }
        if (line == null) {
            return new Verdict("HAS_INDEX_LINE", null, her2);
        }
        if (!study.priorLabels().isEmpty() && !priorLinesMatch(study, p.lines(), line)) {
            return new Verdict("PRIOR_LINES_MATCH", line, her2);
        }
        if (!study.labels().contains(line.label())) {
            return new Verdict(study.labelStep(), line, her2);
        }
        if (line.start().isBefore(study.periodStart()) || line.start().isAfter(study.periodEnd())) {
            return new Verdict("INDEX_IN_STUDY_PERIOD", line, her2);
        }
        boolean followed = (p.deathDate() != null && !p.deathDate().isBefore(line.start()))
                || (p.effectiveLastContact() != null && p.effectiveLastContact().isAfter(line.start()));
        return new Verdict(followed ? INCLUDED : "FOLLOW_UP_AFTER_INDEX", line, her2);
    }

    /** The lines of the index line's setting before it carry the study's prior labels, in order. */
    private static boolean priorLinesMatch(Study study, List<LinesOfTherapy.Line> lines, LinesOfTherapy.Line index) {
        List<String> before = lines.stream().filter(l -> l.setting().equals(index.setting()) && l.lineNo() < index.lineNo())
                .map(LinesOfTherapy.Line::label).toList();
        return before.equals(study.priorLabels());
    }
}
