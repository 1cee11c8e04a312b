package org.oncorwe.ingest.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled synthetic sample through the whole per-row and cross-row ingest: every planted defect's
 * truth (damage.csv: file, line, expected outcome) comes out — rejects by reason, findings on accepted
 * rows, COLLAPSED — and every other row is accepted. The cross-row findings the generator does not
 * plant are pinned by count (decision 88).
 */
@Tag("unit")
class SampleIngestTest {

    static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like");
    /**
     * Identical rows the generator wrote without planting them (two recorded AEs of one patient, same
     * term, day and grade): the contract collapses them; damage.csv does not list them (decision 80).
     */
    static final Set<String> UNPLANTED_COLLAPSED = Set.of();
    static final Set<String> FINDINGS = Set.of("UNMAPPED_DRUG", "DATE_IMPUTED", "UNMAPPED_AE_TERM", "CODE_NAME_DISAGREE",
            "DERIVED_ANC");

    @Test
    void everyPlantedOutcomeAndNothingElse() throws IOException {
        Map<String, String> damage = new HashMap<>();
        try (Reader r = Files.newBufferedReader(SAMPLE.resolve("truth/2020-10-31/damage.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord d : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                damage.put(d.get("file") + ":" + d.get("line_number"), d.get("expected"));
            }
        }
        RulesOverExtract.Run run = RulesOverExtract.run(SAMPLE.resolve("2020-10-31"), LocalDate.of(2020, 10, 31));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RowOutcome o : run.rows()) {
            String at = o.file() + ":" + o.lineNumber();
            String expected = UNPLANTED_COLLAPSED.contains(at) ? "COLLAPSED" : damage.get(at);
            String got = switch (o.status()) {
                case COLLAPSED -> "COLLAPSED";
                case REJECTED -> o.reject().reason().name();
                case ACCEPTED -> "ACCEPTED";
            };
            if (expected != null) {
                seen.merge(expected, 1, Integer::sum);
            }
            boolean ok = expected == null ? got.equals("ACCEPTED")
                    : FINDINGS.contains(expected)
                            ? o.accepted() && o.findings().stream().anyMatch(f -> f.finding().name().equals(expected))
                            : got.equals(expected);
            if (!ok) {
                problems.add(at + " expected " + (expected == null ? "ACCEPTED" : expected) + ", got " + got
                        + (o.reject() == null ? "" : " " + o.reject().detail()));
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first: " + problems.subList(0, Math.min(10, problems.size())));
        assertEquals(damage.size() + UNPLANTED_COLLAPSED.size(), seen.values().stream().mapToInt(Integer::intValue).sum(), "every planted defect is a row read");
        assertEquals(Map.of("DERIVED_ANC", seen.getOrDefault("DERIVED_ANC", 0)), crossRowFindings(run),
                "no cross-row finding but the planted derived ANCs (decision 88)");
        assertEquals(999, run.patients().values().stream().filter(PatientSummary::accepted).count());
        assertTrue(seen.getOrDefault("COLLAPSED", 0) > 100 && seen.get("DUPLICATE_CONFLICT") == 2
                && seen.get("PATIENT_REJECTED") > 5 && seen.get("UNKNOWN_PATIENT") > 1, seen::toString);
    }

    /** Counts of the findings only the cross-row rules give (the per-row ones are the planted defects'). */
    private static Map<String, Integer> crossRowFindings(RulesOverExtract.Run run) {
        Set<String> crossRow = Set.of("DERIVED_ANC", "LAST_CONTACT_BEFORE_EVENT", "OVERALL_RESPONSE_CONFLICT",
                "EVENT_SHORTLY_AFTER_DEATH");
        Map<String, Integer> counts = new HashMap<>();
        run.rows().forEach(o -> o.findings().stream().map(f -> f.finding().name()).filter(crossRow::contains)
                .forEach(f -> counts.merge(f, 1, Integer::sum)));
        return counts;
    }
}
