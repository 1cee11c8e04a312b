package org.oncorwe.ingest.contract;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.ingest.PartialDateImputation;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.testing.JavaSerialization;
import org.oncorwe.testing.TestPaths;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-row rules of registry-extract.md on hand-made rows (extract date 2020-10-31 unless said). */
@Tag("unit")
class RowValidatorTest {

    static final Dictionaries DICTIONARIES = Dictionaries.load(TestPaths.home().resolve("conf/dictionaries"));
    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);
    static final RowValidator.Settings DEFAULTS = RowValidator.Settings.defaults(EXTRACT);

    /** A raw row from "column=value" pairs. */
    static Map<String, String> row(String... pairs) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            raw.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return raw;
    }

    static RowResult validate(TableContract table, RowValidator.Settings settings, String... pairs) {
        return new RowValidator(table, settings, DICTIONARIES).validate(row(pairs), 7);
    }

    static RowResult validate(TableContract table, String... pairs) {
        return validate(table, DEFAULTS, pairs);
    }

    static RowResult patient(String... extra) {
        return validate(ExtractContract.PATIENT, DEFAULTS, patientPairs(extra));
    }

    static String[] patientPairs(String... extra) {
        Map<String, String> raw = row("patient_id=P001", "patient_name=Hong Gildong", "resident_no=700101-2345678",
                "birth_date=1970-01-01", "sex=F", "death_date=", "last_contact_date=2020-06-30", "menopausal_status=POST");
        raw.putAll(row(extra));
        return raw.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    static void assertRejected(RowResult r, RejectReason reason, String column) {
        assertFalse(r.accepted(), () -> "expected " + reason + " but kept: " + r.values());
        assertEquals(reason, r.reject().reason(), r.reject().detail());
        assertEquals(column, r.reject().column(), r.reject().detail());
        assertTrue(r.reject().detail().startsWith(column + ": "), r.reject().detail());
        assertTrue(r.values().isEmpty() && r.findings().isEmpty());
        assertEquals(7, r.lineNumber());
    }

    static void assertFinding(RowResult r, Finding finding, String column) {
        assertTrue(r.findings().stream().anyMatch(f -> f.finding() == finding && f.column().equals(column)),
                () -> finding + " on " + column + " not in " + r.findings());
    }

    // ---- patient

    @Test
    void goodPatientRowIsTypedAndDropsPhi() {
        RowResult r = patient();
        assertTrue(r.accepted());
        assertEquals("P001", r.get("patient_id"));
        assertEquals(LocalDate.of(1970, 1, 1), r.get("birth_date"));
        assertEquals(false, r.get("birth_date_imputed"));
        assertEquals("F", r.get("sex"));
        assertNull(r.get("death_date"));
        assertEquals(false, r.get("death_date_imputed"));
        assertEquals(LocalDate.of(2020, 6, 30), r.get("last_contact_date"));
        assertEquals("POST", r.get("menopausal_status"));
        assertFalse(r.values().containsKey("patient_name"));
        assertFalse(r.values().containsKey("resident_no"));
        assertTrue(r.findings().isEmpty());
        assertEquals(List.of("patient_id", "birth_date", "birth_date_imputed", "sex", "death_date", "death_date_imputed",
                "last_contact_date", "menopausal_status"), List.copyOf(r.values().keySet()), "document order");
    }

    @ParameterizedTest
    @CsvSource({"F,F", "m,M", "female,F", "MALE,M", " Female ,F", "여,F", "남,M"})
    void sexSpellings(String raw, String sex) {
        assertEquals(sex, patient("sex=" + raw).get("sex"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NULL", "null", "NA", ".", "  ", " NA "})
    void missingMarkers(String marker) {
        assertRejected(patient("sex=" + marker), RejectReason.MISSING_REQUIRED, "sex");
        assertNull(patient("menopausal_status=" + marker).get("menopausal_status"));
    }

    @Test
    void missingMarkersAreConfigurableAndExact() {
        assertRejected(patient("sex=None"), RejectReason.INVALID_CODE, "sex");
        assertRejected(patient("sex=Null"), RejectReason.INVALID_CODE, "sex");
        RowValidator.Settings custom = new RowValidator.Settings(EXTRACT, Set.of("", "None"), PartialDateImputation.MID, 1900, 32768);
        assertRejected(validate(ExtractContract.PATIENT, custom, patientPairs("sex=None")), RejectReason.MISSING_REQUIRED, "sex");
        assertRejected(validate(ExtractContract.PATIENT, custom, patientPairs("sex=NA")), RejectReason.INVALID_CODE, "sex");
    }

    @Test
    void optionalCodeUnreadableBecomesNullWithFinding() {
        RowResult r = patient("menopausal_status=PERI");
        assertTrue(r.accepted());
        assertNull(r.get("menopausal_status"));
        assertFinding(r, Finding.INVALID_OPTIONAL_FIELD, "menopausal_status");
        assertEquals("POST", patient("menopausal_status= post ").get("menopausal_status"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1970-03 | MID   | 1970-03-15
            197003  | MID   | 1970-03-15
            1970    | MID   | 1970-07-01
            1970-03 | FIRST | 1970-03-01
            1970    | FIRST | 1970-01-01
            """)
    void partialBirthDateImputed(String raw, PartialDateImputation how, LocalDate expected) {
        RowValidator.Settings s = new RowValidator.Settings(EXTRACT, DEFAULTS.missingMarkers(), how, 1900, 32768);
        RowResult r = validate(ExtractContract.PATIENT, s, patientPairs("birth_date=" + raw));
        assertEquals(expected, r.get("birth_date"));
        assertEquals(true, r.get("birth_date_imputed"));
        assertFinding(r, Finding.DATE_IMPUTED, "birth_date");
    }

    @Test
    void partialDatesOnlyWhereAllowed() {
        assertRejected(patient("last_contact_date=2020-06"), RejectReason.INVALID_DATE, "last_contact_date");
        assertRejected(validate(ExtractContract.PATHOLOGY, "patient_id=P1", "report_date=2019-03"),
                RejectReason.INVALID_DATE, "report_date");
        assertEquals(LocalDate.of(2019, 3, 15), validate(ExtractContract.TUMOR_EVENT, "patient_id=P1",
                "event_date=2019-03", "event_type=METASTASIS").get("event_date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-02-30", "1899-12-31", "31/12/1970", "1970-01-01 10:00"})
    void invalidRequiredDateRejects(String raw) {
        assertRejected(patient("birth_date=" + raw), RejectReason.INVALID_DATE, "birth_date");
    }

    @Test
    void invalidOptionalDateBecomesNull() {
        RowResult r = patient("death_date=2019-02-30", "last_contact_date=2019-01-01");
        assertTrue(r.accepted());
        assertNull(r.get("death_date"));
        assertFinding(r, Finding.INVALID_OPTIONAL_FIELD, "death_date");
    }

    @Test
    void deathAfterTheExtractDateMeansAliveAtTheCutOff() {
        RowResult r = patient("death_date=2021-01-05", "last_contact_date=2020-06-30");
        assertTrue(r.accepted());
        assertNull(r.get("death_date"));
        assertEquals(EXTRACT, r.get("last_contact_date"));
        assertFinding(r, Finding.DEATH_AFTER_CUTOFF, "death_date");
        RowResult noLastContact = patient("death_date=2021-01-05", "last_contact_date=");
        assertTrue(noLastContact.accepted());
        assertEquals(EXTRACT, noLastContact.get("last_contact_date"));
        assertFinding(patient("death_date=2021", "last_contact_date="), Finding.DEATH_AFTER_CUTOFF, "death_date");
    }

    @Test
    void lastContactAfterTheExtractDateIsClamped() {
        RowResult r = patient("last_contact_date=2020-11-15");
        assertEquals(EXTRACT, r.get("last_contact_date"));
        assertFinding(r, Finding.LAST_CONTACT_CLAMPED, "last_contact_date");
    }

    @Test
    void lastContactRequiredUnlessDeathGiven() {
        assertRejected(patient("last_contact_date="), RejectReason.MISSING_REQUIRED, "last_contact_date");
        RowResult dead = patient("last_contact_date=", "death_date=2019-05-01");
        assertTrue(dead.accepted());
        assertEquals(LocalDate.of(2019, 5, 1), dead.get("death_date"));
        assertNull(dead.get("last_contact_date"));
        assertRejected(patient("last_contact_date=", "death_date=2019-02-30"), RejectReason.MISSING_REQUIRED,
                "last_contact_date");
    }

    @Test
    void partialDateIsClampedToTheExtractDateWhenItsPeriodHoldsIt() {
        RowValidator.Settings early = RowValidator.Settings.defaults(LocalDate.of(2020, 10, 10));
        RowResult r = validate(ExtractContract.PATIENT, early, patientPairs("death_date=2020-10", "last_contact_date=2020-09-01"));
        assertEquals(LocalDate.of(2020, 10, 10), r.get("death_date"));
        assertEquals(true, r.get("death_date_imputed"));
        RowResult year = validate(ExtractContract.TUMOR_EVENT, early, "patient_id=P1", "event_date=2020", "event_type=METASTASIS");
        assertEquals(LocalDate.of(2020, 7, 1), year.get("event_date"));
        assertRejected(validate(ExtractContract.TUMOR_EVENT, early, "patient_id=P1", "event_date=2020-11",
                "event_type=METASTASIS"), RejectReason.DATE_AFTER_EXTRACT, "event_date");
    }

    @Test
    void imputedDeathIsNotBeforeTheLastContact() {
        RowResult r = patient("death_date=2019", "last_contact_date=2019-09-01");
        assertEquals(LocalDate.of(2019, 9, 1), r.get("death_date"));
        assertEquals(true, r.get("death_date_imputed"));
        RowResult known = patient("death_date=2019-07-01", "last_contact_date=2019-09-01");
        assertEquals(LocalDate.of(2019, 7, 1), known.get("death_date"), "a full death date is never moved");
    }

    @Test
    void requiredDateAfterTheExtractDateRejects() {
        assertRejected(patient("birth_date=2021-01-01"), RejectReason.DATE_AFTER_EXTRACT, "birth_date");
        assertRejected(validate(ExtractContract.SURGERY, "patient_id=P1", "surgery_date=2020-11-01"),
                RejectReason.DATE_AFTER_EXTRACT, "surgery_date");
        assertTrue(validate(ExtractContract.SURGERY, "patient_id=P1", "surgery_date=2020-10-31").accepted(), "the extract date itself is fine");
    }

    // ---- precedence

    @Test
    void groupOneThenTwoThenColumnsInDocumentOrder() {
        String huge = "x".repeat(32769);
        assertRejected(patient("patient_id=", "ward=" + huge), RejectReason.FIELD_TOO_LONG, "ward");
        assertTrue(validate(ExtractContract.PATIENT, patientPairs("ward=" + "x".repeat(32768))).accepted());
        assertRejected(patient("patient_id= ", "birth_date=garbage"), RejectReason.MISSING_REQUIRED, "patient_id");
        assertRejected(patient("birth_date=garbage", "sex=X"), RejectReason.INVALID_DATE, "birth_date");
        assertRejected(patient("sex=X", "last_contact_date="), RejectReason.INVALID_CODE, "sex");
        assertRejected(validate(ExtractContract.DRUG_ADMINISTRATION, "patient_id=P1", "admin_date=2021-01-01",
                "drug_name="), RejectReason.DATE_AFTER_EXTRACT, "admin_date");
        assertRejected(validate(ExtractContract.ADVERSE_EVENT, "patient_id=P1", "onset_date=2019-02-30", "term=Nausea",
                "grade=4"), RejectReason.INVALID_DATE, "onset_date");
        assertRejected(validate(ExtractContract.LAB_RESULT, "patient_id=P1", "collected_at=2019-01-01",
                "lab_name=ANC", "value=hemolyzed", "unit=/uL"), RejectReason.NON_NUMERIC_VALUE, "value");
    }

    @Test
    void stepsCanBeCalledApartForIngestToInterleaveItsPatientRules() {
        RowValidator v = new RowValidator(ExtractContract.SURGERY, DEFAULTS, DICTIONARIES);
        Map<String, String> raw = row("patient_id= P9 ", "surgery_date=2019-02-30");
        assertTrue(v.fieldTooLong(raw).isEmpty());
        assertTrue(v.missingPatientId(raw).isEmpty());
        assertEquals("P9", v.patientId(raw));
        assertEquals(RejectReason.INVALID_DATE, v.validateColumns(raw, 3).reject().reason());
        assertEquals(RejectReason.MISSING_REQUIRED, v.missingPatientId(row("patient_id=NA")).orElseThrow().reason());
        assertEquals(2, RejectReason.MISSING_REQUIRED.group());
    }

    // ---- tumor_event, pathology

    @Test
    void tumorEventCodesAndKcd() {
        RowResult r = validate(ExtractContract.TUMOR_EVENT, "patient_id=P1", "event_date=2018-01-05",
                "event_type=primary_diagnosis", "kcd_code= c50.9 ", "stage=iiia", "site=");
        assertEquals("PRIMARY_DIAGNOSIS", r.get("event_type"));
        assertEquals("C509", r.get("kcd_code"));
        assertEquals("IIIA", r.get("stage"));
        assertRejected(validate(ExtractContract.TUMOR_EVENT, "patient_id=P1", "event_date=2018-01-05",
                "event_type=RELAPSE"), RejectReason.INVALID_CODE, "event_type");
    }

    @Test
    void pathologyNumbersAndRanges() {
        RowResult r = validate(ExtractContract.PATHOLOGY, "patient_id=P1", "report_date=20180105", "er_percent=85",
                "pr_percent=abc", "her2_ihc=3+", "her2_ish_ratio=2.35", "her2_copy_number=120");
        assertEquals(new BigDecimal("85"), r.get("er_percent"));
        assertNull(r.get("pr_percent"));
        assertFinding(r, Finding.INVALID_OPTIONAL_FIELD, "pr_percent");
        assertEquals("3+", r.get("her2_ihc"));
        assertEquals(new BigDecimal("2.35"), r.get("her2_ish_ratio"));
        RowResult out = validate(ExtractContract.PATHOLOGY, "patient_id=P1", "report_date=20180105", "er_percent=120");
        assertNull(out.get("er_percent"));
        assertFinding(out, Finding.INVALID_OPTIONAL_FIELD, "er_percent");
    }

    // ---- drug_administration

    @Test
    void drugRowMappedAndTyped() {
        RowResult r = validate(ExtractContract.DRUG_ADMINISTRATION, "patient_id=P1", "admin_date=2019-03-05 09:15",
                "drug_code=L01FD01", "drug_name=Herceptin SC 600mg/5ml", "dose=600", "dose_unit=MG", "route=sc",
                "status=", "order_id=O1");
        assertTrue(r.accepted());
        assertEquals(LocalDateTime.of(2019, 3, 5, 9, 15), r.get("admin_date"));
        assertEquals(true, r.get("admin_date_time_known"));
        assertEquals(List.of("trastuzumab"), r.get(Derived.INGREDIENTS));
        assertEquals("ANTI_HER2_ANTIBODY", r.get(Derived.DRUG_CLASS));
        assertEquals("CODE", r.get(Derived.MAPPING_BASIS));
        assertEquals("SC", r.get(Derived.DRUG_FORM));
        assertEquals("mg", r.get("dose_unit"));
        assertEquals("SC", r.get("route"));
        assertEquals("DONE", r.get("status"), "missing status = DONE");
        assertTrue(r.findings().isEmpty());
        RowResult dateOnly = validate(ExtractContract.DRUG_ADMINISTRATION, "patient_id=P1", "admin_date=20190305",
                "drug_name=Taxol", "status=cancelled");
        assertEquals(LocalDateTime.of(2019, 3, 5, 0, 0), dateOnly.get("admin_date"));
        assertEquals(false, dateOnly.get("admin_date_time_known"));
        assertEquals("CANCELLED", dateOnly.get("status"));
        assertEquals("NAME", dateOnly.get(Derived.MAPPING_BASIS));
    }

    @Test
    void drugFindings() {
        RowResult unknown = validate(ExtractContract.DRUG_ADMINISTRATION, "patient_id=P1", "admin_date=2019-03-05",
                "drug_name=Investigational drug XZ-101");
        assertTrue(unknown.accepted());
        assertEquals(List.of("UNKNOWN"), unknown.get(Derived.INGREDIENTS));
        assertNull(unknown.get(Derived.DRUG_CLASS));
        assertEquals(List.of(new RowFinding(Finding.UNMAPPED_DRUG, "drug_name", "Investigational drug XZ-101")), unknown.findings());
        RowResult disagree = validate(ExtractContract.DRUG_ADMINISTRATION, "patient_id=P1", "admin_date=2019-03-05",
                "drug_code=L01CD02", "drug_name=Taxol");
        assertEquals(List.of("docetaxel"), disagree.get(Derived.INGREDIENTS));
        assertEquals(true, disagree.get(Derived.CODE_NAME_DISAGREE));
        assertFinding(disagree, Finding.CODE_NAME_DISAGREE, "drug_code");
        assertRejected(validate(ExtractContract.DRUG_ADMINISTRATION, "patient_id=P1", "admin_date=2019-03-05",
                "drug_code=L01CD02", "drug_name=NULL"), RejectReason.MISSING_REQUIRED, "drug_name");
    }

    // ---- lab_result

    static RowResult lab(String... pairs) {
        Map<String, String> raw = row("patient_id=P1", "collected_at=2019-03-05 08:30", "local_code=", "loinc_code=",
                "lab_name=ANC", "value=1500", "unit=/uL", "ref_low=", "ref_high=");
        raw.putAll(row(pairs));
        return new RowValidator(ExtractContract.LAB_RESULT, DEFAULTS, DICTIONARIES).validate(raw, 7);
    }

    @Test
    void labValueConvertedExactly() {
        RowResult r = lab();
        assertEquals(new BigDecimal("1500"), r.get("value"));
        assertEquals("anc", r.get(Derived.ANALYTE));
        assertEquals(new BigDecimal("1.5"), r.get(Derived.VALUE_CANONICAL));
        assertEquals("10^9/L", r.get(Derived.UNIT_CANONICAL));
        assertNull(r.get(Derived.VALUE_COMPARATOR));
        assertEquals(true, r.get("collected_at_time_known"));
        RowResult hb = lab("lab_name=Hb", "value=95", "unit=g/L", "ref_low=120", "ref_high=160");
        assertEquals(new BigDecimal("9.5"), hb.get(Derived.VALUE_CANONICAL));
        assertEquals(new BigDecimal("12"), hb.get(Derived.REF_LOW_CANONICAL));
        assertEquals(new BigDecimal("16"), hb.get(Derived.REF_HIGH_CANONICAL));
        RowResult bil = lab("loinc_code=1975-2", "lab_name=", "value=26.0", "unit=µmol/L");
        assertEquals(new BigDecimal("1.5204678363"), bil.get(Derived.VALUE_CANONICAL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <0.1    | <  | 0.1
            >1000   | >  | 1000
            < 0.5   | <  | 0.5
            <=2     | <= | 2
            ≥3      | >= | 3
            """)
    void labComparatorKeptAndBoundIsTheValue(String raw, String comparator, String bound) {
        RowResult r = lab("lab_name=WBC", "value=" + raw, "unit=10^3/uL");
        assertTrue(r.accepted(), () -> String.valueOf(r.reject()));
        assertEquals(new BigDecimal(bound), r.get("value"));
        assertEquals(comparator, r.get(Derived.VALUE_COMPARATOR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hemolyzed", "see comment", "1,500", "1.5.2", "1e3", "<", "< >1", "--1"})
    void labCommentIsNonNumeric(String raw) {
        assertRejected(lab("value=" + raw), RejectReason.NON_NUMERIC_VALUE, "value");
    }

    @Test
    void labImplausibleUnknownUnitAndUnmapped() {
        assertRejected(lab("value=1500", "unit=x10^9/L"), RejectReason.IMPLAUSIBLE_VALUE, "value");
        assertRejected(lab("value=1000000000", "unit=10^9/L"), RejectReason.IMPLAUSIBLE_VALUE, "value");
        assertRejected(lab("value=-1"), RejectReason.IMPLAUSIBLE_VALUE, "value");
        assertRejected(lab("value=", "unit=mEq/L"), RejectReason.MISSING_REQUIRED, "value");
        RowResult unknownUnit = lab("unit=mEq/L");
        assertTrue(unknownUnit.accepted());
        assertEquals("anc", unknownUnit.get(Derived.ANALYTE));
        assertNull(unknownUnit.get(Derived.VALUE_CANONICAL));
        assertEquals(List.of(new RowFinding(Finding.UNKNOWN_UNIT, "unit", "mEq/L")), unknownUnit.findings());
        assertEquals(List.of(new RowFinding(Finding.UNKNOWN_UNIT, "unit", null)), lab("unit=").findings());
        RowResult unmapped = lab("lab_name=Ferritin", "value=1000000", "unit=ng/mL");
        assertTrue(unmapped.accepted(), "no limits without an analyte");
        assertNull(unmapped.get(Derived.ANALYTE));
        assertEquals(List.of(new RowFinding(Finding.UNMAPPED_LAB, "lab_name", "Ferritin")), unmapped.findings());
        assertNull(lab("value=-5", "unit=furlongs").get(Derived.VALUE_CANONICAL), "no limits without a unit");
    }

    // ---- measurement

    @Test
    void measurementRules() {
        assertTrue(validate(ExtractContract.MEASUREMENT, "patient_id=P1", "measured_at=2019-03-05T10:00", "type=lvef",
                "value=55", "unit=%").accepted());
        assertRejected(validate(ExtractContract.MEASUREMENT, "patient_id=P1", "measured_at=2019-03-05T10:00",
                "type=PULSE", "value=55"), RejectReason.INVALID_CODE, "type");
        assertRejected(validate(ExtractContract.MEASUREMENT, "patient_id=P1", "measured_at=2019-03-05T10:00",
                "type=LVEF", "value=normal"), RejectReason.NON_NUMERIC_VALUE, "value");
    }

    // ---- adverse_event

    static RowResult ae(String... pairs) {
        Map<String, String> raw = row("patient_id=P1", "onset_date=2019-04-01", "end_date=", "term=Nausea", "grade=2",
                "ctcae_version=", "serious=N", "action_taken=NONE", "suspected_drug=docetaxel");
        raw.putAll(row(pairs));
        return new RowValidator(ExtractContract.ADVERSE_EVENT, DEFAULTS, DICTIONARIES).validate(raw, 7);
    }

    @Test
    void aeTermMappedAndGradeChecked() {
        RowResult r = ae("term=구역", "grade=3");
        assertTrue(r.accepted());
        assertEquals("Nausea", r.get(Derived.CTCAE_TERM));
        assertEquals(3, (Integer) r.get("grade"));
        assertRejected(ae("grade=4"), RejectReason.INVALID_GRADE_FOR_TERM, "grade");
        assertRejected(ae("grade=4", "ctcae_version=5.0"), RejectReason.INVALID_GRADE_FOR_TERM, "grade");
        assertRejected(ae("term=Peripheral neuropathy", "grade=4"), RejectReason.INVALID_GRADE_FOR_TERM, "grade");
        assertTrue(ae("term=Peripheral neuropathy", "grade=4", "ctcae_version=4.03").accepted());
        assertRejected(ae("term=Peripheral neuropathy", "grade=4", "ctcae_version=6.0"),
                RejectReason.INVALID_GRADE_FOR_TERM, "grade");
        assertRejected(ae("term=Febrile neutropenia", "grade=2"), RejectReason.INVALID_GRADE_FOR_TERM, "grade");
        assertRejected(ae("term=Ejection fraction decreased", "grade=1"), RejectReason.INVALID_GRADE_FOR_TERM, "grade");
    }

    @Test
    void aeFindings() {
        RowResult unmapped = ae("term=Feeling unwell", "grade=4");
        assertTrue(unmapped.accepted());
        assertNull(unmapped.get(Derived.CTCAE_TERM));
        assertEquals(List.of(new RowFinding(Finding.UNMAPPED_AE_TERM, "term", "Feeling unwell")), unmapped.findings());
        RowResult badGrade = ae("grade=7");
        assertNull(badGrade.get("grade"));
        assertFinding(badGrade, Finding.INVALID_OPTIONAL_FIELD, "grade");
        RowResult badVersion = ae("ctcae_version=6.0");
        assertNull(badVersion.get("ctcae_version"));
        assertFinding(badVersion, Finding.INVALID_OPTIONAL_FIELD, "ctcae_version");
        RowResult lateEnd = ae("end_date=2021-01-01");
        assertNull(lateEnd.get("end_date"));
        assertFinding(lateEnd, Finding.INVALID_OPTIONAL_FIELD, "end_date");
        assertRejected(ae("term= "), RejectReason.MISSING_REQUIRED, "term");
    }

    // ---- privacy

    @Test
    void rejectDetailsAndFindingsNeverHoldPhi() {
        String id = "PID-SECRET-42";
        String name = "홍길동";
        String rrn = "700101-2345678";
        List<RowResult> results = List.of(
                patient("patient_id=" + id, "patient_name=" + name, "resident_no=" + rrn, "birth_date=" + id),
                patient("patient_id=" + id, "patient_name=" + name.repeat(20000), "resident_no=" + rrn),
                patient("patient_id=" + id, "patient_name=" + name, "resident_no=" + rrn, "sex=" + id),
                patient("patient_id=" + id, "patient_name=" + name, "resident_no=" + rrn, "last_contact_date="),
                patient("patient_id=" + id, "patient_name=" + name, "resident_no=" + rrn, "menopausal_status=" + rrn));
        for (RowResult r : results) {
            String shown = r.reject() + " " + r.findings();
            assertFalse(shown.contains(id) || shown.contains(name) || shown.contains(rrn), shown);
            assertFalse(r.values().containsValue(name) || r.values().containsValue(rrn), shown);
        }
        assertEquals(RejectReason.FIELD_TOO_LONG, results.get(1).reject().reason());
        assertEquals("patient_name", results.get(1).reject().column());
    }

    // ---- settings, serialisation

    @Test
    void settingsFromConfigAreTheContractDefaults() {
        var config = ConfigLoader.load(ConfigSources.of(TestPaths.emptyHome("validator")));
        assertEquals(DEFAULTS, RowValidator.Settings.from(config, EXTRACT));
    }

    /** As a Spark task gets them: a validator that reads a row as the original does, and a result equal to its original. */
    @Test
    void validatorAndResultSurviveJavaSerialization() throws Exception {
        RowValidator validator = new RowValidator(ExtractContract.LAB_RESULT, DEFAULTS, DICTIONARIES);
        Map<String, String> raw = row("patient_id=P1", "collected_at=2019-03-05 08:30", "local_code=", "loinc_code=",
                "lab_name=WBC", "value=4.2", "unit=10^3/uL", "ref_low=", "ref_high=");
        RowResult want = validator.validate(raw, 7);
        assertTrue(want.accepted(), "the row the copies must read alike is kept: " + want.reject());
        assertEquals(want, JavaSerialization.roundTrip(validator).validate(raw, 7));
        assertEquals(want, JavaSerialization.roundTrip(want));
    }
}
