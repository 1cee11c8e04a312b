package org.oncorwe.ingest.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One column of a contract table (registry-extract.md), built fluently:
 * {@code Column.required("sex", CODE).codes("F", "M").alias("female", "F")}; {@code asPhi()} marks PHI.
 *
 * @param requiredUnless a column whose value, when given, makes this one optional (last_contact_date: death_date)
 * @param codes          accepted spellings, upper case (Locale.ROOT) → canonical code
 * @param partialDate    yyyy-MM, yyyyMM and yyyy are accepted and imputed (birth_date, death_date, event_date)
 * @param afterExtract   what a date after the extract date does
 * @param phi            PHI: never typed, copied or quoted (patient_name, resident_no)
 * @param min            NUMBER: lowest readable value (inclusive), or null
 * @param max            NUMBER: highest readable value (inclusive), or null
 * @param whenMissing    the typed value of a missing optional value (status: DONE), or null
 */
public record Column(String name, ColumnType type, boolean required, String requiredUnless,
                     Map<String, String> codes, boolean partialDate, AfterExtract afterExtract, boolean phi,
                     BigDecimal min, BigDecimal max, String whenMissing) implements Serializable {

    /** What a date later than the extract date does (registry-extract.md, Dates). */
    public enum AfterExtract {
        /** Required dates: the row is rejected DATE_AFTER_EXTRACT. */
        REJECT,
        /** Optional dates: null, INVALID_OPTIONAL_FIELD. */
        TO_NULL,
        /** death_date: the patient is alive at the cut-off (DEATH_AFTER_CUTOFF). */
        ALIVE_AT_CUTOFF,
        /** last_contact_date: clamped to the extract date (LAST_CONTACT_CLAMPED). */
        CLAMP
    }

    public Column {
        codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    public static Column required(String name, ColumnType type) {
        return new Column(name, type, true, null, Map.of(), false, AfterExtract.REJECT, false, null, null, null);
    }

    public static Column optional(String name, ColumnType type) {
        return new Column(name, type, false, null, Map.of(), false, AfterExtract.TO_NULL, false, null, null, null);
    }

    /** Adds accepted codes, each its own canonical spelling. */
    public Column codes(String... canonical) {
        Map<String, String> out = new LinkedHashMap<>(codes);
        for (String c : canonical) {
            out.put(c.toUpperCase(Locale.ROOT), c);
        }
        return new Column(name, type, required, requiredUnless, out, partialDate, afterExtract, phi, min, max, whenMissing);
    }

    /** Another spelling of a canonical code ("female" → F). */
    public Column alias(String spelling, String canonical) {
        Map<String, String> out = new LinkedHashMap<>(codes);
        out.put(spelling.toUpperCase(Locale.ROOT), canonical);
        return new Column(name, type, required, requiredUnless, out, partialDate, afterExtract, phi, min, max, whenMissing);
    }

    public Column partial() {
        return new Column(name, type, required, requiredUnless, codes, true, afterExtract, phi, min, max, whenMissing);
    }

    public Column afterExtract(AfterExtract rule) {
        return new Column(name, type, required, requiredUnless, codes, partialDate, rule, phi, min, max, whenMissing);
    }

    public Column asPhi() {
        return new Column(name, type, required, requiredUnless, codes, partialDate, afterExtract, true, min, max, whenMissing);
    }

    public Column range(String low, String high) {
        return new Column(name, type, required, requiredUnless, codes, partialDate, afterExtract, phi,
                new BigDecimal(low), new BigDecimal(high), whenMissing);
    }

    public Column requiredUnless(String otherColumn) {
        return new Column(name, type, required, otherColumn, codes, partialDate, afterExtract, phi, min, max, whenMissing);
    }

    public Column whenMissing(String value) {
        return new Column(name, type, required, requiredUnless, codes, partialDate, afterExtract, phi, min, max, value);
    }

    /** Must the header hold this column? (required, or required unless another is given) */
    public boolean requiredInHeader() {
        return required || requiredUnless != null;
    }

    /** The canonical codes, in the order the contract lists them. */
    public List<String> canonicalCodes() {
        return codes.values().stream().distinct().toList();
    }
}
