package org.oncorwe.ingest.dictionary;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One analyte of lab_analytes.csv.
 *
 * @param id            the analyte id written to staged_lab_result ({@code anc}, {@code hemoglobin}, …)
 * @param canonicalUnit the unit every value is converted to
 * @param unitSet       the lab_units.csv set its units come from
 * @param minPlausible  the lowest physiologically plausible value, canonical unit, inclusive
 * @param maxPlausible  the highest, inclusive; outside → IMPLAUSIBLE_VALUE
 */
public record LabAnalyte(String id, String canonicalUnit, String unitSet, BigDecimal minPlausible,
                         BigDecimal maxPlausible) implements Serializable {

    public boolean plausible(BigDecimal canonicalValue) {
        return canonicalValue.compareTo(minPlausible) >= 0 && canonicalValue.compareTo(maxPlausible) <= 0;
    }
}
