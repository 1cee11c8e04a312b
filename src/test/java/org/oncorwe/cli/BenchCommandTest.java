package org.oncorwe.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.bench.BenchData;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.TestPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench subcommand runs (no timing is asserted: it must only not rot). */
@Tag("unit")
class BenchCommandTest {

    private final Path home = TestPaths.emptyHome("bench");

    @Test
    void survivalOnATinyNPrintsTheThreeStepsAndAppendsResults() throws Exception {
        Path out = home.resolve("out");
        Path results = out.resolve("results.csv");
        for (String times : List.of("days", "continuous")) {
            CliRun r = CliRun.of(home, Map.of(), "bench", "survival", "--rows", "300", "--times", times, "--seed", "7",
                    "--output", out.toString(), "--results", results.toString());
            assertEquals(ExitCode.OK, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("bench survival: 300 rows, " + times + " times, seed 7;"), r.out());
            for (String step : List.of("km", "logrank", "cox")) {
                assertTrue(r.out().matches("(?s).*\\n" + step + " +- +\\d+\\.\\d{3} +-\\R.*"), () -> step + " in\n" + r.out());
            }
        }
        List<String> lines = Files.readAllLines(results);
        assertEquals(BenchCommand.RESULTS_HEADER, lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(4).matches("[^,]+,300,continuous,7,km,,[0-9.]+,,[0-9.-]+,[0-9.-]+,\\d+"), lines.get(4));
    }

    @Test
    void floorNeedsAnExtractAndAnythingElseIsRefused() {
        CliRun floor = CliRun.of(home, Map.of(), "bench", "floor", "--output", home.resolve("out").toString());
        assertEquals(ExitCode.FAILED, floor.exitCode());
        assertEquals("error: bench floor: --extract DIR is required", floor.err().strip());
        CliRun other = CliRun.of(home, Map.of(), "bench", "cox", "--output", home.resolve("out").toString());
        assertEquals(ExitCode.FAILED, other.exitCode());
        CliRun noR = CliRun.of(home, Map.of("PATH", ""), "bench", "survival", "--rows", "10", "--r",
                "--output", home.resolve("out").toString());
        assertEquals("error: --r: no Rscript on PATH", noR.err().strip());
    }

    @Test
    void dataIsSeededAndShapedAsTheRScriptMadeIt() {
        BenchData a = BenchData.generate(2000, BenchData.Times.DAYS, 1);
        assertArrayEquals(a.time(), BenchData.generate(2000, BenchData.Times.DAYS, 1).time());
        BenchData c = BenchData.generate(2000, BenchData.Times.CONTINUOUS, 1);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Math.max(1, Math.ceil(c.time()[i])), a.time()[i]);
            assertTrue(c.time()[i] > 0 && c.time()[i] <= 3650, () -> "time " + c.time()[0]);
            assertTrue(List.of("A", "B", "C").contains(a.group()[i]));
        }
    }

    @Test
    void scaleTabulatesAndPlotsTheBenchScriptsResults() throws Exception {
        Path csv = home.resolve("scale/results.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, String.join("\n", "utc,patients,phase,exit,seconds,peak_rss_mb,peak_heap_mb,records,bytes,cores,load",
                "t,100000,floor,0,50.0,800,,9000000,2000000000,2,1.0",
                "t,100000,floor_per_row,0,85.0,900,,9000000,2000000000,2,1.0",
                "t,100000,run,0,90.0,3000,2500,9000000,2000000000,2,1.0",
                "t,1000000,floor,0,500.0,800,,90000000,20000000000,2,1.0",
                "t,1000000,ingest,0,610.4,7000,6000,90000000,20000000000,2,1.0",
                "t,1000000,run.ingest,0,580.6,6000,5000,90000000,20000000000,2,1.0",
                "t,1000000,run.cohort,0,120.0,6000,5000,90000000,20000000000,2,1.0",
                "t,1000000,run,0,950.0,6000,5000,90000000,20000000000,2,1.0") + "\n");
        CliRun r = CliRun.of(home, Map.of(), "bench", "scale", "--results", csv.toString(), "--output", home.resolve("out").toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        // 90 / 50 = 1.80; 950 / 500 = 1.90; slope log(950/90) / log(10) = 1.023
        assertTrue(r.out().contains("| 100,000 | 9,000,000 | 2,000,000,000 | 50 | 85 | 90 | 1.80 | – | – | – | – | – | 3000 | 2500 | – | – |"),
                r.out());
        // a stage alone, then its share of the whole run in brackets; a stage measured only inside the run
        assertTrue(r.out().contains("| 1,000,000 | 90,000,000 | 20,000,000,000 | 500 | – | 950 | 1.90 | 610 (581) | – (120) | – | – | – | 6000 |"),
                r.out());
        assertTrue(r.out().contains("log-log slope of run seconds on patients, 100 000 to 1 000 000: 1.023"), r.out());
        assertTrue(Files.size(home.resolve("scale/results.png")) > 1000, "the plot");
    }
}
