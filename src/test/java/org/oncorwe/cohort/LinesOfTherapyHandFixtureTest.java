package org.oncorwe.cohort;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.dictionary.DrugClass;
import org.oncorwe.ingest.rules.PatientSummary;
import org.oncorwe.ingest.rules.RowOutcome;
import org.oncorwe.ingest.rules.RulesOverExtract;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
        RulesOverExtract.Run run = RulesOverExtract.run(HAND.resolve("2020-10-31"), EXTRACT);
        Map<String, List<LinesOfTherapy.Given>> given = new HashMap<>();
        Map<String, LocalDate> metastatic = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (RowOutcome o : run.rows()) {
            if (!o.accepted()) {
                continue;
            }
            if (o.table().equals("drug_administration") && Boolean.TRUE.equals(o.get("administration_given"))) {
                LocalDate day = ((LocalDateTime) o.get("administration_date")).toLocalDate();
                String klass = o.get("drug_class");
                @SuppressWarnings("unchecked")
                List<String> ingredients = (List<String>) o.get("ingredients");
                for (String ingredient : ingredients) {
                    if (seen.add(o.get("administration_id") + "|" + ingredient)) {
                        given.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(
                                new LinesOfTherapy.Given(day, ingredient, klass == null ? null : DrugClass.valueOf(klass)));
                    }
                }
            }
            if (o.table().equals("tumor_event")) {
                boolean metastasis = "METASTASIS".equals(o.get("event_type"))
                        || ("PRIMARY_DIAGNOSIS".equals(o.get("event_type")) && "IV".equals(o.get("stage")));
                if (metastasis) {
                    metastatic.merge(o.patientId(), o.get("event_date"), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        Map<String, String> got = new TreeMap<>();
        for (PatientSummary s : run.patients().values()) {
            if (!s.accepted()) {
                continue;
            }
            for (LinesOfTherapy.Line l : LinesOfTherapy.derive(given.getOrDefault(s.patientId(), List.of()),
                    metastatic.get(s.patientId()), s.deathDate(), EXTRACT, LinesOfTherapy.Params.defaults())) {
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
