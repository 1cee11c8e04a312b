package org.oncorwe.stats.stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.CoxData;
import org.oncorwe.stats.CoxModel;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.stats.tables.SurvivalReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage's survival tables are the survival command's on the same subjects, with configured levels. */
@Tag("unit")
class StudyStatisticsTest {

    private static final StatsSettings S = StatsFixtures.settings();
    private static final List<Observations.Patient> PATIENTS = StatsFixtures.patients(150, 42);

    private static Map<String, OutputTable> tables(String study) {
        return StudyStatistics.of(study, StudyStatistics.count(StatsFixtures.observations(PATIENTS, study, S)),
                StudyStatistics.countPatterns(StatsFixtures.patterns(PATIENTS, S.comparison(study))), S);
    }

    /** The command on the patients' OS days grouped by a factor (null when ungrouped), patients chosen by {@code which}. */
    private static SurvivalReport.Result command(String factor, Predicate<Observations.Patient> which) {
        List<Observations.Patient> chosen = PATIENTS.stream().filter(which).toList();
        String[] groups = factor == null ? null : chosen.stream().map(p -> p.levels().get(factor)).toArray(String[]::new);
        double[] time = chosen.stream().mapToDouble(Observations.Patient::osDays).toArray();
        boolean[] event = new boolean[chosen.size()];
        for (int i = 0; i < event.length; i++) {
            event[i] = chosen.get(i).osEvent() == 1;
        }
        return SurvivalReport.of(SurvivalData.ofSubjects(null, groups, time, event), new SurvivalReport.Options(
                Endpoint.OS, factor, null, S.confType(), S.landmarkDays(), S.rmstTauDays(), S.ties()));
    }

