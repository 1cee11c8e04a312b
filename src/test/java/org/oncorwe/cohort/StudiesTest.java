package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.ConfigError;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.testing.TestPaths;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Studies are configuration: the four of reference.conf, a fifth from -D, strict fields, selection. */
@Tag("unit")
class StudiesTest {

    private static OncoRweConfig load(Map<String, String> overrides) {
        return ConfigLoader.load(new ConfigSources(TestPaths.emptyHome("studies"), Optional.empty(), Map.of(), overrides));
    }

    @Test
    void theFourReferenceStudies() {
        Map<String, StudyAttrition.Study> studies = load(Map.of()).get(ConfigKeys.COHORT_STUDIES);
        assertEquals(List.of("first_line_th", "first_line_th_vs_thp", "first_line_thp", "second_line_tdm1"),
                List.copyOf(studies.keySet()));
        StudyAttrition.Study thp = studies.get("first_line_thp");
        assertEquals(new StudyAttrition.Study("first_line_thp", "METASTATIC", 1, List.of("THP"), LocalDate.of(2008, 8, 1),
                LocalDate.of(2020, 10, 31), List.of()), thp);
        assertEquals("INDEX_LINE_IS_THP", thp.labelStep());
        assertEquals("INDEX_LINE_IS_T_DM1", studies.get("second_line_tdm1").labelStep());
        assertEquals(List.of("THP"), studies.get("second_line_tdm1").priorLabels());
        assertEquals("INDEX_LINE_IS_TH_OR_THP", studies.get("first_line_th_vs_thp").labelStep());
    }

    @Test
    void aNewStudyIsConfigurationOnly() {
        OncoRweConfig c = load(Map.of("cohort.studies.third_line_tdxd.index_setting", "METASTATIC",
                "cohort.studies.third_line_tdxd.index_line", "3",
                "cohort.studies.third_line_tdxd.index_labels", "[trastuzumab deruxtecan]",
                "cohort.studies.third_line_tdxd.prior_labels", "[]",
                "cohort.studies.third_line_tdxd.period_start", "2019-01-01",
                "cohort.studies.third_line_tdxd.period_end", "2020-10-31",
                "cohort.studies.first_line_thp.period_end", "2019-12-31"));
        Map<String, StudyAttrition.Study> studies = c.get(ConfigKeys.COHORT_STUDIES);
        assertEquals(new StudyAttrition.Study("third_line_tdxd", "METASTATIC", 3, List.of("trastuzumab deruxtecan"),
                LocalDate.of(2019, 1, 1), LocalDate.of(2020, 10, 31), List.of()), studies.get("third_line_tdxd"));
        assertEquals("INDEX_LINE_IS_TRASTUZUMAB_DERUXTECAN", studies.get("third_line_tdxd").labelStep());
        assertEquals(LocalDate.of(2019, 12, 31), studies.get("first_line_thp").periodEnd());
        assertEquals(List.of(studies.get("third_line_tdxd")), Studies.select(studies, List.of("third_line_tdxd"), "first_line_thp"));
    }

    @Test
    void fieldsAreCheckedAndNamed() {
        assertEquals("config key cohort.studies.first_line_thp.period_end: expected a date yyyy-MM-dd, got '2020-13-01'",
                assertThrows(ConfigError.class, () -> load(Map.of("cohort.studies.first_line_thp.period_end", "2020-13-01"))
                        .get(ConfigKeys.COHORT_STUDIES)).getMessage());
        assertEquals("config key cohort.studies.first_line_thp.index_labls is unknown (a study has index_setting, index_line, "
                        + "index_labels, prior_labels, period_start, period_end)",
                assertThrows(ConfigError.class, () -> load(Map.of("cohort.studies.first_line_thp.index_labls", "[TH]"))
                        .get(ConfigKeys.COHORT_STUDIES)).getMessage());
        assertEquals("config key cohort.studies.second_line_tdm1.prior_labels: name one label per earlier line (1) or none",
                assertThrows(ConfigError.class, () -> load(Map.of("cohort.studies.second_line_tdm1.prior_labels", "[THP, TH]"))
                        .get(ConfigKeys.COHORT_STUDIES)).getMessage());
        assertEquals("config key cohort.studies.first_line_th.index_setting: expected METASTATIC or PERIOPERATIVE, got 'ADJUVANT'",
                assertThrows(ConfigError.class, () -> load(Map.of("cohort.studies.first_line_th.index_setting", "ADJUVANT"))
                        .get(ConfigKeys.COHORT_STUDIES)).getMessage());
    }

    @Test
    void selectionByIdAllOrTheDefault() {
        Map<String, StudyAttrition.Study> studies = load(Map.of()).get(ConfigKeys.COHORT_STUDIES);
        assertEquals(List.of(studies.get("first_line_thp")), Studies.select(studies, List.of(), "first_line_thp"));
        assertEquals(List.copyOf(studies.values()), Studies.select(studies, List.of("all"), "first_line_thp"));
        assertEquals(List.of(studies.get("first_line_th"), studies.get("first_line_thp")),
                Studies.select(studies, List.of("first_line_th", "first_line_thp", "first_line_th"), "first_line_thp"));
        assertEquals("unknown study 'x' (configured: first_line_th, first_line_th_vs_thp, first_line_thp, second_line_tdm1, or all)",
                assertThrows(ConfigError.class, () -> Studies.select(studies, List.of("x"), "first_line_thp")).getMessage());
    }
}
