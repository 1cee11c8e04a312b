package org.oncorwe.stats.stage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The stats stage's R goldens (src/test/resources/golden/stats-stage, made by make_stats_goldens.R
 * from the sample's analysis CSVs): the analysis CSV of a study (one row per cohort patient, what
 * the stage reads), and the comparison of the stage's rows with R's as outputs.md's "Agreement with
 * R" defines it. The goldens hold times in days; the stage's time columns are months and are
 * multiplied by days_per_month before comparing (decision 213).
 */
final class StageGoldens {

    static final Path DIR = TestPaths.home().resolve("src/test/resources/golden/stats-stage");
    /** The configured studies, each with its analysis_<study>.csv. */
    static final List<String> STUDIES = List.of("first_line_thp", "first_line_th", "second_line_tdm1", "first_line_th_vs_thp");
    /** R's NA in the goldens, and a missing level in the keys. */
    static final String NA = "NA";

    /** The endpoint columns of the analysis CSV after patient_key and the study's factor columns (StatsStage.observe's input). */
    static final List<String> ENDPOINT_COLUMNS = List.of("os_days", "os_event", "pfs_days", "pfs_event", "pfs_trial_days",
            "pfs_trial_event", "responder", "dor_days", "dor_event", "docetaxel_admins", "docetaxel_before_landmark",
            "index_line_days");

    /** Key columns of each compared table (after study). */
    static final Map<String, List<String>> KEYS = Map.of(
            "survival_summary", List.of("endpoint", "factor", "level", "median_ci_method"),
            "survival_landmark", List.of("endpoint", "factor", "level", "time"),
            "survival_test", List.of("endpoint", "factor", "test", "strata", "adjusted_for"),
            "hazard_ratio", List.of("endpoint", "factor", "term", "strata", "adjusted_for"));
    static final Set<String> COUNTS = Set.of("n", "events", "n_risk", "df");
    static final Set<String> TEXTS = Set.of("reference");
    static final Set<String> P_VALUES = Set.of("p_value");

    private StageGoldens() {
    }

    /** The analysis CSV's columns for a study: patient_key, its factor columns (stats settings' order), the endpoint columns. */
    static List<String> columns(String study, StatsSettings s) {
        List<String> out = new ArrayList<>();
        out.add("patient_key");
        out.addAll(s.cohortColumns(study));
        out.addAll(ENDPOINT_COLUMNS);
        return out;
    }

