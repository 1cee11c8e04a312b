package org.oncorwe.jobs;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.Scripts;
import org.oncorwe.testing.TestPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launchers on the packaged shaded jar (failsafe runs after package). MVN=false makes
 * a needed rebuild fail loudly instead of rebuilding the tree the tests run from.
 */
@Tag("spark")
class LaunchersIT {

    private static final Path HOME = TestPaths.home();
    private static final Map<String, String> ENV = Map.of("MVN", "false", "PATH", System.getenv("PATH"));

    @Test
    void shadedJarPrintsHelpUnderSparkSubmit() {
        Scripts.Result r = Scripts.run(HOME, ENV, List.of("jobs/submit.sh", "--master", "local[1]", "--", "--help"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: oncorwe [-hV] [COMMAND]"), r.out());
        for (String sub : List.of("run", "ingest", "cohort", "endpoints", "stats", "report", "survival", "generate",
                "export", "schema", "schedule", "bench", "config")) {
            assertTrue(r.out().contains("\n  " + sub + " "), sub);
        }
    }

    @Test
    void localLauncherRunsTheSubcommandsAndExitCodes() throws Exception {
        Scripts.Result help = Scripts.run(HOME, ENV, List.of("jobs/oncorwe", "--help"));
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("\n  survival "));

        Path out = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "launcher-it");
        Scripts.Result nothingStaged = Scripts.run(HOME, ENV, List.of("jobs/oncorwe", "cohort", "--output", out.toString()));
        assertEquals(1, nothingStaged.exitCode(), nothingStaged.err());
        assertEquals("error: no published staged_patient under " + out + " (run ingest first, or give --output)",
                nothingStaged.err().strip().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(nothingStaged.err()));
        Scripts.Result missing = Scripts.run(HOME, ENV, List.of("jobs/oncorwe", "ingest", "--extract", out.resolve("absent").toString(),
                "--output", out.toString()));
        assertEquals(1, missing.exitCode(), missing.err());
        assertEquals("error: extract folder not found: " + out.resolve("absent"), missing.err().strip().lines()
                .filter(l -> l.startsWith("error:")).findFirst().orElse(missing.err()));

        Scripts.Result bad = Scripts.run(HOME, ENV, List.of("jobs/oncorwe", "config", "get", "stats.median_ci",
                "-D", "stats.median_ci=wrong"));
        assertEquals(2, bad.exitCode());
        assertEquals("error: config key stats.median_ci: expected one of r, symmetric, got 'wrong' (from -D stats.median_ci)",
                bad.err().strip());

        Scripts.Result get = Scripts.run(HOME, Map.of("MVN", "false", "PATH", System.getenv("PATH"),
                "ONCORWE_STATS_MEDIAN__CI", "symmetric"), List.of("jobs/oncorwe", "config", "get", "stats.median_ci"));
        assertEquals("symmetric", get.out().strip(), get.err());
    }
}
