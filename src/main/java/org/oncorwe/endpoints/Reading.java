package org.oncorwe.endpoints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One value as the graders compare it: a lab sample, a temperature or an LVEF, rounded half-up to
 * its term's fixed precision, with the reference range it came with (each limit rounded alike, null
 * when absent). {@code timeKnown} is false for a date-only sample (its time is midnight).
 */
record Reading(LocalDateTime at, boolean timeKnown, BigDecimal value, BigDecimal lln, BigDecimal uln) {

    /** A reading rounded to {@code scale} decimals (value and limits), or null when there is no value. */
    static Reading rounded(LocalDateTime at, boolean timeKnown, BigDecimal value, BigDecimal lln, BigDecimal uln, int scale) {
        return value == null ? null : new Reading(at, timeKnown, round(value, scale), round(lln, scale), round(uln, scale));
    }

    /** The measurements of one type (LVEF, BODY_TEMPERATURE) with a value, rounded to {@code scale} decimals. */
    static List<Reading> ofMeasurements(List<Toxicity.Measurement> measurements, String type, int scale) {
        List<Reading> out = new ArrayList<>();
        for (Toxicity.Measurement m : measurements) {
            if (type.equals(m.type()) && m.value() != null) {
                out.add(rounded(m.measuredAt(), m.timeKnown(), m.value(), null, null, scale));
            }
        }
        return out;
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    LocalDate day() {
        return at.toLocalDate();
    }

    /**
     * This reading with the other's limits where it has none (decision 122): a baseline without a range is
     * judged by the range of the sample it is compared with.
     */
    Reading orRangeOf(Reading other) {
        return new Reading(at, timeKnown, value, lln != null ? lln : other.lln, uln != null ? uln : other.uln);
    }
}
