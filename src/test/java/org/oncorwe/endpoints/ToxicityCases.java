package org.oncorwe.endpoints;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Hand-built Toxicity inputs for the grader tests: one patient with index {@link #INDEX} and window end
 * {@link #END}. Times are written {@code 2020-01-13T09:00} (time known) or {@code 2020-01-13} (date only).
 */
final class ToxicityCases {

    static final LocalDate INDEX = LocalDate.of(2020, 1, 6);
    static final LocalDate END = LocalDate.of(2020, 6, 30);
    /** A morning on the index day: a baseline sample. */
    static final String BASELINE_TIME = "2020-01-06T08:00";
    /** A morning one week after index: a sample in the window. */
    static final String WINDOW_TIME = "2020-01-13T09:00";

    private ToxicityCases() {
    }

    static LocalDateTime at(String text) {
        return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
    }

    static boolean timeKnown(String text) {
        return text.contains("T");
    }

    static BigDecimal dec(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    static Toxicity.LabSample lab(String analyte, String time, String value, String lln, String uln) {
        return new Toxicity.LabSample(analyte, at(time), timeKnown(time), dec(value), dec(lln), dec(uln), null);
    }

    /** A WBC sample (no range) carrying an ANC derived from its neutrophil %. */
    static Toxicity.LabSample derivedAnc(String time, String wbc, String anc) {
        return new Toxicity.LabSample("wbc", at(time), timeKnown(time), dec(wbc), null, null, dec(anc));
    }

    static Toxicity.Measurement measurement(String type, String time, BigDecimal value) {
        return new Toxicity.Measurement(type, at(time), timeKnown(time), value);
    }

    static Toxicity.Measurement celsius(String time, String value) {
        return measurement("BODY_TEMPERATURE", time, dec(value));
    }

    static Toxicity.Measurement lvef(String time, String percent) {
        return measurement("LVEF", time, dec(percent));
    }

    static Toxicity.RecordedAe ae(String term, String onset, Integer grade, String version) {
        return new Toxicity.RecordedAe(term, LocalDate.parse(onset), grade, version);
    }

    static List<Toxicity.TermGrade> grade(List<Toxicity.LabSample> labs, List<Toxicity.Measurement> measurements,
                                          List<Toxicity.RecordedAe> recorded) {
        return Toxicity.grade(INDEX, END, labs, measurements, recorded, Toxicity.Params.defaults());
    }

    /** The term's row, or null when the term has no counted grade. */
    static Toxicity.TermGrade row(List<Toxicity.TermGrade> grades, String term) {
        return grades.stream().filter(g -> g.term().equals(term)).findFirst().orElse(null);
    }

    /** The term's max grade, 0 when it has no row. */
    static int maxGrade(List<Toxicity.TermGrade> grades, String term) {
        Toxicity.TermGrade g = row(grades, term);
        return g == null ? 0 : g.maxGrade();
    }

    /** The grade a lab term gives one window sample against an index-day baseline with the same range. */
    static int labGrade(LabTerm term, String baseline, String value, String lln, String uln) {
        List<Toxicity.LabSample> labs = baseline == null
                ? List.of(lab(term.analyte(), WINDOW_TIME, value, lln, uln))
                : List.of(lab(term.analyte(), BASELINE_TIME, baseline, lln, uln), lab(term.analyte(), WINDOW_TIME, value, lln, uln));
        return maxGrade(grade(labs, List.of(), List.of()), term.term());
    }
}
