package org.oncorwe.ingest.contract;

import java.util.List;
import java.util.Optional;

import static org.oncorwe.ingest.contract.Column.optional;
import static org.oncorwe.ingest.contract.Column.required;
import static org.oncorwe.ingest.contract.ColumnType.CODE;
import static org.oncorwe.ingest.contract.ColumnType.DATE;
import static org.oncorwe.ingest.contract.ColumnType.DATE_TIME;
import static org.oncorwe.ingest.contract.ColumnType.GRADE;
import static org.oncorwe.ingest.contract.ColumnType.KCD_CODE;
import static org.oncorwe.ingest.contract.ColumnType.LAB_VALUE;
import static org.oncorwe.ingest.contract.ColumnType.NUMBER;
import static org.oncorwe.ingest.contract.ColumnType.STRING;

/** The nine tables of registry-extract.md as data: columns in document order, types, codes, requirement. */
public final class ExtractContract {

    public static final TableContract PATIENT = new TableContract("patient", true, List.of(
            required("patient_id", STRING),
            optional("patient_name", STRING).asPhi(),
            optional("resident_no", STRING).asPhi(),
            required("birth_date", DATE).partial(),
            required("sex", CODE).codes("F", "M").alias("female", "F").alias("male", "M").alias("여", "F").alias("남", "M"),
            optional("death_date", DATE).partial().afterExtract(Column.AfterExtract.ALIVE_AT_CUTOFF),
            optional("last_contact_date", DATE).requiredUnless("death_date").afterExtract(Column.AfterExtract.CLAMP),
            optional("menopausal_status", CODE).codes("PRE", "POST", "UNKNOWN")));

    public static final TableContract TUMOR_EVENT = new TableContract("tumor_event", true, List.of(
            required("patient_id", STRING),
            required("event_date", DATE).partial(),
            required("event_type", CODE).codes("PRIMARY_DIAGNOSIS", "METASTASIS", "LOCAL_RECURRENCE"),
            optional("kcd_code", KCD_CODE),
            optional("stage", CODE).codes("0", "I", "IA", "IB", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC", "IV"),
            optional("site", CODE).codes("BONE", "BRAIN", "LIVER", "LUNG", "PLEURA", "PERITONEUM",
                    "DISTANT_LYMPH_NODE", "SKIN", "OTHER")));

    public static final TableContract PATHOLOGY = new TableContract("pathology", true, List.of(
            required("patient_id", STRING),
            required("report_date", DATE),
            optional("specimen", CODE).codes("PRIMARY", "METASTASIS"),
            optional("er_percent", NUMBER).range("0", "100"),
            optional("pr_percent", NUMBER).range("0", "100"),
            optional("er_result", CODE).codes("POSITIVE", "NEGATIVE"),
            optional("pr_result", CODE).codes("POSITIVE", "NEGATIVE"),
            optional("her2_ihc", CODE).codes("0", "1+", "2+", "3+"),
            optional("her2_ish_method", CODE).codes("FISH", "SISH", "DISH"),
            optional("her2_ish_ratio", NUMBER),
            optional("her2_copy_number", NUMBER)));

    public static final TableContract SURGERY = new TableContract("surgery", false, List.of(
            required("patient_id", STRING),
            required("surgery_date", DATE),
            optional("procedure_name", STRING),
            optional("intent", CODE).codes("CURATIVE", "PALLIATIVE", "DIAGNOSTIC", "UNKNOWN")));

    public static final TableContract DRUG_ADMINISTRATION = new TableContract("drug_administration", true, List.of(
            required("patient_id", STRING),
            required("admin_date", DATE_TIME),
            optional("drug_code", STRING),
            required("drug_name", STRING),
            optional("dose", NUMBER),
            optional("dose_unit", CODE).codes("mg", "mg/kg", "mg/m2"),
            optional("route", CODE).codes("IV", "SC", "PO"),
            optional("status", CODE).codes("DONE", "CANCELLED", "HELD").whenMissing("DONE"),
            optional("order_id", STRING)));

    public static final TableContract TUMOR_ASSESSMENT = new TableContract("tumor_assessment", true, List.of(
            required("patient_id", STRING),
            required("assessment_date", DATE),
            optional("modality", CODE).codes("CT", "MRI", "PET", "BONE_SCAN", "CLINICAL"),
            optional("measurable", CODE).codes("Y", "N"),
            optional("target_response", CODE).codes("CR", "PR", "SD", "PD", "NE", "NOT_APPLICABLE"),
            optional("non_target_response", CODE).codes("CR", "NON_CR_NON_PD", "PD", "NE", "NOT_APPLICABLE"),
            optional("new_lesions", CODE).codes("Y", "N", "UNKNOWN"),
            optional("overall_response", CODE).codes("CR", "PR", "SD", "NON_CR_NON_PD", "PD", "NE")));

    public static final TableContract LAB_RESULT = new TableContract("lab_result", false, List.of(
            required("patient_id", STRING),
            required("collected_at", DATE_TIME),
            optional("local_code", STRING),
            optional("loinc_code", STRING),
            optional("lab_name", STRING),
            required("value", LAB_VALUE),
            optional("unit", STRING),
            optional("ref_low", NUMBER),
            optional("ref_high", NUMBER)));

    public static final TableContract MEASUREMENT = new TableContract("measurement", false, List.of(
            required("patient_id", STRING),
            required("measured_at", DATE_TIME),
            required("type", CODE).codes("BODY_TEMPERATURE", "LVEF", "WEIGHT", "HEIGHT"),
            required("value", NUMBER),
            optional("unit", CODE).codes("C", "F", "%", "kg", "cm")));

    public static final TableContract ADVERSE_EVENT = new TableContract("adverse_event", false, List.of(
            required("patient_id", STRING),
            required("onset_date", DATE),
            optional("end_date", DATE),
            required("term", STRING),
            optional("grade", GRADE),
            optional("ctcae_version", CODE).codes("3.0", "4.03", "5.0"),
            optional("serious", CODE).codes("Y", "N"),
            optional("action_taken", CODE).codes("NONE", "DOSE_REDUCED", "DRUG_INTERRUPTED", "DRUG_WITHDRAWN"),
            optional("suspected_drug", STRING)));

    /** All nine, in the order of registry-extract.md. */
    public static final List<TableContract> TABLES = List.of(PATIENT, TUMOR_EVENT, PATHOLOGY, SURGERY,
            DRUG_ADMINISTRATION, TUMOR_ASSESSMENT, LAB_RESULT, MEASUREMENT, ADVERSE_EVENT);

    private ExtractContract() {
    }

    public static Optional<TableContract> table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
