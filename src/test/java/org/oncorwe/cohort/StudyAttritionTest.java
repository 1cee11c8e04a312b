package org.oncorwe.cohort;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.rules.PatientSummary;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** first_line_thp's attrition verdict for every accepted patient: the fixture's by hand, the sample's as planted. */
@Tag("unit")
class StudyAttritionTest {

    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);

    @Test
    void theHandFixtureAsComputedByHand() throws IOException {
        Path hand = TestPaths.home().resolve("src/test/resources/fixtures/hand");
        ExtractFacts facts = ExtractFacts.of(hand.resolve("2020-10-31"), EXTRACT);
        List<String> diffs = new ArrayList<>();
        for (CSVRecord e : ExtractFacts.csv(hand.resolve("expected/expected_cohort.csv"), '#')) {
            String got = facts.verdict(e.get("patient_id"), EXTRACT).status();
            if (!got.equals(e.get("status"))) {
                diffs.add(e.get("patient_id") + " want " + e.get("status") + " got " + got);
            }
        }
        assertEquals(List.of(), diffs);
        assertEquals(28, facts.patients().values().stream().filter(PatientSummary::accepted).count());
    }

    @Test
    void theSampleAsPlanted() throws IOException {
        Path sample = TestPaths.home().resolve("sample-data/smc-like");
        ExtractFacts facts = ExtractFacts.of(sample.resolve("2020-10-31"), EXTRACT);
        List<String> diffs = new ArrayList<>();
        int included = 0;
        for (CSVRecord t : ExtractFacts.csv(sample.resolve("truth/2020-10-31/patients.csv"), null)) {
            if (t.get("expected_step").equals("REJECTED")) {
                continue;
            }
            String got = facts.verdict(t.get("patient_id"), EXTRACT).status();
            included += got.equals("INCLUDED") ? 1 : 0;
            if (!got.equals(t.get("expected_step"))) {
                diffs.add(t.get("patient_id") + " " + t.get("archetype") + " want " + t.get("expected_step") + " got " + got);
            }
        }
        assertTrue(included > 150, Integer.toString(included));
        assertEquals(List.of(), diffs, () -> diffs.size() + " differ");
    }
}
