package org.oncorwe.stats;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.cli.ExitCode;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code oncorwe survival} end to end on CSV (no Spark): its tables equal R's numbers. */
@Tag("unit")
class SurvivalCommandTest {

    static Path goldenInput(Path dir, String set) throws IOException {
        Path file = dir.resolve("input_" + set + ".csv");
        try (InputStream in = SurvivalCommandTest.class.getResourceAsStream(Golden.DIR + "input_" + set + ".csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    static List<Map<String, String>> table(Path dir, String name) throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve(name + ".csv"))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                rows.add(r.toMap());
            }
            return rows;
        }
    }

    private static CliRun survival(Path home, String... args) {
        return CliRun.of(home, Map.of(), Stream.concat(Stream.of("survival"), Stream.of(args)).toArray(String[]::new));
    }

    private static String orNa(String csvValue) {
        return csvValue.isEmpty() ? "NA" : csvValue;
    }

    @Test
    void lungByGroupEqualsRAndReadsStatusOneTwoAsSurvDoes() throws IOException {
        Path home = TestPaths.emptyHome("survival-cmd");
        Path input = goldenInput(home, "lung");
        Path out = home.resolve("tables");
        CliRun r = survival(home, "--input", input.toString(), "--time", "time", "--event", "status",
                "--group", "group", "--times", "90,180,365,730,1000,2000", "--tau", "730", "--format", "csv",
                "--output", out.toString(), "--timings");
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("\ntiming km "), r.out());
        assertTrue(r.out().contains("\ntiming logrank "), r.out());
        assertTrue(r.out().contains("\ntiming cox "), r.out());

        Golden km = Golden.read("km_lung.csv");
        List<Map<String, String>> expected = km.where(g -> g.get("conf_type").equals("log"));
        List<Map<String, String>> curve = table(out, "km_curve");
        assertEquals(expected.size(), curve.size());
        for (int i = 0; i < curve.size(); i++) {
            Map<String, String> e = expected.get(i);
            Map<String, String> a = curve.get(i);
            assertEquals(e.get("factor").equals("all") ? "all" : "group", a.get("factor"));
            assertEquals("adhoc", a.get("study"));
            assertEquals("time", a.get("endpoint"));
            assertEquals(e.get("level"), a.get("level"));
            for (String c : List.of("time", "surv", "std_err", "std_err_log", "lower", "upper")) {
                km.assertAgrees(e.get(c), Double.parseDouble(orNa(a.get(c)).replace("NA", "NaN")), "km_curve " + c);
            }
            assertEquals(e.get("n_risk"), a.get("n_risk"));
        }

        Golden summary = Golden.read("summary_lung.csv");
        List<Map<String, String>> rows = table(out, "survival_summary");
        assertEquals(6, rows.size()); // all, 1, 2 x (r, symmetric)
        for (Map<String, String> e : summary.where(g -> g.get("conf_type").equals("log"))) {
            Map<String, String> a = rows.stream().filter(x -> x.get("level").equals(e.get("level"))
                    && x.get("median_ci_method").equals("r")).findFirst().orElseThrow();
            for (String c : List.of("median", "median_lower", "median_upper", "q25", "q75", "rmst", "rmst_se",
                    "followup_median")) {
                summary.assertAgrees(e.get(c), Double.parseDouble(orNa(a.get(c)).replace("NA", "NaN")), c);
            }
        }

        Golden logrank = Golden.read("logrank_lung.csv");
        Map<String, String> test = table(out, "survival_test").get(0);
        assertEquals("logrank", test.get("test"));
        logrank.assertAgrees(logrank.rows.get(0).get("statistic"), Double.parseDouble(test.get("statistic")), "chisq");
        logrank.assertPValueAgrees(logrank.rows.get(0).get("p_value"), Double.parseDouble(test.get("p_value")), "p");
        assertEquals("1", test.get("df"));

        Golden cox = Golden.read("cox_lung.csv");
        Map<String, String> coxExpected = cox.where(g -> g.get("ties").equals("efron")
                && g.get("reference").equals("1")).get(0);
        Map<String, String> hr = table(out, "hazard_ratio").get(0);
        assertEquals(List.of("2", "1", "efron", "true", ""), List.of(hr.get("term"), hr.get("reference"),
                hr.get("ties"), hr.get("converged"), hr.get("warning")));
        for (String c : List.of("hr", "hr_lower", "hr_upper", "coef", "se")) {
            cox.assertAgrees(coxExpected.get(c), Double.parseDouble(hr.get(c)), "hazard_ratio " + c);
        }
        Map<String, String> lr = table(out, "survival_test").stream().filter(x -> x.get("test").equals("cox_lr"))
                .findFirst().orElseThrow();
        cox.assertAgrees(coxExpected.get("lr"), Double.parseDouble(lr.get("statistic")), "cox_lr");

