package org.oncorwe.endpoints;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

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
            return new Params(c.get(ConfigKeys.ENDPOINTS_CTCAE_VERSION), c.get(ConfigKeys.ENDPOINTS_TOXICITY_WINDOW_AFTER_LINE_DAYS),
                    c.get(ConfigKeys.ENDPOINTS_LAB_BASELINE_DAYS), c.get(ConfigKeys.ENDPOINTS_LVEF_BASELINE_DAYS));
        }
    }

    /** One row of toxicity (study and patient_key are the caller's); source LAB / RECORDED / BOTH. */
    public record TermGrade(String term, String ctcaeVersion, int maxGrade, String source, LocalDate firstOnsetDate,
                            LocalDate maxGradeDate) implements Serializable {
    }

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
        throw new UnsupportedOperationException("issue #8: being built");
    }
}
