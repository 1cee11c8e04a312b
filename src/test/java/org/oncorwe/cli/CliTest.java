package org.oncorwe.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.TestPaths;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line surface: help everywhere, exit codes, one-line errors. */
@Tag("unit")
class CliTest {

    static final List<String> SUBCOMMANDS = List.of("run", "ingest", "cohort", "endpoints", "stats", "report",
            "survival", "generate", "export", "schema", "schedule", "bench", "config");

    private final Path home = TestPaths.emptyHome("cli");

    @Test
    void topLevelHelpListsEverySubcommand() {
        CliRun r = CliRun.of(home, Map.of(), "--help");
        assertEquals(ExitCode.OK, r.exitCode());
        for (String sub : SUBCOMMANDS) {
            assertTrue(r.out().matches("(?s).*\\n  " + sub + " .*"), () -> sub + " missing from\n" + r.out());
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : SUBCOMMANDS) {
            CliRun r = CliRun.of(home, Map.of(), sub, "--help");
            assertEquals(ExitCode.OK, r.exitCode(), sub);
            assertTrue(r.out().startsWith("Usage: oncorwe " + sub), sub);
        }
        assertTrue(CliRun.of(home, Map.of(), "config", "get", "--help").out().startsWith("Usage: oncorwe config get"));
    }

    @Test
    void survivalHelpShowsEveryOptionOfTheContract() {
        String help = CliRun.of(home, Map.of(), "survival", "--help").out();
        for (String option : List.of("--input=FILE_OR_DIR", "--time=COL", "--event=COL", "--group=COL", "--strata=COL",
                "--conf-type=log|log-log|plain", "--median-ci=r|symmetric", "--ties=efron|breslow", "--times=T",
                "--tau=T", "--timefix=true|false", "--output=DIR", "--format=parquet|csv", "--timings")) {
            assertTrue(help.contains(option), () -> option + " missing from\n" + help);
        }
    }

    @Test
    void noSubcommandOrUnknownOptionIsAUsageError() {
        assertEquals(ExitCode.USAGE, CliRun.of(home, Map.of()).exitCode());
        CliRun r = CliRun.of(home, Map.of(), "run", "--no-such-option");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("error: Unknown option: '--no-such-option' (see 'oncorwe run --help')", r.err().strip());
        assertEquals(ExitCode.USAGE, CliRun.of(home, Map.of(), "survival", "--conf-type", "loglog",
                "--input", "x", "--time", "t", "--event", "e", "--output", "o").exitCode());
    }

    @Test
    void aFailingCommandSaysWhyInOneLine() {
        Path out = home.resolve("out");
        CliRun r = CliRun.of(home, Map.of(), "bench", "floor", "--extract", home.resolve("no-such").toString(),
                "--output", out.toString());
        assertEquals(ExitCode.FAILED, r.exitCode());
        assertEquals("error: extract folder not found: " + home.resolve("no-such").toAbsolutePath(), r.err().strip());
        CliRun survival = CliRun.of(home, Map.of(), "survival", "--input", "no-such.csv",
                "--time", "t", "--event", "e", "--output", out.toString(), "--conf-type", "log-log");
        assertEquals(ExitCode.FAILED, survival.exitCode());
        assertEquals("error: no input no-such.csv", survival.err().strip());
    }

    @Test
    void configGetAndShowNeedNoSparkAndFollowTheLayers() {
        assertEquals("r", CliRun.of(home, Map.of(), "config", "get", "stats.median_ci").out().strip());
        assertEquals("symmetric", CliRun.of(home, Map.of("ONCORWE_STATS_MEDIAN__CI", "symmetric"),
                "config", "get", "stats.median_ci").out().strip());
        assertEquals("log-log", CliRun.of(home, Map.of("ONCORWE_STATS_CONF__TYPE", "plain"),
                "config", "get", "stats.conf_type", "-D", "stats.conf_type=log-log").out().strip());
        assertEquals("[12,24,36,60]", CliRun.of(home, Map.of(), "config", "get", "stats.landmark_months").out().strip());
        String show = CliRun.of(home, Map.of(), "config", "show").out();
        assertTrue(show.contains("stats.median_ci = \"r\"\n"));
        assertTrue(show.matches("(?s).*# config_hash = [0-9a-f]{64}\\n"));
        assertTrue(CliRun.of(home, Map.of(), "config", "show", "--json").out().contains("\"median_ci\": \"r\""));
    }

    @Test
    void badConfigKeyIsOneLineNamingTheKey() {
        CliRun r = CliRun.of(home, Map.of(), "config", "get", "stats.nope");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("error: unknown config key stats.nope", r.err().strip());
        CliRun bad = CliRun.of(home, Map.of(), "config", "show", "-D", "stats.ties=exact");
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertEquals(1, bad.err().strip().lines().count());
        assertTrue(bad.err().contains("stats.ties"));
    }
}
