package org.oncorwe.ingest.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test of the ingest rules: the whole hand-checked fixture through the reader, the
 * header binding, the row validator and {@link PatientIngest} gives exactly the hand-computed rejects
 * (table, line, patient_id, reason), findings (table, line, finding, column) and per-file counts.
 */
@Tag("unit")
class HandFixtureIngestTest {

    static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand");
    static RulesOverExtract.Run run;

    @BeforeAll
    static void ingest() {
        run = RulesOverExtract.run(HAND.resolve("2020-10-31"), LocalDate.of(2020, 10, 31));
    }

    @Test
    void rejectsAreExactlyTheHandComputedOnes() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        for (CSVRecord r : read("expected_rejects.csv")) {
            expected.add(r.get("table") + ":" + r.get("line_number") + " " + r.get("patient_id") + " " + r.get("reason"));
        }
        TreeSet<String> found = new TreeSet<>();
        for (RowOutcome o : run.rows()) {
            if (o.status() == RowOutcome.Status.REJECTED) {
                found.add(table(o) + ":" + o.lineNumber() + " " + Objects.toString(o.patientId(), "") + " " + o.reject().reason());
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", found));
        assertEquals(19, found.size());
    }

    @Test
    void rejectDetailsNeverQuoteAPatientId() {
        for (RowOutcome o : run.rows()) {
            if (o.reject() != null && o.reject().detail() != null) {
                assertFalse(o.reject().detail().contains("HND-"), o.file() + ":" + o.lineNumber());
            }
        }
    }

    @Test
    void patientSummaries() {
        assertEquals(28, run.patients().values().stream().filter(PatientSummary::accepted).count());
        PatientSummary hnd10 = run.patients().get("HND-0010");
        assertEquals(LocalDate.of(2018, 1, 29), hnd10.effectiveLastContact());
        PatientSummary hnd15 = run.patients().get("HND-0015");
        assertEquals(LocalDate.of(2017, 11, 20), hnd15.deathDate());
        assertFalse(hnd15.deathFullyKnown());
        PatientSummary hnd90 = run.patients().get("HND-0090");
        assertTrue(hnd90.known() && !hnd90.accepted());
        assertFalse(run.patients().get("HND-9999").known());
        assertEquals(LocalDate.of(2020, 10, 31), run.patients().get("HND-0008").effectiveLastContact());
    }

    @Test
    void findingsAreExactlyTheHandComputedOnes() throws IOException {
        List<String> expected = new ArrayList<>();
        for (CSVRecord r : read("expected_findings.csv")) {
            expected.add(r.get("table") + ":" + r.get("line_number") + " " + r.get("finding") + " " + r.get("column_name"));
        }
        List<String> found = new ArrayList<>();
        for (RowOutcome o : run.rows()) {
            for (RowFinding f : o.findings()) {
                found.add(table(o) + ":" + o.lineNumber() + " " + f.finding() + " " + Objects.toString(f.column(), ""));
            }
        }
        expected.sort(null);
        found.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", found));
        assertEquals(16, found.size());
    }

    @Test
    void countsPerFileAreTheHandComputedOnes() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (CSVRecord r : read("expected_ingest_counts.csv")) {
            expected.put(r.get("table"), r.get("rows_read") + " = " + r.get("rows_accepted") + " + "
                    + r.get("rows_rejected") + " + " + r.get("rows_collapsed"));
        }
        Map<String, long[]> counts = new TreeMap<>();
        for (RowOutcome o : run.rows()) {
            long[] c = counts.computeIfAbsent(table(o), k -> new long[4]);
            c[0]++;
            c[1 + o.status().ordinal()]++;
        }
        Map<String, String> found = new TreeMap<>();
        counts.forEach((t, c) -> found.put(t, c[0] + " = " + c[1] + " + " + c[2] + " + " + c[3]));
        assertEquals(expected, found);
    }

    private static String table(RowOutcome o) {
        return o.file().replace(".csv", "");
    }

    static List<CSVRecord> read(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(HAND.resolve("expected").resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .build().parse(r).getRecords();
        }
    }
}
