package org.oncorwe.stats.stage;

import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.testing.TestPaths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-built, seeded patients for the stats stage's plain-Java tests. */
final class StatsFixtures {

    static final String[] AGE = {"<=40", "41-50", "51-60", ">60"};

    private StatsFixtures() {
    }

    static StatsSettings settings() {
        return StatsSettings.from(ConfigLoader.load(ConfigSources.of(TestPaths.emptyHome("stats-settings"))));
    }

    /** A patient with every factor level given, OS only meaningful. */
    static Observations.Patient patient(Map<String, String> levels, int osDays, int osEvent) {
        return new Observations.Patient(levels, osDays, osEvent, osDays / 2, osEvent, osDays / 3, osEvent, null, null, null,
                null, 0, null);
    }

    /**
     * {@code n} seeded patients: every subgroup factor drawn, some hr_status UNKNOWN or null, TH
     * or THP, days 0-2000 with ties, responders with DoR, docetaxel counts and index line days.
     */
    static List<Observations.Patient> patients(int n, long seed) {
        Random r = new Random(seed);
        List<Observations.Patient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> levels = new HashMap<>();
            levels.put("age_group", AGE[r.nextInt(4)]);
            levels.put("menopausal_status", r.nextInt(20) == 0 ? "UNKNOWN" : r.nextBoolean() ? "PRE" : "POST");
            int hr = r.nextInt(12);
            levels.put("hr_status", hr == 0 ? "UNKNOWN" : hr == 1 ? null : hr < 7 ? "POSITIVE" : "NEGATIVE");
            levels.put("disease_setting", r.nextBoolean() ? "DE_NOVO" : "RELAPSED");
            levels.put("visceral_mets", String.valueOf(r.nextInt(3) == 0));
            levels.put("brain_mets", String.valueOf(r.nextInt(8) == 0));
            levels.put("prior_anti_her2", String.valueOf(r.nextInt(3) == 0));
            int docetaxel = r.nextInt(14);
            levels.put("docetaxel_ge6", docetaxel == 0 ? null : docetaxel >= 6 ? ">=6" : "<6");
            levels.put("index_label", r.nextInt(4) == 0 ? "TH" : "THP");
            int os = 10 * r.nextInt(200);
            int osEvent = r.nextInt(3) == 0 ? 0 : 1;
            boolean responder = r.nextInt(3) > 0;
            int pfs = Math.min(os, 10 * r.nextInt(100));
            Integer dor = responder ? Math.max(0, pfs - 60) : null;
            out.add(new Observations.Patient(levels, os, osEvent, pfs, pfs < os ? 1 : osEvent, pfs, r.nextInt(2), dor,
                    responder ? (pfs < os ? 1 : osEvent) : null, responder, docetaxel, Math.min(docetaxel, r.nextInt(9)),
                    10 * r.nextInt(200)));
        }
        return out;
    }

    static List<Observations.Observation> observations(List<Observations.Patient> patients, String study, StatsSettings s) {
        List<Observations.Observation> out = new ArrayList<>();
        patients.forEach(p -> out.addAll(Observations.of(p, study, s)));
        return out;
    }

    static List<Observations.Pattern> patterns(List<Observations.Patient> patients, Comparison c) {
        List<Observations.Pattern> out = new ArrayList<>();
        patients.forEach(p -> out.addAll(Observations.patterns(p, c)));
        return out;
    }

    /** The table's rows whose columns hold the given values, as maps by column name. */
    static List<Map<String, Object>> rows(OutputTable t, Map<String, Object> where) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] values : t.rows()) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(t.columns().get(i).name(), values[i]);
            }
            if (where.entrySet().stream().allMatch(e -> java.util.Objects.equals(e.getValue(), row.get(e.getKey())))) {
                out.add(row);
            }
        }
        return out;
    }

    /** Every column the command's row has (but study), the stage's time columns in months (× days per month), compared. */
    static void assertSameRows(List<Map<String, Object>> command, List<Map<String, Object>> stage, double daysPerMonth,
                               String what) {
        assertEquals(command.size(), stage.size(), what + ": rows");
        for (int i = 0; i < command.size(); i++) {
            for (Map.Entry<String, Object> e : command.get(i).entrySet()) {
                String c = e.getKey();
                if (c.equals("study")) {
                    continue;
                }
                Object mine = stage.get(i).get(c);
                if (mine instanceof Double d && StudyStatistics.TIME_COLUMNS.contains(c)) {
                    mine = d * daysPerMonth;
                }
                if (e.getValue() instanceof Double r && mine instanceof Double x && Double.isFinite(r)) {
                    assertEquals(r, x, 1e-9 * Math.max(1, Math.abs(r)), what + " row " + i + " " + c);
                } else {
                    assertEquals(e.getValue(), mine, what + " row " + i + " " + c);
                }
            }
        }
    }
}
