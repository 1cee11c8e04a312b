package org.oncorwe.ingest.contract;

/**
 * Why a row is rejected: the complete list of registry-extract.md, "Row validation". A row
 * gets one reason, the first that applies in precedence order: group 1 (encoding, parsing,
 * length), 2 (patient_id), 3 (the other columns, in document order), 4, 5.
 */
public enum RejectReason {
    MALFORMED_ROW(1),
    INVALID_ENCODING(1),
    FIELD_TOO_LONG(1),
    /** Group 2 for patient_id, group 3 for every other required column. */
    MISSING_REQUIRED(2),
    INVALID_DATE(3),
    DATE_AFTER_EXTRACT(3),
    INVALID_CODE(3),
    NON_NUMERIC_VALUE(3),
    IMPLAUSIBLE_VALUE(3),
    UNKNOWN_PATIENT(2),
    PATIENT_REJECTED(2),
    DUPLICATE_CONFLICT(4),
    INVALID_GRADE_FOR_TERM(3),
    EVENT_AFTER_DEATH(5);

    private final int group;

    RejectReason(int group) {
        this.group = group;
    }

    /** The precedence group (1–5) the contract tests this reason in; MISSING_REQUIRED is 2 for patient_id, else 3. */
    public int group() {
        return group;
    }
}
