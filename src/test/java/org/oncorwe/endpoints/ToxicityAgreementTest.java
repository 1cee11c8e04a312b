package org.oncorwe.endpoints;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.KeyedRows;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Toxicity over whole extracts run through ingest's rules without Spark: the hand fixture's expected
 * toxicity (every row, every column, version 5.0) and the sample's planted toxicities per patient and term
 * (max grade, and also source, first onset and max grade date, which the generator plants by the same rules).
 */
@Tag("unit")
class ToxicityAgreementTest {

    private static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);
    private static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand");
    private static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like");

    @Test
    void theHandFixtureAsComputedByHand() throws IOException {
        ToxicityFacts facts = ToxicityFacts.of(HAND.resolve(EXTRACT.toString()), EXTRACT);
        Map<String, LocalDate> nextLineStart = new TreeMap<>();
        for (CSVRecord l : csv(HAND.resolve("expected/expected_lines.csv"))) {
            if (l.get("setting").equals("METASTATIC") && l.get("line_no").equals("2")) {
                nextLineStart.put(l.get("patient_id"), LocalDate.parse(l.get("start_date")));
            }
        }
        Map<String, String> got = new TreeMap<>();
        for (CSVRecord c : csv(HAND.resolve("expected/expected_cohort.csv"))) {
            if (c.get("status").equals("INCLUDED")) {
                String id = c.get("patient_id");
                for (Toxicity.TermGrade g : facts.grade(id, LocalDate.parse(c.get("index_date")),
                        LocalDate.parse(c.get("index_line_end")), nextLineStart.get(id))) {
                    got.put(id + "#" + g.term(), columns(g) + "|" + g.ctcaeVersion());
                }
            }
        }
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord e : csv(HAND.resolve("expected/expected_toxicity.csv"))) {
            want.put(e.get("patient_id") + "#" + e.get("ctcae_term"), columns(e) + "|5.0");
        }
        KeyedRows.assertSameRows(want, got);
    }

    @Test
    void theSampleAsPlanted() throws IOException {
        ToxicityFacts facts = ToxicityFacts.of(SAMPLE.resolve(EXTRACT.toString()), EXTRACT);
        Path truth = SAMPLE.resolve("truth").resolve(EXTRACT.toString());
        Map<String, String> got = new TreeMap<>();
        int included = 0;
        for (CSVRecord p : csv(truth.resolve("patients.csv"))) {
            if (p.get("expected_step").equals("INCLUDED")) {
                included++;
                String id = p.get("patient_id");
                for (Toxicity.TermGrade g : facts.grade(id, LocalDate.parse(p.get("index_date")), LocalDate.parse(p.get("index_line_end")),
                        p.get("next_line_start").isEmpty() ? null : LocalDate.parse(p.get("next_line_start")))) {
                    got.put(id + "#" + g.term(), columns(g));
                }
            }
        }
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord t : csv(truth.resolve("toxicity.csv"))) {
            want.put(t.get("patient_id") + "#" + t.get("ctcae_term"), columns(t));
        }
        assertTrue(included > 200 && want.size() > 1000, "the sample's cohort and its planted toxicities");
        KeyedRows.assertSameRows(want, got);
    }

    private static String columns(Toxicity.TermGrade g) {
        return String.join("|", Integer.toString(g.maxGrade()), g.source(), g.firstOnsetDate().toString(), g.maxGradeDate().toString());
    }

    private static String columns(CSVRecord expected) {
        return String.join("|", expected.get("max_grade"), expected.get("source"), expected.get("first_onset_date"),
                expected.get("max_grade_date"));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }
}
