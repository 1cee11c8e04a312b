package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncorwe.cohort.Administrations.DAY0;
import static org.oncorwe.ingest.dictionary.DrugClass.TAXANE;

/** domain-rules §4 covariates of the index line, one rule per test, on hand-built administrations (day 0 = 2019-01-01). */
@Tag("unit")
class CohortCovariatesRulesTest {

    private final Administrations patient = new Administrations();

    /** The taxane covariates of a de novo patient indexed on its METASTATIC line 1 (metastatic since day -10). */
    private String taxaneCovariates() {
        List<LinesOfTherapy.Line> lines = patient.lines(DAY0.minusDays(10));
        DiseaseCourse.Course course = new DiseaseCourse.Course(true, DAY0.minusDays(10), DAY0.minusDays(10), "DE_NOVO", null, null);
        CohortCovariates.Row c = CohortCovariates.of(lines.get(0), lines, patient.given, LocalDate.of(1970, 6, 15), "POST", course,
                List.of(), List.of(), "POSITIVE", "IHC3", DiseaseCourse.Params.defaults());
        return String.join(" ", "index_regimen=" + c.indexRegimen(), "index_label=" + c.indexLabel(),
                "docetaxel_admins=" + c.docetaxelAdmins(), "docetaxel_group=" + c.docetaxelGroup(), "docetaxel_ge6=" + c.docetaxelGe6(),
                "taxane_admins=" + c.taxaneAdmins(), "thp_cycles=" + c.thpCycles());
    }

    @Test
    void paclitaxelThpCountsTaxaneAdministrationsButNoDocetaxel() {
        patient.every(7, 0, 35, TAXANE, "paclitaxel").hp(0, 21, 42, 63); // weekly paclitaxel x6, HP every 3 weeks x4
        assertEquals("index_regimen=paclitaxel+pertuzumab+trastuzumab index_label=THP docetaxel_admins=0 docetaxel_group=null"
                + " docetaxel_ge6=null taxane_admins=6 thp_cycles=4", taxaneCovariates());
    }

    @Test
    void docetaxelAdministrationsCountOnlyDocetaxelDays() {
        patient.thp(0, 21, 42, 63, 84, 105).on(126, TAXANE, "paclitaxel").hp(126, 147); // paclitaxel substituted on day 126
        assertEquals("index_regimen=docetaxel+pertuzumab+trastuzumab index_label=THP docetaxel_admins=6 docetaxel_group=6-9"
                + " docetaxel_ge6=>=6 taxane_admins=7 thp_cycles=8", taxaneCovariates());
    }
}
