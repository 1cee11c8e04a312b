package org.oncorwe.synth;

import java.util.List;

/**
 * The nine files of a registry extract and their columns, in the order registry-extract.md
 * lists them (the generator's own copy: synth depends on no other stage).
 */
enum ExtractTable {
    PATIENT("patient", false, "patient_id", "patient_name", "resident_no", "birth_date", "sex", "death_date",
            "last_contact_date", "menopausal_status"),
    TUMOR_EVENT("tumor_event", false, "patient_id", "event_date", "event_type", "kcd_code", "stage", "site"),
    PATHOLOGY("pathology", false, "patient_id", "report_date", "specimen", "er_percent", "pr_percent", "er_result",
            "pr_result", "her2_ihc", "her2_ish_method", "her2_ish_ratio", "her2_copy_number"),
    SURGERY("surgery", false, "patient_id", "surgery_date", "procedure_name", "intent"),
    DRUG_ADMINISTRATION("drug_administration", true, "patient_id", "admin_date", "drug_code", "drug_name", "dose",
            "dose_unit", "route", "status", "order_id"),
    TUMOR_ASSESSMENT("tumor_assessment", false, "patient_id", "assessment_date", "modality", "measurable",
            "target_response", "non_target_response", "new_lesions", "overall_response"),
    LAB_RESULT("lab_result", true, "patient_id", "collected_at", "local_code", "loinc_code", "lab_name", "value", "unit",
            "ref_low", "ref_high"),
    MEASUREMENT("measurement", true, "patient_id", "measured_at", "type", "value", "unit"),
    ADVERSE_EVENT("adverse_event", false, "patient_id", "onset_date", "end_date", "term", "grade", "ctcae_version",
            "serious", "action_taken", "suspected_drug");

    private final String fileName;
    private final boolean parts;
    private final List<String> columns;

    ExtractTable(String fileName, boolean parts, String... columns) {
        this.fileName = fileName;
        this.parts = parts;
        this.columns = List.of(columns);
    }

    /** The table's name: {@code <name>.csv}, or the folder {@code <name>/} of parts. */
    String fileName() {
        return fileName;
    }

    /** Large tables are written as {@code <name>/part-NNNNN.csv}. */
    boolean writtenInParts() {
        return parts;
    }

    List<String> columns() {
        return columns;
    }

    int index(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(fileName + " has no column " + column);
        }
        return i;
    }

    /** A new empty row of this table. */
    Row row(String patientId) {
        return new Row(this).set("patient_id", patientId);
    }
}
