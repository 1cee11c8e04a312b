package org.oncorwe.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad key or value fails at start with one message naming the key and where it came from. */
@Tag("unit")
class ConfigValidationTest {

    private final Path home = TestPaths.emptyHome("config-bad");

    private ConfigError fails(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        return assertThrows(ConfigError.class,
                () -> ConfigLoader.load(new ConfigSources(home, file, env, overrides)));
    }

    private static void assertMentions(ConfigError e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention " + part);
        }
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void unknownKeyInApplicationConf() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/application.conf"), "stats {\n  median_cii = symmetric\n}\n");
        assertMentions(fails(Optional.empty(), Map.of(), Map.of()), "unknown config key stats.median_cii",
                "application.conf: 2");
    }

    @Test
    void unknownKeyInConfigFile() throws IOException {
        Path f = Files.writeString(home.resolve("x.conf"), "runtime.mastr = \"local[1]\"\n");
        assertMentions(fails(Optional.of(f), Map.of(), Map.of()), "unknown config key runtime.mastr", "x.conf");
    }

    @Test
    void unknownSectionInConfigFile() throws IOException {
        Path f = Files.writeString(home.resolve("y.conf"), "statistics.conf_type = log\n");
        assertMentions(fails(Optional.of(f), Map.of(), Map.of()), "unknown config key statistics.conf_type");
    }

    @Test
    void unknownKeyFromEnvironmentNamesTheVariable() {
        // a single underscore is a path separator: this is stats.median.ci, not stats.median_ci
        assertMentions(fails(Optional.empty(), Map.of("ONCORWE_STATS_MEDIAN_CI", "r"), Map.of()),
                "unknown config key stats.median.ci", "environment variable ONCORWE_STATS_MEDIAN_CI");
    }

    @Test
    void unknownKeyFromDashD() {
        assertMentions(fails(Optional.empty(), Map.of(), Map.of("cohort.gap_days", "90")),
                "unknown config key cohort.gap_days", "-D cohort.gap_days");
    }

    @Test
    void wrongTypeNamesTheKeyTheValueAndTheLayer() {
        assertMentions(fails(Optional.empty(), Map.of(), Map.of("stats.rmst_tau_months", "five years")),
                "config key stats.rmst_tau_months", "expected a number", "'five years'", "-D stats.rmst_tau_months");
    }

    @Test
    void wrongTypeInAFile() throws IOException {
        Path f = Files.writeString(home.resolve("z.conf"), "cohort.line_gap_days = 120.5\n");
        assertMentions(fails(Optional.of(f), Map.of(), Map.of()), "config key cohort.line_gap_days",
                "expected an integer", "z.conf");
    }

    @Test
    void optionOutsideItsChoicesListsThem() {
        assertMentions(fails(Optional.empty(), Map.of("ONCORWE_STATS_CONF__TYPE", "loglog"), Map.of()),
                "config key stats.conf_type", "one of log, log-log, plain", "'loglog'");
    }

    @Test
    void booleanMustBeTrueOrFalse() {
        assertMentions(fails(Optional.empty(), Map.of(), Map.of("privacy.allow_development_key", "maybe")),
                "config key privacy.allow_development_key", "true or false");
    }

    @Test
    void scalarKeyGivenAnObject() throws IOException {
        Path f = Files.writeString(home.resolve("o.conf"), "stats.conf_type { value = log }\n");
        assertMentions(fails(Optional.of(f), Map.of(), Map.of()), "unknown config key stats.conf_type.value");
    }

    @Test
    void missingConfigFile() {
        assertMentions(fails(Optional.of(home.resolve("absent.conf")), Map.of(), Map.of()),
                "config file not found", "absent.conf");
    }

    @Test
    void unparsableConfigFile() throws IOException {
        Path f = Files.writeString(home.resolve("broken.conf"), "stats { conf_type = \n");
        assertMentions(fails(Optional.of(f), Map.of(), Map.of()), "cannot read config file", "broken.conf");
    }

    @Test
    void errorNeverEchoesAReservedVariable() {
        ConfigError e = fails(Optional.empty(), Map.of("ONCORWE_PSEUDONYM_KEY", "top-secret-key",
                "ONCORWE_STATS_TIES", "exact"), Map.of());
        assertTrue(!e.getMessage().contains("top-secret-key"));
        assertEquals("config key stats.ties: expected one of efron, breslow, got 'exact' "
                + "(from environment variable ONCORWE_STATS_TIES)", e.getMessage());
    }
}
