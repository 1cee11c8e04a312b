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
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every covariate of every included patient: the fixture's by hand, the sample's as planted. */
@Tag("unit")
class CohortCovariatesTest {

    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    @Test
    void theHandFixtureAsComputedByHand() throws IOException {
        Path hand = TestPaths.home().resolve("src/test/resources/fixtures/hand");
        ExtractFacts facts = ExtractFacts.of(hand.resolve("2020-10-31"), EXTRACT);
        List<String> diffs = new ArrayList<>();
        for (CSVRecord e : ExtractFacts.csv(hand.resolve("expected/expected_cohort.csv"), '#')) {
            if (!e.get("status").equals("INCLUDED")) {
                continue;
            }
            CohortCovariates.Row c = facts.covariates(e.get("patient_id"), EXTRACT);
            String got = String.join("|", s(c.indexDate()), s(c.ageAtIndex()), c.ageGroup(), s(c.menopausalStatus()), c.hrStatus(),
                    c.her2Basis(), c.diseaseSetting(), s(c.relapseContext()), s(c.curativeSurgery()), s(c.perioperativeChemo()),
                    s(c.priorAntiHer2()), s(c.docetaxelAdmins()), s(c.taxaneAdmins()), s(c.docetaxelGroup()), s(c.docetaxelGe6()),
                    s(c.thpCycles()), s(c.dfiDays()), s(c.dfiGroup()), s(c.visceralMets()), s(c.boneMets()), s(c.brainMets()),
                    c.indexRegimen(), c.indexLabel(), s(c.indexLineEnd()));
            List<String> columns = List.of("index_date", "age_at_index", "age_group", "menopausal_status", "hr_status", "her2_basis",
                    "disease_setting", "relapse_context", "curative_surgery", "perioperative_chemo", "prior_anti_her2",
                    "docetaxel_admins", "taxane_admins", "docetaxel_group", "docetaxel_ge6", "thp_cycles", "dfi_days", "dfi_group",
                    "visceral_mets", "bone_mets", "brain_mets", "index_regimen", "index_label", "index_line_end");
            String want = String.join("|", columns.stream().map(e::get).toList());
            if (!Objects.equals(want, got)) {
                diffs.add(e.get("patient_id") + "\n  want " + want + "\n  got  " + got);
            }
        }
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
            CohortCovariates.Row c = facts.covariates(t.get("patient_id"), EXTRACT);
            String got = String.join("|", s(c.indexDate()), s(c.ageAtIndex()), c.ageGroup(), s(c.menopausalStatus()), c.hrStatus(),
                    c.her2Basis(), s(c.priorAntiHer2()), s(c.perioperativeChemo()), s(c.docetaxelAdmins()), s(c.docetaxelGroup()),
                    s(c.indexLineEnd()));
            String want = String.join("|", List.of("index_date", "age_at_index", "age_group", "menopausal_status", "hr_status",
                    "her2_basis", "prior_anti_her2", "perioperative_chemo", "docetaxel_admins", "docetaxel_group", "index_line_end")
                    .stream().map(t::get).toList());
            if (!want.equals(got)) {
                diffs.add(t.get("patient_id") + " want " + want + " got " + got);
            }
        }
        assertTrue(checked > 150);
        assertEquals(List.of(), diffs, () -> diffs.size() + " differ");
    }
}