    private static OutputTable table(SurvivalReport.Result r, String name) {
        return r.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertSameRows(List<Map<String, Object>> command, List<Map<String, Object>> stage, String what) {
        StatsFixtures.assertSameRows(command, stage, S.daysPerMonth(), what);
    }

    @Test
    void survivalTablesEqualTheSurvivalCommandOnTheSameSubjects() {
        Map<String, OutputTable> stage = tables("first_line_thp");
        // factor all: every patient
        SurvivalReport.Result all = command(null, p -> true);
        for (String t : List.of("km_curve", "survival_summary", "survival_landmark")) {
            assertSameRows(StatsFixtures.rows(table(all, t), Map.of()),
                    StatsFixtures.rows(stage.get(t), Map.of("endpoint", "os", "factor", "all")), t + " all");
        }
        // hr_status: curves for every level (UNKNOWN and null too), tests over NEGATIVE and POSITIVE only
        Map<String, Object> byHr = Map.of("endpoint", "os", "factor", "hr_status");
        SurvivalReport.Result grouped = command("hr_status", p -> p.levels().get("hr_status") != null);
        for (String level : new String[] {"NEGATIVE", "POSITIVE", "UNKNOWN"}) {
            Map<String, Object> where = new HashMap<>(byHr);
            where.put("level", level);
            for (String t : List.of("km_curve", "survival_summary", "survival_landmark")) {
                assertSameRows(StatsFixtures.rows(table(grouped, t), Map.of("level", level)),
                        StatsFixtures.rows(stage.get(t), where), t + " " + level);
            }
        }
        SurvivalReport.Result known = command("hr_status",
                p -> "NEGATIVE".equals(p.levels().get("hr_status")) || "POSITIVE".equals(p.levels().get("hr_status")));
        for (String t : List.of("survival_test", "logrank_groups", "hazard_ratio")) {
            assertSameRows(StatsFixtures.rows(table(known, t), Map.of()), StatsFixtures.rows(stage.get(t), byHr), t);
        }
        List<Map<String, Object>> nullLevel = StatsFixtures.rows(stage.get("km_curve"), byHr).stream()
                .filter(r -> r.get("level") == null).toList();
        assertTrue(!nullLevel.isEmpty(), "a missing hr_status is described by its own curve (level null)");
    }

    @Test
    void levelsFollowTheConfiguredOrderAndTheFirstIsTheReference() {
        Map<String, OutputTable> stage = tables("first_line_thp");
        List<Object> ageLevels = StatsFixtures.rows(stage.get("survival_summary"),
                        Map.of("endpoint", "os", "factor", "age_group", "median_ci_method", "r")).stream()
                .map(r -> r.get("level")).toList();
        assertEquals(List.of("<=40", "41-50", "51-60", ">60"), ageLevels, "configured, not code-point, order");
        List<Map<String, Object>> hr = StatsFixtures.rows(stage.get("hazard_ratio"), Map.of("endpoint", "os", "factor", "age_group"));
        assertEquals(List.of("41-50", "51-60", ">60"), hr.stream().map(r -> r.get("term")).toList());
        hr.forEach(r -> assertEquals("<=40", r.get("reference")));
        // docetaxel_ge6 is >=6 then <6: the command (code-point order, reference <6) gives the inverse hazard ratio
        Map<String, Object> doc = StatsFixtures.rows(stage.get("hazard_ratio"),
                Map.of("endpoint", "os", "factor", "docetaxel_ge6")).get(0);
        assertEquals("<6", doc.get("term"));
        assertEquals(">=6", doc.get("reference"));
        Object[] commandRow = table(command("docetaxel_ge6", p -> p.levels().get("docetaxel_ge6") != null), "hazard_ratio")
                .rows().get(0);
        assertEquals(">=6", commandRow[StudyStatistics.index(table(command(null, p -> true), "hazard_ratio"), "term")]);
        double commandCoef = (Double) commandRow[StudyStatistics.index(table(command(null, p -> true), "hazard_ratio"), "coef")];
        assertEquals(-commandCoef, (Double) doc.get("coef"), 1e-9);
        // UNKNOWN and null hr_status stay out of the log-rank test: two groups, one degree of freedom
        Map<String, Object> logrank = StatsFixtures.rows(stage.get("survival_test"),
                Map.of("endpoint", "os", "factor", "hr_status", "test", "logrank")).get(0);
        assertEquals(1, logrank.get("df"));
        assertEquals(List.of("NEGATIVE", "POSITIVE"), StatsFixtures.rows(stage.get("logrank_groups"),
                Map.of("endpoint", "os", "factor", "hr_status")).stream().map(r -> r.get("level")).toList());
    }

    @Test
    void timesAreWrittenInMonthsAndFollowUpIsTheReverseKaplanMeier() {
        Map<String, OutputTable> stage = tables("first_line_thp");
        Map<String, Object> os = StatsFixtures.rows(stage.get("survival_summary"),
                Map.of("endpoint", "os", "factor", "all", "median_ci_method", "r")).get(0);
        Map<String, Object> followUp = StatsFixtures.rows(stage.get("survival_summary"),
                Map.of("endpoint", "followup", "factor", "all", "median_ci_method", "r")).get(0);
        assertEquals(60.0, (Double) os.get("rmst_tau"), 1e-12);
        assertEquals((Double) os.get("followup_median"), (Double) followUp.get("median"), 1e-12);
        assertEquals((Double) os.get("followup_crude_median"), (Double) followUp.get("followup_crude_median"), 1e-12);
        assertEquals(null, followUp.get("followup_median"));
        assertTrue(StatsFixtures.rows(stage.get("survival_test"), Map.of("endpoint", "followup")).isEmpty());
        List<Object> landmarks = StatsFixtures.rows(stage.get("survival_landmark"), Map.of("endpoint", "os", "factor", "all"))
                .stream().map(r -> r.get("time")).toList();
        assertEquals(List.of(12.0, 24.0, 36.0, 60.0), landmarks);
    }

    @Test
    void theComparisonIsCoxStratifiedAndAdjustedOnConfiguredLevels() {
        Comparison c = S.comparison("first_line_th_vs_thp");
        Map<String, OutputTable> stage = tables("first_line_th_vs_thp");
        List<Map<String, Object>> adjusted = StatsFixtures.rows(stage.get("hazard_ratio"),
                Map.of("endpoint", "pfs_trial", "factor", "index_label", "strata", "prior_anti_her2")).stream()
                .filter(r -> r.get("adjusted_for") != null).toList();
        assertEquals("index_label=THP", adjusted.get(0).get("term"));
        assertEquals("TH", adjusted.get(0).get("reference"));
        assertEquals("age_group=41-50", adjusted.get(1).get("term"));
        assertEquals("<=40", adjusted.get(1).get("reference"));
        assertEquals("age_group,hr_status,disease_setting,visceral_mets,brain_mets", adjusted.get(0).get("adjusted_for"));
        // the same model fitted directly on per-patient rows (UNKNOWN / null hr_status left out by ofFactors)
        List<CoxData.Factor> factors = new ArrayList<>();
        factors.add(new CoxData.Factor(c.factor(), S.levels(c.factor())));
        c.adjust().forEach(f -> factors.add(new CoxData.Factor(f, S.levels(f))));
        List<CoxData.PatternRow> rows = new ArrayList<>();
        for (Observations.Patient p : PATIENTS) {
            List<String> levels = new ArrayList<>();
            levels.add(p.levels().get(c.factor()));
            c.adjust().forEach(f -> levels.add(p.levels().get(f)));
            if (levels.contains(null)) {
                continue; // a missing level: out of the model, as UNKNOWN is
            }
            rows.add(new CoxData.PatternRow(p.levels().get(c.strata()), p.pfsTrialDays(), levels, p.pfsTrialEvent(),
                    1 - p.pfsTrialEvent()));
        }
        CoxModel.Result direct = CoxModel.withDefaults().with(S.ties()).fit(CoxData.ofFactors(factors, rows));
        assertEquals(direct.terms().size(), adjusted.size());
        for (int i = 0; i < adjusted.size(); i++) {
            assertEquals(direct.terms().get(i).name(), adjusted.get(i).get("term"));
            assertEquals(direct.terms().get(i).hr(), (Double) adjusted.get(i).get("hr"), 1e-9);
        }
        List<Map<String, Object>> stratifiedTests = StatsFixtures.rows(stage.get("survival_test"),
                Map.of("endpoint", "os", "factor", "index_label", "strata", "prior_anti_her2"));
        assertEquals(3, stratifiedTests.stream().filter(r -> r.get("adjusted_for") != null).count());
        assertEquals(List.of("logrank_stratified", "cox_wald", "cox_lr", "cox_score"), stratifiedTests.stream()
                .filter(r -> r.get("adjusted_for") == null).map(r -> r.get("test")).toList());
        assertTrue(StatsFixtures.rows(stage.get("hazard_ratio"), Map.of("endpoint", "pfs", "strata", "prior_anti_her2")).isEmpty(),
                "only the configured endpoints");
        assertTrue(StatsFixtures.rows(tables("first_line_thp").get("hazard_ratio"), Map.of("factor", "index_label")).isEmpty());
    }

    @Test
    void theStratifiedUnadjustedComparisonIsTheCommandsWithStrata() {
        Comparison c = S.comparison("first_line_th_vs_thp");
        Map<String, OutputTable> stage = tables("first_line_th_vs_thp");
        List<Observations.Patient> known = PATIENTS.stream().filter(p -> p.levels().get(c.strata()) != null).toList();
        String[] strata = known.stream().map(p -> p.levels().get(c.strata())).toArray(String[]::new);
        String[] groups = known.stream().map(p -> p.levels().get(c.factor())).toArray(String[]::new);
        double[] time = known.stream().mapToDouble(Observations.Patient::pfsTrialDays).toArray();
        boolean[] event = new boolean[known.size()];
        for (int i = 0; i < event.length; i++) {
            event[i] = known.get(i).pfsTrialEvent() == 1;
        }
        SurvivalReport.Result command = SurvivalReport.of(SurvivalData.ofSubjects(strata, groups, time, event),
                new SurvivalReport.Options("pfs_trial", c.factor(), c.strata(), S.confType(), List.of(), null, S.ties()));
        Map<String, Object> hr = StatsFixtures.rows(command.tables().get(5), Map.of()).get(0);
        List<Map<String, Object>> mine = StatsFixtures.rows(stage.get("hazard_ratio"), Map.of("endpoint", "pfs_trial",
                "strata", "prior_anti_her2")).stream().filter(r -> r.get("adjusted_for") == null).toList();
        assertEquals(1, mine.size());
        assertEquals("THP", mine.get(0).get("term"));
        assertEquals("TH", mine.get(0).get("reference"));
        for (String column : List.of("hr", "hr_lower", "hr_upper", "coef", "se", "p_value")) {
            assertEquals((Double) hr.get(column), (Double) mine.get(0).get(column), 1e-12, column);
        }
        Map<String, Object> logrank = StatsFixtures.rows(command.tables().get(3), Map.of("test", "logrank_stratified")).get(0);
        Map<String, Object> myLogrank = StatsFixtures.rows(stage.get("survival_test"), Map.of("endpoint", "pfs_trial",
                "test", "logrank_stratified")).get(0);
        assertEquals((Double) logrank.get("statistic"), (Double) myLogrank.get("statistic"), 1e-12);
        assertEquals("prior_anti_her2", myLogrank.get("strata"));
    }

    @Test
    void theLandmarkAnalysesAreGroupedByTheirOwnFactor() {
        Map<String, OutputTable> stage = tables("first_line_thp");
        long atRisk126 = PATIENTS.stream().filter(p -> p.osDays() >= 126).count();
        Map<String, Object> lm126 = StatsFixtures.rows(stage.get("survival_summary"),
                Map.of("endpoint", "os_lm126", "factor", "all", "median_ci_method", "r")).get(0);
        assertEquals(atRisk126, lm126.get("n"));
        assertEquals(List.of(">=6", "<6"), StatsFixtures.rows(stage.get("logrank_groups"), Map.of("endpoint", "os_lm126"))
                .stream().map(r -> r.get("level")).toList());
        long responders1066 = PATIENTS.stream().filter(p -> Boolean.TRUE.equals(p.responder()) && p.osDays() >= 1066).count();
        Map<String, Object> lm1066 = StatsFixtures.rows(stage.get("survival_summary"),
                Map.of("endpoint", "os_lm1066", "factor", "all", "median_ci_method", "r")).get(0);
        assertEquals(responders1066, lm1066.get("n"));
        assertEquals(List.of("false", "true"), StatsFixtures.rows(stage.get("survival_summary"),
                        Map.of("endpoint", "os_lm1066", "factor", "index_line_ongoing", "median_ci_method", "r")).stream()
                .map(r -> r.get("level")).toList());
    }
}
