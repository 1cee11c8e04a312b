package org.oncorwe.synth;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed sample says what its truth says, read back from the CSV rows with simple,
 * independent checks (no pipeline code): the docetaxel count, the PD date, the age at index,
 * and no record after a patient's last contact or death.
 */
@Tag("unit")
class SampleAgreesWithTruthTest {

    static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like");
    static final Set<String> DOCETAXEL_NAMES = Set.of("Docetaxel 80mg/4ml inj", "Taxotere 20mg inj", "DOCETAXEL",
            "도세탁셀주 80mg", "Monotaxel 120mg");
    private static Map<String, CSVRecord> truth;
    private static Map<String, List<CSVRecord>> rowsByPatient;
    private static Set<String> damagedLines;

    @BeforeAll
    static void read() throws IOException {
        truth = new HashMap<>();
        for (CSVRecord r : SyntheticRegistryTest.read(SAMPLE.resolve("truth/2020-10-31/patients.csv"))) {
            truth.put(r.get("patient_id"), r);
        }
        damagedLines = new java.util.HashSet<>();
        for (CSVRecord d : SyntheticRegistryTest.read(SAMPLE.resolve("truth/2020-10-31/damage.csv"))) {
            damagedLines.add(d.get("file") + ":" + d.get("line_number"));
        }
        rowsByPatient = new HashMap<>();
        Path extract = SAMPLE.resolve("2020-10-31");
        try (Stream<Path> files = Files.walk(extract)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String rel = extract.relativize(f).toString();
                for (CSVRecord r : SyntheticRegistryTest.read(f)) {
                    // record line numbers: header is line 1; these files have no quoted newlines except surgery notes
                    rowsByPatient.computeIfAbsent(r.get("patient_id"), k -> new ArrayList<>()).add(r);
                }
                assertTrue(rel.endsWith(".csv"));
            }
        }
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank() || Set.of("NULL", "null", "NA", ".").contains(text.trim())) {
            return null;
        }
        String digits = text.trim().replaceAll("[-./]", "");
        if (digits.length() >= 8 && digits.substring(0, 8).chars().allMatch(Character::isDigit)) {
            try {
                return LocalDate.parse(digits.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            } catch (java.time.format.DateTimeParseException e) {
                return null; // an impossible date: planted damage, rejected by ingest
            }
        }
        return null; // a partial date: planted damage
    }

    private static List<CSVRecord> cohort() {
        return truth.values().stream().filter(t -> t.get("expected_step").equals("INCLUDED")).toList();
    }

    @Test
    void docetaxelDatesInTheIndexLineMatchTheTruth() {
        for (CSVRecord t : cohort()) {
            LocalDate index = LocalDate.parse(t.get("index_date"));
            LocalDate end = LocalDate.parse(t.get("index_line_end"));
            Set<LocalDate> dates = new TreeSet<>();
            for (CSVRecord r : rowsByPatient.get(t.get("patient_id"))) {
                if (r.isMapped("drug_name") && DOCETAXEL_NAMES.contains(r.get("drug_name"))
                        && !r.get("status").equalsIgnoreCase("CANCELLED")) {
                    LocalDate d = date(r.get("admin_date"));
                    if (!d.isBefore(index) && !d.isAfter(end)) {
                        dates.add(d);
                    }
                }
            }
            assertEquals(Integer.parseInt(t.get("docetaxel_admins")), dates.size(), t.get("patient_id"));
        }
    }

    @Test
    void thePdDateIsTheFirstPdAssessmentAfterIndex() {
        int checked = 0;
        for (CSVRecord t : cohort()) {
            LocalDate index = LocalDate.parse(t.get("index_date"));
            LocalDate firstPd = null;
            for (CSVRecord r : rowsByPatient.get(t.get("patient_id"))) {
                if (!r.isMapped("overall_response")) {
                    continue;
                }
                LocalDate d = date(r.get("assessment_date"));
                boolean pd = r.get("overall_response").equals("PD") || r.get("target_response").equals("PD")
                        || r.get("non_target_response").equals("PD") || r.get("new_lesions").equals("Y");
                if (d != null && pd && d.isAfter(index) && (firstPd == null || d.isBefore(firstPd))) {
                    firstPd = d;
                }
            }
            String expected = t.get("pd_date");
            assertEquals(expected.isEmpty() ? null : LocalDate.parse(expected), firstPd, t.get("patient_id"));
            checked += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(checked > 50, "most cohort patients progress");
    }

    @Test
    void ageAtIndexIsCompletedYears() {
        for (CSVRecord t : cohort()) {
            CSVRecord patient = rowsByPatient.get(t.get("patient_id")).stream()
                    .filter(r -> r.isMapped("birth_date")).findFirst().orElseThrow();
            int age = Period.between(date(patient.get("birth_date")), LocalDate.parse(t.get("index_date"))).getYears();
            assertEquals(Integer.parseInt(t.get("age_at_index")), age, t.get("patient_id"));
        }
    }

    @Test
    void noRecordAfterLastContactOrDeath() {
        for (CSVRecord t : truth.values()) {
            // the last contact when the patient row gives one (a record after it would be LAST_CONTACT_BEFORE_EVENT)
            String lastContact = rowsByPatient.getOrDefault(t.get("patient_id"), List.of()).stream()
                    .filter(r -> r.isMapped("last_contact_date")).map(r -> r.get("last_contact_date"))
                    .map(SampleAgreesWithTruthTest::date).filter(java.util.Objects::nonNull).map(LocalDate::toString)
                    .findFirst().orElse("");
            String end = !lastContact.isEmpty() ? lastContact
                    : !t.get("death_date").isEmpty() ? t.get("death_date") : t.get("last_contact_date");
            if (end.isEmpty()) {
                continue;
            }
            LocalDate last = LocalDate.parse(end);
            for (CSVRecord r : rowsByPatient.getOrDefault(t.get("patient_id"), List.of())) {
                for (String column : List.of("event_date", "report_date", "surgery_date", "admin_date", "assessment_date",
                        "collected_at", "measured_at", "onset_date")) {
                    if (r.isMapped(column)) {
                        LocalDate d = date(r.get(column));
                        assertTrue(d == null || !d.isAfter(last), () -> String.format(Locale.ROOT,
                                "%s %s %s after %s", t.get("patient_id"), column, r.get(column), last));
                    }
                }
            }
        }
    }
}
