package org.oncorwe.ingest.rules;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.ingest.PartialDateImputation;
import org.oncorwe.ingest.RawRecord;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.HeaderBinding;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.testing.TestPaths;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each cross-row rule alone, on tiny hand-built rows of one patient. */
@Tag("unit")
class PatientIngestTest {

    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);
    static final String PATIENT = "patient_id,birth_date,sex,death_date,last_contact_date";
    static final String DRUG = "patient_id,admin_date,drug_code,drug_name,status,order_id";
    static final String LAB = "patient_id,collected_at,loinc_code,lab_name,value,unit";
    static final String ASSESSMENT = "patient_id,assessment_date,target_response,non_target_response,new_lesions,overall_response";
    static final String MEASUREMENT = "patient_id,measured_at,type,value,unit";

    private final List<SourcedRow> rows = new ArrayList<>();

    /** Adds a row of the table read from a one-line CSV (no quoting) with the given header. */
    private PatientIngestTest row(TableContract table, String header, long line, String csv) {
        RowValidator validator = new RowValidator(table, RowValidator.Settings.defaults(EXTRACT), RulesOverExtract.DICTIONARIES);
        HeaderBinding binding = HeaderBinding.bind(table, Arrays.asList(header.split(",", -1)));
        RawRecord record = new RawRecord(line, Arrays.asList(csv.split(",", -1)), null, null);
        rows.add(SourcedRow.read(table.name() + ".csv", record, binding, validator));
        return this;
    }

    private PatientIngest.Result apply() {
        return PatientIngest.apply("P1", rows.stream().filter(r -> "P1".equals(r.patientId())).toList(),
                PatientIngest.Settings.defaults(EXTRACT));
    }

    /** "table:line STATUS-or-REASON [findings]" per row. */
    private static String outcomes(PatientIngest.Result r) {
        return r.rows().stream().map(o -> o.table() + ":" + o.lineNumber() + " "
                        + (o.reject() != null ? o.reject().reason().name() : o.status().name())
                        + (o.findings().isEmpty() ? "" : " " + o.findings().stream()
                        .map(f -> f.finding() + "@" + f.column()).collect(Collectors.joining(","))))
                .collect(Collectors.joining("\n"));
    }

    private static RowOutcome at(PatientIngest.Result r, String table, long line) {
        return r.rows().stream().filter(o -> o.table().equals(table) && o.lineNumber() == line).findFirst().orElseThrow();
    }

    @Test
    void collapsingComesBeforeTheConflictAAB() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2019-01-01");
        row(ExtractContract.PATIENT, PATIENT, 3, " P1 ,19700101,f,NA,2019.01.01"); // identical after typing
        row(ExtractContract.PATIENT, PATIENT, 4, "P1,1970-01-02,F,,2019-01-01");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2018-05-01,,Herceptin 440mg inj,,");
        assertEquals("""
                patient:2 DUPLICATE_CONFLICT
                patient:3 COLLAPSED
                patient:4 DUPLICATE_CONFLICT
                drug_administration:2 PATIENT_REJECTED""", outcomes(apply()));
    }

    @Test
    void identicalPatientRowsOnlyCollapseAndTheChildrenStay() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2019-01-01");
        row(ExtractContract.PATIENT, PATIENT, 3, "P1,1970-01-01,F,,2019-01-01");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2018-05-01,,Herceptin 440mg inj,,");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 3, "P1,20180501,,Herceptin 440mg inj,DONE,");
        PatientIngest.Result r = apply();
        assertEquals("""
                patient:2 ACCEPTED
                patient:3 COLLAPSED
                drug_administration:2 ACCEPTED
                drug_administration:3 COLLAPSED""", outcomes(r));
        assertTrue(r.summary().accepted());
    }

    @Test
    void anIdenticalCopyOfARejectedRowIsCollapsedNotRejectedTwice() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2019-01-01");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 2, "P1,2019/02/30,PR,,,");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 3, "P1, 2019/02/30 ,PR,NA,,");
        assertEquals("""
                patient:2 ACCEPTED
                tumor_assessment:2 INVALID_DATE
                tumor_assessment:3 COLLAPSED""", outcomes(apply()));
    }

    @Test
    void patientIdRulesComeBeforeColumnRulesAndColumnRulesBeforeTheConflict() {
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 2, "P1,2019/02/30,PR,,,");
        assertEquals("tumor_assessment:2 UNKNOWN_PATIENT", outcomes(apply()));

        rows.clear();
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-13-01,F,,2019-01-01");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 2, "P1,2019/02/30,PR,,,");
        assertEquals("""
                patient:2 INVALID_DATE
                tumor_assessment:2 PATIENT_REJECTED""", outcomes(apply()));

        rows.clear();
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-13-01,F,,2019-01-01");
        row(ExtractContract.PATIENT, PATIENT, 3, "P1,1970-01-01,F,,2019-01-01");
        assertEquals("""
                patient:2 INVALID_DATE
                patient:3 DUPLICATE_CONFLICT""", outcomes(apply()));

        rows.clear();
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,2019-01-01,");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 2, "P1,2019/02/30,PR,,,");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 3, "P1,2020/02/28,PR,,,");
        assertEquals("""
                patient:2 ACCEPTED
                tumor_assessment:2 INVALID_DATE
                tumor_assessment:3 EVENT_AFTER_DEATH""", outcomes(apply()));
    }

    @Test
    void recordsWithoutPatientIdAreRejectedAndIdenticalOnesCollapsed() {
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, ",2018-05-01,,Herceptin,,");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 3, "NA,2018-05-01,,Herceptin,,");
        rows.add(new SourcedRow(ExtractContract.DRUG_ADMINISTRATION, "drug_administration.csv", 4, null,
                new org.oncorwe.ingest.contract.Reject(org.oncorwe.ingest.contract.RejectReason.MALFORMED_ROW, null, "x"), null, null));
        PatientIngest.Result r = PatientIngest.apply(null, rows, PatientIngest.Settings.defaults(EXTRACT));
        assertEquals("""
                drug_administration:2 MISSING_REQUIRED
                drug_administration:3 COLLAPSED
                drug_administration:4 MALFORMED_ROW""", outcomes(r));
    }

    @Test
    void aTooLongPatientRowKeepsItsIdSoItsChildrenArePatientRejected() {
        RowValidator.Settings shortFields = new RowValidator.Settings(EXTRACT, Set.of("", "NA"),
                PartialDateImputation.MID, 1900, 12);
        HeaderBinding binding = HeaderBinding.bind(ExtractContract.PATIENT, Arrays.asList(PATIENT.split(",")));
        RowValidator validator = new RowValidator(ExtractContract.PATIENT, shortFields, RulesOverExtract.DICTIONARIES);
        rows.add(SourcedRow.read("patient.csv", new RawRecord(2, List.of("P1", "1970-01-01", "F", "", "2019-01-01 too long"),
                null, null), binding, validator));
        rows.add(SourcedRow.read("patient.csv", new RawRecord(3, List.of("P1-is-much-too-long", "1970-01-01", "F", "", ""),
                null, null), binding, validator));
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2018-05-01,,Herceptin 440mg inj,,");
        PatientIngest.Result r = apply();
        assertEquals("""
                patient:2 FIELD_TOO_LONG
                drug_administration:2 PATIENT_REJECTED""", outcomes(r));
        assertEquals("P1", r.rows().get(0).patientId());
        assertNull(rows.get(1).patientId());
    }

    @Test
    void deathWindowIsThirtyDaysAndLastContactIsNeverRejected() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,2020-01-01,2020-03-01");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2020-01-01 10:00,,Herceptin 440mg inj,,");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 3, "P1,2020-01-31 23:59,,Herceptin 440mg inj,,");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 4, "P1,2020-02-01,,Herceptin 440mg inj,,");
        PatientIngest.Result r = apply();
        assertEquals("""
                patient:2 ACCEPTED
                drug_administration:2 ACCEPTED
                drug_administration:3 ACCEPTED EVENT_SHORTLY_AFTER_DEATH@admin_date
                drug_administration:4 EVENT_AFTER_DEATH""", outcomes(r));
        assertTrue(r.summary().deathFullyKnown());
        assertEquals(LocalDate.of(2020, 1, 1), r.summary().deathDate());
        assertEquals(LocalDate.of(2020, 3, 1), r.summary().effectiveLastContact());
    }

    @Test
    void anImputedDeathIsRaisedToTheLatestRecordAndRejectsNothing() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,2019-05,2019-05-20");
        row(ExtractContract.LAB_RESULT, LAB, 2, "P1,2019-08-20 08:00,751-8,ANC,2.0,x10^9/L");
        PatientIngest.Result r = apply();
        assertEquals("""
                patient:2 ACCEPTED DATE_IMPUTED@death_date,LAST_CONTACT_BEFORE_EVENT@last_contact_date
                lab_result:2 ACCEPTED""", outcomes(r));
        assertFalse(r.summary().deathFullyKnown());
        assertEquals(LocalDate.of(2019, 8, 20), r.summary().deathDate());
        assertEquals(LocalDate.of(2019, 8, 20), at(r, "patient", 2).<LocalDate>get("death_date"));

        rows.clear();
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,2019-05,2019-05-20");
        assertEquals(LocalDate.of(2019, 5, 20), apply().summary().deathDate()); // the validator's part: last contact
    }

    @Test
    void effectiveLastContactIsTheLaterOfLastContactAndTheLatestAcceptedRecord() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2019-01-01");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2019-03-01 09:00,,Herceptin 440mg inj,CANCELLED,");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 2, "P1,2019/04/31,PR,,,"); // rejected: not a record
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 3, "P1,2020/12/01,PR,,,"); // after the extract: rejected
        PatientIngest.Result r = apply();
        assertEquals(LocalDate.of(2019, 3, 1), r.summary().effectiveLastContact());
        assertEquals(LocalDate.of(2019, 3, 1), at(r, "patient", 2).<LocalDate>get(RuleColumns.EFFECTIVE_LAST_CONTACT));
        assertEquals(List.of("LAST_CONTACT_BEFORE_EVENT"), at(r, "patient", 2).findings().stream()
                .map(f -> f.finding().name()).toList());

        rows.clear();
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2019-06-01");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2019-03-01,,Herceptin 440mg inj,,");
        r = apply();
        assertEquals(LocalDate.of(2019, 6, 1), r.summary().effectiveLastContact());
        assertTrue(at(r, "patient", 2).findings().isEmpty());

        rows.clear(); // dead, no last contact: nothing is earlier
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,2019-06-01,");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2019-03-01,,Herceptin 440mg inj,,");
        r = apply();
        assertEquals(LocalDate.of(2019, 3, 1), r.summary().effectiveLastContact());
        assertTrue(at(r, "patient", 2).findings().isEmpty());
    }

    @Test
    void rowsOfOneOrderAndIngredientAreOneAdministration() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2020-01-01");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 2, "P1,2019-07-14 16:00,,Herceptin 440mg inj,CANCELLED,O1");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 3, "P1,2019-07-16 09:00,,Herceptin 440mg inj,DONE,O1");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 4, "P1,2019-07-15 09:40,,Herzuma 150mg inj,,O1");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 5, "P1,2019-07-15 10:00,,Perjeta 420mg inj,DONE,O1");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 6, "P1,2019-07-15 10:00,,Perjeta 420mg inj,DONE,");
        row(ExtractContract.DRUG_ADMINISTRATION, DRUG, 7, "P1,2019-08-05,,Perjeta 420mg inj,HELD,O2");
        PatientIngest.Result r = apply();
        for (long line = 2; line <= 4; line++) {
            RowOutcome o = at(r, "drug_administration", line);
            assertEquals("drug_administration.csv:2", o.get(RuleColumns.ADMINISTRATION_ID));
            assertEquals(Boolean.TRUE, o.get(RuleColumns.ADMINISTRATION_GIVEN));
            assertEquals(LocalDateTime.of(2019, 7, 15, 9, 40), o.get(RuleColumns.ADMINISTRATION_DATE));
        }
        assertEquals("drug_administration.csv:5", at(r, "drug_administration", 5).get(RuleColumns.ADMINISTRATION_ID));
        assertEquals("drug_administration.csv:6", at(r, "drug_administration", 6).get(RuleColumns.ADMINISTRATION_ID));
        RowOutcome held = at(r, "drug_administration", 7);
        assertEquals("drug_administration.csv:7", held.get(RuleColumns.ADMINISTRATION_ID));
        assertEquals(Boolean.FALSE, held.get(RuleColumns.ADMINISTRATION_GIVEN));
        assertNull(held.get(RuleColumns.ADMINISTRATION_DATE));
        assertTrue(r.rows().stream().allMatch(RowOutcome::accepted));
    }

    @Test
    void ancIsDerivedFromWbcAndNeutrophilPercentUnlessMeasured() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2020-01-01");
        row(ExtractContract.LAB_RESULT, LAB, 2, "P1,2015-06-29 09:00,6690-2,WBC,3.0,x10^9/L");
        row(ExtractContract.LAB_RESULT, LAB, 3, "P1,2015-06-29 09:00,770-8,Neutrophil %,40,%");
        row(ExtractContract.LAB_RESULT, LAB, 4, "P1,2015-07-06 09:00,6690-2,WBC,3500,/uL");
        row(ExtractContract.LAB_RESULT, LAB, 5, "P1,2015-07-06 09:00,770-8,Neutrophil %,33.3,%");
        row(ExtractContract.LAB_RESULT, LAB, 6, "P1,2015-07-13 09:00,6690-2,WBC,3.0,x10^9/L");
        row(ExtractContract.LAB_RESULT, LAB, 7, "P1,2015-07-13 09:00,770-8,Neutrophil %,40,%");
        row(ExtractContract.LAB_RESULT, LAB, 8, "P1,2015-07-13 09:00,751-8,ANC,1.5,x10^9/L");
        row(ExtractContract.LAB_RESULT, LAB, 9, "P1,2015-07-20 09:00,6690-2,WBC,3.0,x10^9/L");
        row(ExtractContract.LAB_RESULT, LAB, 10, "P1,2015-07-20 09:01,770-8,Neutrophil %,40,%");
        PatientIngest.Result r = apply();
        assertEquals(new BigDecimal("1.2"), at(r, "lab_result", 2).get(RuleColumns.DERIVED_ANC));
        assertEquals(new BigDecimal("1.1655"), at(r, "lab_result", 4).get(RuleColumns.DERIVED_ANC));
        List<String> findings = r.rows().stream().filter(o -> !o.findings().isEmpty())
                .map(o -> o.table() + ":" + o.lineNumber() + " " + o.findings().stream().map(RowFinding::finding).toList())
                .toList();
        assertEquals(List.of("lab_result:2 [DERIVED_ANC]", "lab_result:4 [DERIVED_ANC]"), findings);
        assertNull(at(r, "lab_result", 6).get(RuleColumns.DERIVED_ANC)); // a measured ANC wins
        assertNull(at(r, "lab_result", 9).get(RuleColumns.DERIVED_ANC)); // not the same collected_at
    }

    @Test
    void overallResponseIsDerivedWhenMissingAndAConflictKeepsTheRecordedValue() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2020-01-01");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 2, "P1,2016/05/16,PR,NON_CR_NON_PD,N,SD");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 3, "P1,2016/06/16,CR,NOT_APPLICABLE,N,");
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 4, "P1,2016/07/16,PR,,N,SD"); // two inputs: no conflict
        row(ExtractContract.TUMOR_ASSESSMENT, ASSESSMENT, 5, "P1,2016/08/16,PR,NON_CR_NON_PD,N,PR");
        PatientIngest.Result r = apply();
        RowOutcome conflict = at(r, "tumor_assessment", 2);
        assertEquals("SD", conflict.get("overall_response"));
        assertEquals(Boolean.FALSE, conflict.get(RuleColumns.OVERALL_RESPONSE_DERIVED));
        assertEquals("OVERALL_RESPONSE_CONFLICT@overall_response", conflict.findings().get(0).finding() + "@"
                + conflict.findings().get(0).column());
        RowOutcome derived = at(r, "tumor_assessment", 3);
        assertEquals("CR", derived.get("overall_response"));
        assertEquals(Boolean.TRUE, derived.get(RuleColumns.OVERALL_RESPONSE_DERIVED));
        assertTrue(at(r, "tumor_assessment", 4).findings().isEmpty());
        assertTrue(at(r, "tumor_assessment", 5).findings().isEmpty());
    }

    @Test
    void theDerivationTable() {
        assertEquals("PD", OverallResponse.derive("CR", "CR", "Y"));
        assertEquals("PD", OverallResponse.derive("SD", "PD", "N"));
        assertEquals("PD", OverallResponse.derive("PD", null, null));
        assertEquals("CR", OverallResponse.derive("CR", "CR", "N"));
        assertEquals("CR", OverallResponse.derive("CR", "NOT_APPLICABLE", "N"));
        assertEquals("PR", OverallResponse.derive("CR", "NON_CR_NON_PD", "N"));
        assertEquals("PR", OverallResponse.derive("CR", "CR", "UNKNOWN"));
        assertEquals("PR", OverallResponse.derive("PR", "NE", "N"));
        assertEquals("SD", OverallResponse.derive("SD", "CR", "N"));
        assertEquals("NE", OverallResponse.derive("NE", "CR", "N"));
        assertEquals("NE", OverallResponse.derive(null, null, null));
        assertEquals("NE", OverallResponse.derive(null, "NOT_APPLICABLE", "N"));
        assertEquals("CR", OverallResponse.derive("NOT_APPLICABLE", "CR", "N"));
        assertEquals("NON_CR_NON_PD", OverallResponse.derive("NOT_APPLICABLE", "CR", null));
        assertEquals("NON_CR_NON_PD", OverallResponse.derive("NOT_APPLICABLE", "NON_CR_NON_PD", "N"));
        assertEquals("NE", OverallResponse.derive("NOT_APPLICABLE", "NE", "N"));
        assertEquals("NE", OverallResponse.derive("NOT_APPLICABLE", "NOT_APPLICABLE", "N"));
    }

    @Test
    void fahrenheitBecomesCelsius() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2020-01-01");
        row(ExtractContract.MEASUREMENT, MEASUREMENT, 2, "P1,2018-04-02 22:00,BODY_TEMPERATURE,101,F");
        row(ExtractContract.MEASUREMENT, MEASUREMENT, 3, "P1,2018-04-03 22:00,BODY_TEMPERATURE,98.6,f");
        row(ExtractContract.MEASUREMENT, MEASUREMENT, 4, "P1,2018-04-04 22:00,BODY_TEMPERATURE,38.4,C");
        PatientIngest.Result r = apply();
        RowOutcome f = at(r, "measurement", 2);
        assertEquals(new BigDecimal("38.3333333333"), f.get("value"));
        assertEquals("C", f.get("unit"));
        assertEquals(new BigDecimal("101"), f.get(RuleColumns.VALUE_RECORDED));
        assertEquals("F", f.get(RuleColumns.UNIT_RECORDED));
        assertEquals(new BigDecimal("37"), at(r, "measurement", 3).get("value"));
        RowOutcome c = at(r, "measurement", 4);
        assertEquals(new BigDecimal("38.4"), c.get("value"));
        assertNull(c.get(RuleColumns.UNIT_RECORDED));
    }

    @Test
    void identityIgnoresNumberScaleButNotDatePrecisionAndHidesPhi() {
        row(ExtractContract.PATIENT, "patient_id,patient_name,birth_date,sex,last_contact_date", 2, "P1,Kim,1970-06,F,2019-01-01");
        row(ExtractContract.PATIENT, "patient_id,patient_name,birth_date,sex,last_contact_date", 3, "P1,Kim,1970-06-15,F,2019-01-01");
        row(ExtractContract.MEASUREMENT, MEASUREMENT, 2, "P1,2018-04-02,WEIGHT,58.20,kg");
        row(ExtractContract.MEASUREMENT, MEASUREMENT, 3, "P1,2018-04-02,WEIGHT,58.2,kg");
        assertNotEquals(rows.get(0).identity(), rows.get(1).identity());
        assertEquals(rows.get(2).identity(), rows.get(3).identity());
        assertFalse(rows.get(0).identity().contains("Kim"));
    }

    @Test
    void rowsAndResultsSurviveJavaSerialization() throws Exception {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2020-01-01");
        row(ExtractContract.LAB_RESULT, LAB, 2, "P1,2015-06-29 09:00,6690-2,WBC,3.0,x10^9/L");
        List<SourcedRow> copy = roundTrip(new ArrayList<>(rows));
        assertEquals(rows, copy);
        PatientIngest.Result r = apply();
        assertEquals(r, roundTrip(r));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        return (T) org.oncorwe.testing.JavaSerialization.roundTrip((java.io.Serializable) value);
    }

    @Test
    void identicalRowsCollapseAcrossThePartsOfATable() {
        row(ExtractContract.PATIENT, PATIENT, 2, "P1,1970-01-01,F,,2020-01-01");
        RowValidator validator = new RowValidator(ExtractContract.LAB_RESULT, RowValidator.Settings.defaults(EXTRACT),
                RulesOverExtract.DICTIONARIES);
        HeaderBinding binding = HeaderBinding.bind(ExtractContract.LAB_RESULT, Arrays.asList(LAB.split(",")));
        List<String> fields = List.of("P1", "2015-06-29 09:00", "6690-2", "WBC", "3.0", "x10^9/L");
        rows.add(SourcedRow.read("lab_result/part-00001.csv", new RawRecord(2, fields, null, null), binding, validator));
        rows.add(SourcedRow.read("lab_result/part-00000.csv", new RawRecord(9, fields, null, null), binding, validator));
        PatientIngest.Result r = apply();
        assertEquals(List.of("lab_result/part-00000.csv:9 ACCEPTED", "lab_result/part-00001.csv:2 COLLAPSED"),
                r.rows().stream().skip(1).map(o -> o.file() + ":" + o.lineNumber() + " " + o.status()).toList());
    }

    @Test
    void settingsFromConfigAreTheDefaults() {
        var config = ConfigLoader.load(ConfigSources.of(TestPaths.emptyHome("patient-ingest")));
        assertEquals(PatientIngest.Settings.defaults(EXTRACT), PatientIngest.Settings.from(config, EXTRACT));
    }
}
