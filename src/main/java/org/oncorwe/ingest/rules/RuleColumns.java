package org.oncorwe.ingest.rules;

/** Names of the values the cross-row rules add to accepted rows (beside {@link org.oncorwe.ingest.contract.Derived}). */
public final class RuleColumns {

    // patient
    /** LocalDate: max(last_contact_date, latest accepted dated record), at most the extract date. */
    public static final String EFFECTIVE_LAST_CONTACT = "effective_last_contact";

    // drug_administration
    /**
     * String: the administration a row belongs to — the file and line ({@code file:line}) of the first
     * row of its (patient_id, order_id, ingredients) group; a row without order_id is its own administration.
     */
    public static final String ADMINISTRATION_ID = "administration_id";
    /** Boolean: some row of the administration is DONE. */
    public static final String ADMINISTRATION_GIVEN = "administration_given";
    /** LocalDateTime: admin_date of the administration's earliest DONE row; null when not given. */
    public static final String ADMINISTRATION_DATE = "administration_date";

    // lab_result
    /** BigDecimal, 10^9/L, on the WBC row of a sample with WBC and neutrophil % but no ANC: WBC × % / 100. */
    public static final String DERIVED_ANC = "derived_anc";

    // tumor_assessment
    /** Boolean: overall_response was missing and is derived from its three inputs (domain-rules §5). */
    public static final String OVERALL_RESPONSE_DERIVED = "overall_response_derived";

    // measurement
    /** String: the unit the value was recorded in when it was converted (F); null otherwise. */
    public static final String UNIT_RECORDED = "unit_recorded";
    /** BigDecimal: the value as recorded when it was converted; null otherwise. */
    public static final String VALUE_RECORDED = "value_recorded";

    private RuleColumns() {
    }
}
