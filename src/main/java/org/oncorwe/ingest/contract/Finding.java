package org.oncorwe.ingest.contract;

/** Findings: the row is kept and the finding counted in the ingest report (registry-extract.md, complete list). */
public enum Finding {
    INVALID_OPTIONAL_FIELD,
    DATE_IMPUTED,
    DEATH_AFTER_CUTOFF,
    LAST_CONTACT_CLAMPED,
    UNMAPPED_DRUG,
    UNMAPPED_LAB,
    UNMAPPED_AE_TERM,
    UNKNOWN_UNIT,
    CODE_NAME_DISAGREE,
    OVERALL_RESPONSE_CONFLICT,
    DERIVED_ANC,
    EVENT_SHORTLY_AFTER_DEATH,
    LAST_CONTACT_BEFORE_EVENT
}
