package org.oncorwe.stats.stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.testing.TestPaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stats stage's plain-Java core on the sample's committed analysis CSVs (what the stage reads,
 * kept current by StatsStageGoldenTest) against R at {@code stats.conf_level} 0.95 and 0.90
 * (make_stats_goldens.R, {@code conf.int = 0.9}): every survival_summary, survival_landmark,
 * survival_test and hazard_ratio row, unsuppressed. At 0.90 every interval moves (KM, both median
 * CIs, quartiles, follow-up, landmarks, HRs); the tests do not depend on the level.
 */
@Tag("unit")
class StudyStatisticsGoldenTest {

    private static StatsSettings settings(double level) {
        StatsSettings s = StatsSettings.from(ConfigLoader.load(ConfigSources.of(TestPaths.emptyHome("stats-golden-unit"))));
        return new StatsSettings(s.confType(), level, s.ties(), s.landmarkMonths(), s.rmstTauMonths(), s.daysPerMonth(),
                s.docetaxelLandmarkDays(), s.responderLandmarkDays(), s.minCellCount(), s.factorLevels(),
                s.subgroupFactors(), s.comparisons());
    }

    @org.junit.jupiter.api.Test
    void aLevelOutsideZeroToOneFailsNamingTheKey() {
        org.oncorwe.config.ConfigError e = org.junit.jupiter.api.Assertions.assertThrows(org.oncorwe.config.ConfigError.class,
                () -> settings(1.5));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("stats.conf_level"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0.95, ''", "0.90, _90"})
    void everyStudysTablesAgreeWithR(double level, String suffix) {
        StatsSettings s = settings(level);
        assertEquals(0.95, StatsSettings.from(ConfigLoader.load(ConfigSources.of(TestPaths.emptyHome("stats-level"))))
                .confLevel(), "the default level");
        Map<String, List<Map<String, Object>>> stage = new TreeMap<>();
        for (String study : StageGoldens.STUDIES) {
            List<Observations.Patient> patients = StageGoldens.patients(study, s);
            Map<String, OutputTable> tables = StudyStatistics.of(study,
                    StudyStatistics.count(StatsFixtures.observations(patients, study, s)),
                    StudyStatistics.countPatterns(StatsFixtures.patterns(patients, s.comparison(study))), s);
            for (String table : StageGoldens.KEYS.keySet()) {
                stage.computeIfAbsent(table, t -> new ArrayList<>()).addAll(StageGoldens.rows(tables.get(table), study));
            }
        }
        Map<String, Map<String, Double>> deviations = new TreeMap<>();
        for (String table : StageGoldens.KEYS.keySet()) {
            // the tests' statistics and p-values do not depend on the level: one golden
            String golden = table.equals("survival_test") ? "" : suffix;
            deviations.put(table, StageGoldens.compare(table, golden, stage.get(table), s.daysPerMonth()));
        }
        System.out.println("conf_level " + level + ": largest |x - r| / max(1, |r|): " + deviations);
    }
}