        Golden landmark = Golden.read("landmark_lung.csv");
        List<Map<String, String>> lm = table(out, "survival_landmark");
        List<Map<String, String>> lmExpected = landmark.where(g -> g.get("conf_type").equals("log"));
        assertEquals(lmExpected.size(), lm.size());
        for (int i = 0; i < lm.size(); i++) {
            landmark.assertAgrees(lmExpected.get(i).get("surv"), Double.parseDouble(orNa(lm.get(i).get("surv"))
                    .replace("NA", "NaN")), "landmark surv");
        }
    }

    @Test
    void strataGiveAStratifiedLogRankAndCurvesPerStratum() throws IOException {
        Path home = TestPaths.emptyHome("survival-strata");
        Path out = home.resolve("tables");
        CliRun r = survival(home, "--input", goldenInput(home, "veteran").toString(), "--time", "time",
                "--event", "status", "--group", "group", "--strata", "strata", "--conf-type", "log-log",
                "--median-ci", "symmetric", "--format", "csv", "--output", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        Golden logrank = Golden.read("logrank_veteran.csv");
        Map<String, String> stratified = table(out, "survival_test").get(1);
        assertEquals("logrank_stratified", stratified.get("test"));
        assertEquals("strata", stratified.get("strata"));
        logrank.assertAgrees(logrank.where(g -> g.get("test").equals("logrank_stratified")).get(0).get("statistic"),
                Double.parseDouble(stratified.get("statistic")), "stratified chisq");
        assertTrue(table(out, "km_curve").stream().anyMatch(x -> x.get("factor").equals("strata")
                && x.get("level").equals("adeno")));
        assertTrue(table(out, "km_curve").stream().allMatch(x -> x.get("conf_type").equals("log-log")));
        assertTrue(r.out().contains("symmetric CI"), r.out());
    }

    @Test
    void missingValuesAreDroppedAndCountedAsNaOmit() throws IOException {
        Path home = TestPaths.emptyHome("survival-na");
        Path input = Files.writeString(home.resolve("in.csv"), "t,e,g\n1,1,a\n2,,a\nNA,1,b\n3,0,\n4,true,b\n5,false,a\n");
        Path out = home.resolve("tables");
        CliRun r = survival(home, "--input", input.toString(), "--time", "t", "--event", "e", "--group", "g",
                "--format", "csv", "--output", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("survival: 3 subjects, 3 rows dropped"), r.out());
        assertEquals(3L, CliRun.onlyManifest(home.resolve("out")).getLong("rows_dropped"));
        assertEquals("3", table(out, "survival_summary").get(0).get("n"));
    }

    @Test
    void inputErrorsExitOneNamingTheRow() throws IOException {
        Path home = TestPaths.emptyHome("survival-bad");
        Path negative = Files.writeString(home.resolve("neg.csv"), "t,e\n1,1\n2,0\n-3,1\n");
        CliRun r = survival(home, "--input", negative.toString(), "--time", "t", "--event", "e",
                "--format", "csv", "--output", home.resolve("o").toString());
        assertEquals(ExitCode.FAILED, r.exitCode());
        assertEquals("error: neg.csv row 3: time -3 in column t is negative", r.err().strip());

        Path badEvent = Files.writeString(home.resolve("ev.csv"), "t,e\n1,1\n2,0\n4,3\n");
        r = survival(home, "--input", badEvent.toString(), "--time", "t", "--event", "e",
                "--format", "csv", "--output", home.resolve("o").toString());
        assertEquals(ExitCode.FAILED, r.exitCode());
        assertTrue(r.err().startsWith("error: ev.csv row 3: event '3' in column e is not one of 0, 1, true, false"),
                r.err());

        r = survival(home, "--input", badEvent.toString(), "--time", "t", "--event", "status",
                "--format", "csv", "--output", home.resolve("o").toString());
        assertEquals(ExitCode.FAILED, r.exitCode());
        assertEquals("error: ev.csv has no column status (columns: t, e)", r.err().strip());
    }

    @Test
    void timefixFalseKeepsNearTiesApartAsR() throws IOException {
        Path home = TestPaths.emptyHome("survival-timefix");
        Path input = goldenInput(home, "tied");
        for (String timefix : List.of("true", "false")) {
            Path out = home.resolve("tables-" + timefix);
            CliRun r = survival(home, "--input", input.toString(), "--time", "time", "--event", "status",
                    "--timefix", timefix, "--format", "csv", "--output", out.toString());
            assertEquals(ExitCode.OK, r.exitCode(), r.err());
            String set = timefix.equals("true") ? "tied" : "tied_notimefix";
            Golden km = Golden.read("km_" + set + ".csv");
            List<Map<String, String>> expected = km.where(g -> g.get("conf_type").equals("log")
                    && g.get("factor").equals("all"));
            List<Map<String, String>> curve = table(out, "km_curve");
            assertEquals(expected.size(), curve.size(), set);
            for (int i = 0; i < curve.size(); i++) {
                km.assertAgrees(expected.get(i).get("time"), Double.parseDouble(curve.get(i).get("time")), "time");
                km.assertAgrees(expected.get(i).get("surv"), Double.parseDouble(curve.get(i).get("surv")), "surv");
            }
        }
    }

    @Test
    void aMonotoneLikelihoodIsReportedNotReturned() throws IOException {
        Path home = TestPaths.emptyHome("survival-monotone");
        Path out = home.resolve("tables");
        CliRun r = survival(home, "--input", goldenInput(home, "group_no_events").toString(), "--time", "time",
                "--event", "status", "--group", "group", "--ties", "breslow", "--format", "csv",
                "--output", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        Map<String, String> hr = table(out, "hazard_ratio").get(0);
        assertEquals(List.of("y", "x", "", "", "", "", "breslow", "false", "MONOTONE_LIKELIHOOD"),
                List.of(hr.get("term"), hr.get("reference"), hr.get("hr"), hr.get("coef"), hr.get("se"),
                        hr.get("hr_lower"), hr.get("ties"), hr.get("converged"), hr.get("warning")));
        Golden cox = Golden.read("cox_group_no_events.csv");
        Map<String, Map<String, String>> tests = new java.util.HashMap<>();
        table(out, "survival_test").forEach(t -> tests.put(t.get("test"), t));
        assertEquals("", tests.get("cox_wald").get("statistic"));
        cox.assertAgrees(cox.rows.get(0).get("lr"), Double.parseDouble(tests.get("cox_lr").get("statistic")), "lr");
        cox.assertAgrees(cox.rows.get(0).get("score"), Double.parseDouble(tests.get("cox_score").get("statistic")),
                "score");
    }
}
