package org.oncorwe.ingest.contract;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract as data matches registry-extract.md: tables, column order, reasons and findings. */
@Tag("unit")
class ExtractContractTest {

    @Test
    void nineTablesInDocumentOrder() {
        assertEquals(List.of("patient", "tumor_event", "pathology", "surgery", "drug_administration", "tumor_assessment",
                "lab_result", "measurement", "adverse_event"), ExtractContract.TABLES.stream().map(TableContract::name).toList());
        assertEquals(List.of("patient", "tumor_event", "pathology", "drug_administration", "tumor_assessment"),
                ExtractContract.TABLES.stream().filter(TableContract::requiredFile).map(TableContract::name).toList());
        for (TableContract t : ExtractContract.TABLES) {
            assertEquals("patient_id", t.columns().get(0).name(), t.name());
            assertTrue(t.columns().get(0).required());
        }
    }

    @Test
    void columnsInDocumentOrder() {
        assertEquals(List.of("patient_id", "patient_name", "resident_no", "birth_date", "sex", "death_date",
                "last_contact_date", "menopausal_status"), names(ExtractContract.PATIENT));
        assertEquals(List.of("patient_id", "admin_date", "drug_code", "drug_name", "dose", "dose_unit", "route",
                "status", "order_id"), names(ExtractContract.DRUG_ADMINISTRATION));
        assertEquals(List.of("patient_id", "collected_at", "local_code", "loinc_code", "lab_name", "value", "unit",
                "ref_low", "ref_high"), names(ExtractContract.LAB_RESULT));
        assertEquals(List.of("patient_id", "onset_date", "end_date", "term", "grade", "ctcae_version", "serious",
                "action_taken", "suspected_drug"), names(ExtractContract.ADVERSE_EVENT));
        assertEquals(List.of("birth_date", "death_date", "event_date"), ExtractContract.TABLES.stream()
                .flatMap(t -> t.columns().stream()).filter(Column::partialDate).map(Column::name).toList());
        assertEquals(List.of("patient_name", "resident_no"), ExtractContract.TABLES.stream()
                .flatMap(t -> t.columns().stream()).filter(Column::phi).map(Column::name).toList());
        assertEquals(List.of("0", "1+", "2+", "3+"),
                ExtractContract.PATHOLOGY.column("her2_ihc").orElseThrow().canonicalCodes());
        assertEquals(List.of("F", "M"), ExtractContract.PATIENT.column("sex").orElseThrow().canonicalCodes());
    }

    @Test
    void reasonsAndFindingsAreExactlyTheContractLists() {
        assertEquals(List.of("MALFORMED_ROW", "INVALID_ENCODING", "FIELD_TOO_LONG", "MISSING_REQUIRED", "INVALID_DATE",
                "DATE_AFTER_EXTRACT", "INVALID_CODE", "NON_NUMERIC_VALUE", "IMPLAUSIBLE_VALUE", "UNKNOWN_PATIENT",
                "PATIENT_REJECTED", "DUPLICATE_CONFLICT", "INVALID_GRADE_FOR_TERM", "EVENT_AFTER_DEATH"),
                Arrays.stream(RejectReason.values()).map(Enum::name).toList());
        assertEquals(List.of("INVALID_OPTIONAL_FIELD", "DATE_IMPUTED", "DEATH_AFTER_CUTOFF", "LAST_CONTACT_CLAMPED",
                "UNMAPPED_DRUG", "UNMAPPED_LAB", "UNMAPPED_AE_TERM", "UNKNOWN_UNIT", "CODE_NAME_DISAGREE",
                "OVERALL_RESPONSE_CONFLICT", "DERIVED_ANC", "EVENT_SHORTLY_AFTER_DEATH", "LAST_CONTACT_BEFORE_EVENT"),
                Arrays.stream(Finding.values()).map(Enum::name).toList());
        assertEquals(1, RejectReason.FIELD_TOO_LONG.group());
        assertEquals(2, RejectReason.PATIENT_REJECTED.group());
        assertEquals(3, RejectReason.INVALID_GRADE_FOR_TERM.group());
        assertEquals(4, RejectReason.DUPLICATE_CONFLICT.group());
        assertEquals(5, RejectReason.EVENT_AFTER_DEATH.group());
    }

    private static List<String> names(TableContract t) {
        return t.columns().stream().map(Column::name).toList();
    }
}
