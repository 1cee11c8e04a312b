package org.oncorwe.cohort;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.rules.PatientSummary;
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

/** Lines of therapy of the bundled sample against the lines the generator planted (truth/lines.csv). */
@Tag("unit")
class LinesOfTherapySampleTest {

    static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like");
    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);

    @Test
    void everyPlantedLine() throws IOException {
        ExtractFacts facts = ExtractFacts.of(SAMPLE.resolve("2020-10-31"), EXTRACT);
        Map<String, List<String>> planted = new HashMap<>();
        try (Reader r = Files.newBufferedReader(SAMPLE.resolve("truth/2020-10-31/lines.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord e : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                planted.computeIfAbsent(e.get("patient_id"), k -> new ArrayList<>()).add(String.join(",", e.get("setting"),
                        e.get("line_no"), e.get("regimen"), e.get("regimen_label"), e.get("start_date"), e.get("end_date")));
            }
        }
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, List<String>> p : planted.entrySet()) {
            PatientSummary s = facts.patients().get(p.getKey());
            if (s == null || !s.accepted()) {
                continue; // a rejected patient (planted DUPLICATE_CONFLICT) has no accepted rows to build lines from
            }
            List<String> got = new ArrayList<>();
            for (LinesOfTherapy.Line l : facts.lines(p.getKey(), EXTRACT)) {
                got.add(String.join(",", l.setting(), Integer.toString(l.lineNo()), l.regimen(), l.label(),
                        l.start().toString(), l.end().toString()));
            }
            // the truth lists the lines it plants (decision 18): they must be the patient's first lines, in order
            if (got.size() < p.getValue().size() || !got.subList(0, p.getValue().size()).equals(p.getValue())) {
                diffs.add(p.getKey() + "\n  planted " + p.getValue() + "\n  derived " + got);
            }
        }
        assertTrue(planted.size() > 250, "cohort and TH/THP archetype patients");
        assertEquals(List.of(), diffs, () -> diffs.size() + " patients differ, first: " + diffs.subList(0, Math.min(5, diffs.size())));
    }
}
