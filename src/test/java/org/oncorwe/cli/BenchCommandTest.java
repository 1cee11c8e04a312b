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
    void floorIsStillIssue12AndAnythingElseIsRefused() {
        CliRun floor = CliRun.of(home, Map.of(), "bench", "floor", "--output", home.resolve("out").toString());
        assertEquals(ExitCode.NOT_IMPLEMENTED, floor.exitCode());
        assertEquals("bench: not implemented yet: bench floor, issue #12", floor.err().strip());
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
}
