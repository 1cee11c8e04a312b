package org.oncorwe.synth;

import org.oncorwe.config.ConfigKeys;

/**
 * How often each kind of planted defect occurs (per eligible row or patient). Every defect is
 * written to the truth with the outcome the contract gives it.
 *
 * @param dateFormats        a date written in another accepted form (yyyyMMdd, yyyy.MM.dd, yyyy/MM/dd)
 * @param missingMarkers     an empty optional field written as NULL, NA, null or "."
 * @param koreanSex          sex written as 여 / 남 / female
 * @param quotedText         free text with commas, quotes or a newline (RFC 4180 quoting)
 * @param unknownDrugs       an extra administration of an unmappable drug (UNMAPPED_DRUG)
 * @param nonNumericLabs     an extra lab row whose value is a comment (NON_NUMERIC_VALUE)
 * @param impossibleDates    an extra row with an impossible date such as 2019-02-30 (INVALID_DATE)
 * @param identicalDuplicates an exact copy of a row (collapsed)
 * @param conflictingPatients a patient row repeated with another birth date (DUPLICATE_CONFLICT)
 * @param unknownPatients    an extra row of a patient_id not in patient.csv (UNKNOWN_PATIENT)
 * @param invalidAeGrades    an extra AE row with a grade its term cannot have (INVALID_GRADE_FOR_TERM)
 * @param bom                a file written with a UTF-8 byte-order mark
 * @param partialDates       a non-cohort patient's birth date written as yyyy-MM, yyyyMM or yyyy (DATE_IMPUTED)
 * @param unmappedAeTerms    an extra AE row of a term no dictionary maps (UNMAPPED_AE_TERM)
 * @param codeNameDisagree   an extra administration whose code and name disagree (CODE_NAME_DISAGREE)
 */
public record DamageRates(double dateFormats, double missingMarkers, double koreanSex, double quotedText,
                          double unknownDrugs, double nonNumericLabs, double impossibleDates,
                          double identicalDuplicates, double conflictingPatients, double unknownPatients,
                          double invalidAeGrades, double bom, double partialDates,
                          double unmappedAeTerms, double codeNameDisagree) {

    /** The rates configured under {@code dev.damage_*} (reference.conf has the sample's). */
    public static DamageRates from(org.oncorwe.config.OncoRweConfig c) {
        return new DamageRates(c.get(ConfigKeys.DEV_DAMAGE_DATE_FORMATS), c.get(ConfigKeys.DEV_DAMAGE_MISSING_MARKERS),
                c.get(ConfigKeys.DEV_DAMAGE_KOREAN_SEX), c.get(ConfigKeys.DEV_DAMAGE_QUOTED_TEXT),
                c.get(ConfigKeys.DEV_DAMAGE_UNKNOWN_DRUGS), c.get(ConfigKeys.DEV_DAMAGE_NON_NUMERIC_LABS),
                c.get(ConfigKeys.DEV_DAMAGE_IMPOSSIBLE_DATES), c.get(ConfigKeys.DEV_DAMAGE_IDENTICAL_DUPLICATES),
                c.get(ConfigKeys.DEV_DAMAGE_CONFLICTING_PATIENTS), c.get(ConfigKeys.DEV_DAMAGE_UNKNOWN_PATIENTS),
                c.get(ConfigKeys.DEV_DAMAGE_INVALID_AE_GRADES), c.get(ConfigKeys.DEV_DAMAGE_BOM),
                c.get(ConfigKeys.DEV_DAMAGE_PARTIAL_DATES), c.get(ConfigKeys.DEV_DAMAGE_UNMAPPED_AE_TERMS),
                c.get(ConfigKeys.DEV_DAMAGE_CODE_NAME_DISAGREE));
    }

    public static DamageRates none() {
        return new DamageRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
