package org.oncorwe.endpoints;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab-derived CTCAE v5.0 terms (domain-rules §6): the analyte each is graded from, the fixed
 * precision its values are rounded to, and its bands. A grade counts when it is greater than the
 * baseline's grade (no baseline: 0); for ALT, AST and bilirubin with a baseline above ULN the
 * ×baseline row is used instead; creatinine takes the higher of its ULN and ×baseline criteria.
 */
enum LabTerm {
    NEUTROPHILS("anc", "Neutrophil count decreased", 2, Decrease.of("<1.5", "<1.0", "<0.5")),
    WHITE_CELLS("wbc", "White blood cell decreased", 2, Decrease.of("<3.0", "<2.0", "<1.0")),
    PLATELETS("platelets", "Platelet count decreased", 2, Decrease.of("<75", "<50", "<25")),
    /** Grade 4 is clinical only: no lab edge. */
    HEMOGLOBIN("hemoglobin", "Anemia", 1, Decrease.of("<10.0", "<8.0")),
    ALT("alt", "Alanine aminotransferase increased", 0, Increase.TRANSAMINASE),
    AST("ast", "Aspartate aminotransferase increased", 0, Increase.TRANSAMINASE),
    BILIRUBIN("total_bilirubin", "Blood bilirubin increased", 2, new Increase(Bands.of(1, ">1", ">1.5", ">3", ">10"),
            Bands.of(1, ">1.0", ">1.5", ">3", ">10"), Increase.BaselineRow.REPLACES_ABOVE_ULN)),
    CREATININE("creatinine", "Creatinine increased", 2, new Increase(Bands.of(1, ">1", ">1.5", ">3", ">6"),
            Bands.of(2, ">1.5", ">3"), Increase.BaselineRow.HIGHER_OF_BOTH));

    private final String analyte;
    private final String term;
    private final int scale;
    private final Rule rule;

    LabTerm(String analyte, String term, int scale, Rule rule) {
        this.analyte = analyte;
        this.term = term;
        this.scale = scale;
        this.rule = rule;
    }

    String analyte() {
        return analyte;
    }

    String term() {
        return term;
    }

    /** The term graded from this analyte id of the lab dictionary. */
    static Optional<LabTerm> ofAnalyte(String analyte) {
        for (LabTerm t : values()) {
            if (t.analyte.equals(analyte)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Each term's readings: its analyte's samples with a canonical value, and a WBC sample's derived ANC as an ANC without a range. */
    static Map<LabTerm, List<Reading>> readings(List<Toxicity.LabSample> labs) {
        Map<LabTerm, List<Reading>> out = new EnumMap<>(LabTerm.class);
        for (LabTerm t : values()) {
            out.put(t, new ArrayList<>());
        }
        for (Toxicity.LabSample s : labs) {
            ofAnalyte(s.analyte()).ifPresent(t -> t.addReading(out, s, s.value(), s.refLow(), s.refHigh()));
            if (s.derivedAnc() != null) {
                NEUTROPHILS.addReading(out, s, s.derivedAnc(), null, null);
            }
        }
        return out;
    }

    private void addReading(Map<LabTerm, List<Reading>> out, Toxicity.LabSample s, BigDecimal value, BigDecimal lln, BigDecimal uln) {
        Reading r = Reading.rounded(s.collectedAt(), s.timeKnown(), value, lln, uln, scale);
        if (r != null) {
            out.get(this).add(r);
        }
    }

    /** The onsets this term counts in the window, against the baseline of the samples up to the index date. */
    List<TermOnset> onsets(List<Reading> readings, ToxicityWindow window, int baselineDays) {
        return window.gradedOnsets(term, readings, baselineDays, rule.worseFirst(), rule::counted);
    }

    /** How a lab term grades a sample: the grade that counts (0 when not above the baseline's), and what a worse sample is. */
    sealed interface Rule permits Decrease, Increase {

        /** The counted grade of the sample against the baseline (null: none), whose missing limits are the sample's. */
        int counted(Reading sample, Reading baseline);

        /** Of samples taken at the same time, the worse first (the baseline is the worse). */
        Comparator<Reading> worseFirst();
    }

    /** A decrease (counts, Hb): grade 1 below LLN (none without LLN), higher grades at absolute edges. */
    record Decrease(Bands bands) implements Rule {

        static Decrease of(String... edgesFromGrade2) {
            return new Decrease(Bands.of(2, edgesFromGrade2));
        }

        int grade(Reading r) {
            int g = bands.grade(r.value());
            return g == 0 && r.lln() != null && r.value().compareTo(r.lln()) < 0 ? 1 : g;
        }

        @Override
        public int counted(Reading sample, Reading baseline) {
            return aboveBaseline(grade(sample), baseline == null ? 0 : grade(baseline));
        }

        @Override
        public Comparator<Reading> worseFirst() {
            return Comparator.comparing(Reading::value).thenComparing(this::grade, Comparator.reverseOrder());
        }
    }

    /** An increase graded in multiples of ULN and of the baseline. */
    record Increase(Bands ulnRow, Bands baselineRow, BaselineRow use) implements Rule {

        /** How the ×baseline row combines with the ULN row. */
        enum BaselineRow {
            /** ALT, AST, bilirubin: with a baseline above ULN the ×baseline row replaces the ULN row and the baseline rule. */
            REPLACES_ABOVE_ULN,
            /** Creatinine: the higher of the ULN and the ×baseline criteria, above the baseline's grade. */
            HIGHER_OF_BOTH
        }

        static final Increase TRANSAMINASE = new Increase(Bands.of(1, ">1", ">3", ">5", ">20"),
                Bands.of(1, ">=1.5", ">3", ">5", ">20"), BaselineRow.REPLACES_ABOVE_ULN);

        int ulnGrade(Reading r) {
            return r.uln() == null ? 0 : ulnRow.grade(r.value(), r.uln());
        }

        /** Above ULN: the ULN row's grade 1 edge (> 1 × ULN) is passed. */
        boolean aboveUln(Reading r) {
            return ulnGrade(r) > 0;
        }

        /** The ×baseline grade; none for a baseline of 0, of which every multiple is 0 (decision 123). */
        int baselineGrade(Reading sample, Reading baseline) {
            return baseline.value().signum() > 0 ? baselineRow.grade(sample.value(), baseline.value()) : 0;
        }

        @Override
        public int counted(Reading sample, Reading baseline) {
            if (baseline == null) {
                return ulnGrade(sample);
            }
            return switch (use) {
                case REPLACES_ABOVE_ULN -> aboveUln(baseline) ? baselineGrade(sample, baseline)
                        : aboveBaseline(ulnGrade(sample), ulnGrade(baseline));
                case HIGHER_OF_BOTH -> aboveBaseline(Math.max(ulnGrade(sample), baselineGrade(sample, baseline)), ulnGrade(baseline));
            };
        }

        @Override
        public Comparator<Reading> worseFirst() {
            return Comparator.comparing(Reading::value, Comparator.reverseOrder()).thenComparing(this::ulnGrade, Comparator.reverseOrder());
        }
    }

    /** A grade counts only when it is greater than the baseline's grade. */
    static int aboveBaseline(int grade, int baselineGrade) {
        return grade > baselineGrade ? grade : 0;
    }
}
