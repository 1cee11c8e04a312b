package org.oncorwe.ingest.contract;

/** Names of the values RowValidator adds beside the contract columns (docs/extract-contract.md). */
public final class Derived {

    /** Suffix of a partial-date column's flag: birth_date_imputed (Boolean). */
    public static final String IMPUTED = "_imputed";
    /** Suffix of a date-time column's flag: admin_date_time_known (Boolean; false for a plain date). */
    public static final String TIME_KNOWN = "_time_known";

    // drug_administration
    /** List&lt;String&gt;: lowercase INN sorted by code point, [UNKNOWN] when unmapped. */
    public static final String INGREDIENTS = "ingredients";
    /** String: DrugClass name, null when unmapped. */
    public static final String DRUG_CLASS = "drug_class";
    /** String: CODE, NAME or NONE. */
    public static final String MAPPING_BASIS = "mapping_basis";
    /** String: IV, SC, PO or null — the product's form from the dictionary (route is the registry's column). */
    public static final String DRUG_FORM = "drug_form";
    /** Boolean. */
    public static final String BIOSIMILAR = "biosimilar";
    /** Boolean. */
    public static final String CODE_NAME_DISAGREE = "code_name_disagree";

    // lab_result
    /** String: <, >, <= or >= when the value had one, else null. */
    public static final String VALUE_COMPARATOR = "value_comparator";
    /** String: the analyte id, null when unmapped. */
    public static final String ANALYTE = "analyte";
    /** BigDecimal in the canonical unit, null when unmapped or the unit is unknown. */
    public static final String VALUE_CANONICAL = "value_canonical";
    public static final String UNIT_CANONICAL = "unit_canonical";
    public static final String REF_LOW_CANONICAL = "ref_low_canonical";
    public static final String REF_HIGH_CANONICAL = "ref_high_canonical";

    // adverse_event
    /** String: the CTCAE term, null when unmapped. */
    public static final String CTCAE_TERM = "ctcae_term";

    private Derived() {
    }
}
