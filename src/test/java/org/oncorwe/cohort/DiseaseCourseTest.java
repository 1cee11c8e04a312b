package org.oncorwe.cohort;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Disease course (domain-rules §1) against the hand fixture and the sample's planted truth. */
@Tag("unit")
class DiseaseCourseTest {

    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);

    private static String describe(ExtractFacts facts, String id, LocalDate index, boolean dfiInDays) {
        DiseaseCourse.Course c = facts.course(id, EXTRACT);
        boolean curativeBeforeIndex = facts.surgeries().getOrDefault(id, List.of()).stream()
                .anyMatch(s -> "CURATIVE".equals(s.intent()) && s.date().isBefore(index));
        Set<String> sites = DiseaseCourse.sitesAtIndex(facts.events().getOrDefault(id, List.of()), index, DiseaseCourse.Params.defaults());
        String dfi = c.dfiMonths() == null ? "" : dfiInDays
                ? Long.toString(Math.round(c.dfiMonths() * 30.4375)) : String.format(Locale.ROOT, "%.4f", c.dfiMonths());
        return String.join(",", c.diseaseSetting(), String.valueOf(c.relapseContext() == null ? "" : c.relapseContext()),
                Boolean.toString(curativeBeforeIndex), dfi, Boolean.toString(DiseaseCourse.visceral(sites)),
                Boolean.toString(sites.contains("BONE")), Boolean.toString(sites.contains("BRAIN")));
    }

    @Test
    void theHandFixtureAsComputedByHand() throws IOException {
        Path hand = TestPaths.home().resolve("src/test/resources/fixtures/hand");
        ExtractFacts facts = ExtractFacts.of(hand.resolve("2020-10-31"), EXTRACT);
        List<String> diffs = new ArrayList<>();
        int checked = 0;
        for (CSVRecord e : ExtractFacts.csv(hand.resolve("expected/expected_cohort.csv"), '#')) {
            if (!e.get("status").equals("INCLUDED")) {
                continue;
            }
            checked++;
            String id = e.get("patient_id");
            String want = String.join(",", e.get("disease_setting"), e.get("relapse_context"), e.get("curative_surgery"),
                    e.get("dfi_days"), e.get("visceral_mets"), e.get("bone_mets"), e.get("brain_mets"));
            String got = describe(facts, id, LocalDate.parse(e.get("index_date")), true);
            if (!want.equals(got)) {
                diffs.add(id + " want " + want + " got " + got);
            }
        }
        assertTrue(checked >= 15, Integer.toString(checked));
        assertEquals(List.of(), diffs);
    }

    @Test
    void theSampleCohortAsPlanted() throws IOException {
        Path sample = TestPaths.home().resolve("sample-data/smc-like");
        ExtractFacts facts = ExtractFacts.of(sample.resolve("2020-10-31"), EXTRACT);
        List<String> diffs = new ArrayList<>();
        int checked = 0;
        for (CSVRecord t : ExtractFacts.csv(sample.resolve("truth/2020-10-31/patients.csv"), null)) {
            if (!t.get("expected_step").equals("INCLUDED")) {
                continue;
            }
            checked++;
            String id = t.get("patient_id");
            String want = String.join(",", t.get("disease_setting"), t.get("relapse_context"), t.get("curative_surgery"),
                    t.get("dfi_months"), t.get("visceral_mets"), t.get("bone_mets"), t.get("brain_mets"));
            String got = describe(facts, id, LocalDate.parse(t.get("index_date")), false);
            if (!want.equals(got)) {
                diffs.add(id + " want " + want + " got " + got);
            }
        }
        assertTrue(checked > 150, Integer.toString(checked));
        assertEquals(List.of(), diffs, () -> diffs.size() + " differ");
    }
}