    /** The analysis CSV text of rows (by column name; null written empty), sorted by patient_key. */
    static String analysisCsv(List<Map<String, Object>> rows, List<String> columns) {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(r -> (String) r.get("patient_key")));
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord(columns);
            for (Map<String, Object> r : sorted) {
                List<String> values = new ArrayList<>();
                columns.forEach(c -> values.add(r.get(c) == null ? "" : r.get(c).toString()));
                p.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A file's text without its '#' lines. */
    static String body(Path file) {
        try {
            StringBuilder b = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#")) {
                    b.append(line).append('\n');
                }
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> records(Path file) {
        try {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(body(file)))) {
                out.add(new LinkedHashMap<>(r.toMap()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path analysisFile(String study) {
        return DIR.resolve("analysis_" + study + ".csv");
    }

    /** The study's patients as StatsStage.observe builds them, from its analysis CSV. */
    static List<Observations.Patient> patients(String study, StatsSettings s) {
        List<Observations.Patient> out = new ArrayList<>();
        for (Map<String, String> r : records(analysisFile(study))) {
            Map<String, String> levels = new HashMap<>();
            s.cohortColumns(study).forEach(c -> levels.put(c, text(r.get(c))));
            Integer before = integer(r.get("docetaxel_before_landmark"));
            String responder = text(r.get("responder"));
            out.add(new Observations.Patient(levels, integer(r.get("os_days")), integer(r.get("os_event")),
                    integer(r.get("pfs_days")), integer(r.get("pfs_event")), integer(r.get("pfs_trial_days")),
                    integer(r.get("pfs_trial_event")), integer(r.get("dor_days")), integer(r.get("dor_event")),
                    responder == null ? null : Boolean.valueOf(responder), integer(r.get("docetaxel_admins")),
                    before == null ? 0 : before, integer(r.get("index_line_days"))));
        }
        return out;
    }

    private static String text(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    private static Integer integer(String v) {
        return text(v) == null ? null : Integer.valueOf(v);
    }

    /** An OutputTable's rows as maps by column name, study set. */
    static List<Map<String, Object>> rows(OutputTable t, String study) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] values : t.rows()) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(t.columns().get(i).name(), values[i]);
            }
            row.put("study", study);
            out.add(row);
        }
        return out;
    }

    /**
     * Compares the stage's rows of one table with R's (golden file {@code <table><suffix>.csv}):
     * the same keys, every golden value column; returns the largest scaled deviation per column,
     * |x − r| / max(1, |r|). A suppressed survival_summary row (published copy) may hold null counts.
     */
    static Map<String, Double> compare(String table, String suffix, List<Map<String, Object>> stage, double daysPerMonth) {
        Path file = DIR.resolve(table + suffix + ".csv");
        List<String> keys = new ArrayList<>(List.of("study"));
        keys.addAll(KEYS.get(table));
        Map<String, Map<String, String>> golden = new TreeMap<>();
        for (Map<String, String> r : records(file)) {
            golden.put(key(keys, r::get, daysPerMonth, false), r);
        }
        Map<String, Map<String, Object>> mine = new TreeMap<>();
        for (Map<String, Object> r : stage) {
            if (mine.put(key(keys, r::get, daysPerMonth, true), r) != null) {
                fail(table + ": two stage rows with key " + key(keys, r::get, daysPerMonth, true));
            }
        }
        assertEquals(new TreeSet<>(golden.keySet()), new TreeSet<>(mine.keySet()), table + suffix + ": the rows R has");
        Map<String, Double> max = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> e : golden.entrySet()) {
            Map<String, Object> x = mine.get(e.getKey());
            boolean suppressed = Boolean.TRUE.equals(x.get("suppressed"));
            for (Map.Entry<String, String> c : e.getValue().entrySet()) {
                String column = c.getKey();
                if (keys.contains(column)) {
                    continue;
                }
                String where = table + suffix + " " + e.getKey() + " " + column;
                Object value = x.get(column);
                String r = c.getValue();
                if (TEXTS.contains(column)) {
                    assertEquals(r, value == null ? NA : value.toString(), where);
                } else if (COUNTS.contains(column)) {
                    if (value == null && suppressed) {
                        continue;
                    }
                    assertEquals(r, value == null ? NA : String.valueOf(((Number) value).longValue()), where);
                } else {
                    double v = value == null ? Double.NaN : ((Number) value).doubleValue();
                    if (StudyStatistics.TIME_COLUMNS.contains(column)) {
                        v *= daysPerMonth;
                    }
                    max.merge(column, agree(r, v, P_VALUES.contains(column), where), Math::max);
                }
            }
        }
        return max;
    }

    /** outputs.md's agreement: |x − r| ≤ 1e-6·max(1, |r|), p-values also |x − r| ≤ 1e-12, NA ↔ null/NaN. */
    static double agree(String expected, double actual, boolean pValue, String where) {
        if (expected.equals(NA) || expected.equals("NaN")) {
            if (!Double.isNaN(actual)) {
                fail(where + ": R gives NA, the stage " + actual);
            }
            return 0;
        }
        double r = Double.parseDouble(expected.replace("Inf", "Infinity"));
        if (Double.isInfinite(r)) {
            assertEquals(r, actual, where);
            return 0;
        }
        double deviation = Math.abs(actual - r) / Math.max(1, Math.abs(r));
        boolean ok = deviation <= 1e-6 || pValue && Math.abs(actual - r) <= 1e-12;
        if (!ok) {
            fail(where + ": R gives " + expected + ", the stage " + actual);
        }
        return Double.isNaN(deviation) ? 0 : deviation;
    }

    /** A row's key; a time key (landmarks) in days to 1e-6, null as NA. */
    private static String key(List<String> keys, java.util.function.Function<String, Object> get, double daysPerMonth,
                              boolean stage) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            Object v = get.apply(k);
            if (k.equals("time") && v != null) {
                double days = stage ? ((Number) v).doubleValue() * daysPerMonth : Double.parseDouble(v.toString());
                v = String.format(java.util.Locale.ROOT, "%.6f", days);
            }
            b.append(v == null ? NA : v).append('|');
        }
        return b.toString();
    }
}
