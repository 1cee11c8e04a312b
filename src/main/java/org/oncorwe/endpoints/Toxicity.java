package org.oncorwe.endpoints;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cohort patient's CTCAE-graded toxicities (domain-rules §6), in plain Java: lab-derived
 * grades (exact decimals, half-open bands, baselines, the laboratory's LLN/ULN), febrile
 * neutropenia from ANC and temperature, LVEF, and the recorded AEs merged with their lab terms;
 * per term the max grade, its source, first onset and max grade date.
 */
public final class Toxicity {

    /**
     * One accepted lab row as staged: analyte (lab dictionary id, null when unmapped), collection
     * time (timeKnown false for a date-only sample), canonical value and reference range (null when
     * absent or in an unknown unit), and the ANC derived from WBC × neutrophil % on a WBC row (else null).
     */
    public record LabSample(String analyte, LocalDateTime collectedAt, boolean timeKnown, BigDecimal value, BigDecimal refLow,
                            BigDecimal refHigh, BigDecimal derivedAnc) implements Serializable {
    }

    /** One accepted measurement (BODY_TEMPERATURE in °C, LVEF in %, as staged after conversion), exact. */
    public record Measurement(String type, LocalDateTime measuredAt, boolean timeKnown, BigDecimal value) implements Serializable {
    }

    /** One accepted recorded AE: its CTCAE term (null when unmapped), onset, grade (validated by ingest) and version. */
    public record RecordedAe(String term, LocalDate onset, Integer grade, String ctcaeVersion) implements Serializable {
    }

    /** The endpoints.* settings the graders read. */
    public record Params(String ctcaeVersion, int windowAfterLineDays, int labBaselineDays, int lvefBaselineDays)
            implements Serializable {
        public static Params defaults() {
            return new Params("5.0", 30, 30, 180);
        }

        public static Params from(OncoRweConfig c) {
            if (!"5.0".equals(c.get(ConfigKeys.ENDPOINTS_CTCAE_VERSION))) { // before any work, not inside a task (decision 129)
                throw new org.oncorwe.config.ConfigError("config key endpoints.ctcae_version: only 5.0 is graded (docs/decisions.md 129), got '"
                        + c.get(ConfigKeys.ENDPOINTS_CTCAE_VERSION) + "'");
            }
            return new Params(c.get(ConfigKeys.ENDPOINTS_CTCAE_VERSION), c.get(ConfigKeys.ENDPOINTS_TOXICITY_WINDOW_AFTER_LINE_DAYS),
                    c.get(ConfigKeys.ENDPOINTS_LAB_BASELINE_DAYS), c.get(ConfigKeys.ENDPOINTS_LVEF_BASELINE_DAYS));
        }
    }

    /** One row of toxicity (study and patient_key are the caller's); source LAB / RECORDED / BOTH. */
    public record TermGrade(String term, String ctcaeVersion, int maxGrade, String source, LocalDate firstOnsetDate,
                            LocalDate maxGradeDate) implements Serializable {
    }

    /** The CTCAE version whose tables the lab graders implement. */
    static final String GRADED_VERSION = "5.0";
    /** A recorded AE without a CTCAE version was graded in 5.0 (registry-extract.md, adverse_event.csv). */
    static final String UNSTATED_VERSION = "5.0";

    private Toxicity() {
    }

    /** The window's last day: min(index line end + window days, next line start − 1 day). */
    public static LocalDate windowEnd(LocalDate indexLineEnd, LocalDate nextLineStart, Params p) {
        LocalDate end = indexLineEnd.plusDays(p.windowAfterLineDays());
        return nextLineStart != null && nextLineStart.minusDays(1).isBefore(end) ? nextLineStart.minusDays(1) : end;
    }

    /** Every term with a counted grade ≥ 1 in (index, windowEnd] (recorded AEs: [index, windowEnd]), ordered by term. */
    public static List<TermGrade> grade(LocalDate indexDate, LocalDate windowEnd, List<LabSample> labs, List<Measurement> measurements,
                                        List<RecordedAe> recorded, Params p) {
        if (!GRADED_VERSION.equals(p.ctcaeVersion())) {
            throw new IllegalArgumentException("endpoints.ctcae_version " + p.ctcaeVersion()
                    + ": only the CTCAE " + GRADED_VERSION + " tables are implemented (domain-rules §6, decision 129)");
        }
        ToxicityWindow window = new ToxicityWindow(indexDate, windowEnd);
        Map<LabTerm, List<Reading>> readings = LabTerm.readings(labs);
        List<TermOnset> onsets = new ArrayList<>();
        readings.forEach((term, r) -> onsets.addAll(term.onsets(r, window, p.labBaselineDays())));
        onsets.addAll(FebrileNeutropenia.onsets(readings.get(LabTerm.NEUTROPHILS), measurements, window));
        onsets.addAll(EjectionFraction.onsets(measurements, window, p.lvefBaselineDays()));
        onsets.addAll(recordedOnsets(recorded, window));
        return byTerm(onsets, p.ctcaeVersion());
    }

    /** Recorded AEs with a mapped term and a grade, onset in [index, window end], at their recorded grade (decision 126). */
    private static List<TermOnset> recordedOnsets(List<RecordedAe> recorded, ToxicityWindow window) {
        List<TermOnset> out = new ArrayList<>();
        for (RecordedAe ae : recorded) {
            if (ae.term() != null && ae.grade() != null && ae.onset() != null && window.countsOnset(ae.onset())) {
                out.add(new TermOnset(ae.term(), ae.onset(), ae.grade(), true,
                        ae.ctcaeVersion() == null ? UNSTATED_VERSION : ae.ctcaeVersion()));
            }
        }
        return out;
    }

    /** One row per term, ordered by term (code point). */
    private static List<TermGrade> byTerm(List<TermOnset> onsets, String labVersion) {
        Map<String, List<TermOnset>> terms = new TreeMap<>();
        onsets.forEach(o -> terms.computeIfAbsent(o.term(), t -> new ArrayList<>()).add(o));
        List<TermGrade> out = new ArrayList<>();
        terms.forEach((term, list) -> out.add(summarise(term, list, labVersion)));
        return out;
    }

    /**
     * Max grade; source = which of lab-derived and recorded reached it (BOTH: each did, on whichever dates);
     * first_onset_date = the first date of any counted grade; max_grade_date = the first date the max grade
     * was reached by either source (decision 127); version as decision 128.
     */
    private static TermGrade summarise(String term, List<TermOnset> onsets, String labVersion) {
        int labMax = maxGrade(onsets, false);
        int recordedMax = maxGrade(onsets, true);
        int max = Math.max(labMax, recordedMax);
        String source = labMax == max && recordedMax == max ? "BOTH" : labMax == max ? "LAB" : "RECORDED";
        LocalDate first = onsets.stream().map(TermOnset::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate maxDate = onsets.stream().filter(o -> o.grade() == max).map(TermOnset::date).min(Comparator.naturalOrder())
                .orElseThrow();
        String version = source.equals("RECORDED") ? recordedVersion(onsets, max, maxDate) : labVersion;
        return new TermGrade(term, version, max, source, first, maxDate);
    }

    private static int maxGrade(List<TermOnset> onsets, boolean recorded) {
        return onsets.stream().filter(o -> o.recorded() == recorded).mapToInt(TermOnset::grade).max().orElse(0);
    }

    /** The CTCAE version of the recorded AE that set the max grade on its date (several: the newest version). */
    private static String recordedVersion(List<TermOnset> onsets, int max, LocalDate maxDate) {
        return onsets.stream().filter(o -> o.grade() == max && o.date().equals(maxDate)).map(TermOnset::ctcaeVersion)
                .max(Comparator.comparing(BigDecimal::new)).orElseThrow();
    }
}
