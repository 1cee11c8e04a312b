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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lines of therapy of every accepted hand-fixture patient against the lines computed by hand. */
@Tag("unit")
class LinesOfTherapyHandFixtureTest {

    static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand");
    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);

    @Test
    void everyLineAsComputedByHand() throws IOException {
        ExtractFacts facts = ExtractFacts.of(HAND.resolve("2020-10-31"), EXTRACT);
        Map<String, String> got = new TreeMap<>();
        for (PatientSummary s : facts.patients().values()) {
            if (!s.accepted()) {
                continue;
            }
            for (LinesOfTherapy.Line l : facts.lines(s.patientId(), EXTRACT)) {
                got.put(s.patientId() + "#" + l.lineSeq(), String.join(",", l.setting(), Integer.toString(l.lineNo()), l.regimen(),
                        l.label(), l.start().toString(), l.end().toString(), l.endReason().name(),
                        l.maintenanceStart() == null ? "" : l.maintenanceStart().toString()));
            }
        }
        Map<String, String> want = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(HAND.resolve("expected/expected_lines.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord e : CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                want.put(e.get("patient_id") + "#" + e.get("line_seq"), String.join(",", e.get("setting"), e.get("line_no"),
                        e.get("regimen"), e.get("regimen_label"), e.get("start_date"), e.get("end_date"), e.get("end_reason"),
                        e.get("maintenance_start")));
            }
        }
        assertEquals(32, want.size(), "the fixture's hand-computed lines");
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(want.keySet());
        keys.addAll(got.keySet());
        for (String k : keys) {
            if (!String.valueOf(want.get(k)).equals(String.valueOf(got.get(k)))) {
                diffs.add(k + "\n  want " + want.get(k) + "\n  got  " + got.get(k));
            }
        }
        assertEquals(List.of(), diffs, () -> diffs.size() + " differences");
    }
}
