package org.oncorwe.ingest.contract;

/** How a contract column is read, and the reject reason when a value cannot be read. */
public enum ColumnType {
    /** Trimmed text (identifiers and free text). Typed value: String. */
    STRING(null),
    /** KCD-7 code, upper case without dots and spaces ("c50.9" → "C509"). Typed value: String. */
    KCD_CODE(null),
    /** One of the column's codes, case-insensitive after trimming. Typed value: the canonical code. */
    CODE(RejectReason.INVALID_CODE),
    /** CTCAE grade 1–5. Typed value: Integer. */
    GRADE(RejectReason.INVALID_CODE),
    /** A plain decimal number. Typed value: BigDecimal. */
    NUMBER(RejectReason.NON_NUMERIC_VALUE),
    /** A number, optionally after a comparator (<, >, <=, >=, ≤, ≥). Typed value: BigDecimal (the bound). */
    LAB_VALUE(RejectReason.NON_NUMERIC_VALUE),
    /** A date (partial where the column allows). Typed value: LocalDate. */
    DATE(RejectReason.INVALID_DATE),
    /** A date-time, or a date (time unknown). Typed value: LocalDateTime. */
    DATE_TIME(RejectReason.INVALID_DATE);

    private final RejectReason unreadable;

    ColumnType(RejectReason unreadable) {
        this.unreadable = unreadable;
    }

    /** The reject reason of a required value that cannot be read as this type (null: always readable). */
    public RejectReason unreadable() {
        return unreadable;
    }

    public boolean isDate() {
        return this == DATE || this == DATE_TIME;
    }
}
