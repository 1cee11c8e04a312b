package org.oncorwe.ingest.contract;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Columns are bound by name, case-insensitive, trimmed, in any order (registry-extract.md, File format). */
@Tag("unit")
class HeaderBindingTest {

    @Test
    void bindsByNameInAnyOrderAndListsUnknownColumns() {
        HeaderBinding b = HeaderBinding.bind(ExtractContract.PATIENT, List.of("\uFEFF SEX ", "Patient_ID",
                "birth_date", "Last_Contact_Date", "ward", "BLOOD_TYPE"));
        assertTrue(b.missingRequired().isEmpty());
        assertTrue(b.duplicated().isEmpty());
        assertEquals(List.of("ward", "blood_type"), b.unknown());
        var row = b.row(List.of("F", "P1", "1970-01-01", "2020-01-01", "5W", "A"));
        assertEquals("F", row.get("sex"));
        assertEquals("P1", row.get("patient_id"));
        assertEquals("5W", row.get("ward"), "unknown columns stay in the row for FIELD_TOO_LONG only");
    }

    @Test
    void missingRequiredColumnsIncludingConditionalOnes() {
        HeaderBinding b = HeaderBinding.bind(ExtractContract.PATIENT, List.of("patient_id", "sex", "death_date"));
        assertEquals(List.of("birth_date", "last_contact_date"), b.missingRequired());
        assertEquals(List.of("drug_name"),
                HeaderBinding.bind(ExtractContract.DRUG_ADMINISTRATION, List.of("patient_id", "admin_date")).missingRequired());
        assertTrue(HeaderBinding.bind(ExtractContract.LAB_RESULT,
                List.of("patient_id", "collected_at", "value")).missingRequired().isEmpty(), "optional columns may be absent");
    }

    @Test
    void duplicatedNamesAndWrongFieldCount() {
        HeaderBinding b = HeaderBinding.bind(ExtractContract.SURGERY, List.of("patient_id", "surgery_date", "Patient_ID"));
        assertEquals(List.of("patient_id"), b.duplicated());
        assertThrows(IllegalArgumentException.class, () -> b.row(List.of("a", "b")));
    }
}
