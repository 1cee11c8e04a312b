package org.oncorwe.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.ConfidenceIntervalType;
import org.oncorwe.stats.MedianCiMethod;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One test per step of the precedence chain (reference.conf &lt; conf/application.conf &lt;
 * --config FILE &lt; ONCORWE_* &lt; -D), each showing that the higher layer wins and that
 * what it does not set still comes from below.
 */
@Tag("unit")
class ConfigPrecedenceTest {

    private final Path home = TestPaths.emptyHome("config-home");

    private void applicationConf(String text) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/application.conf"), text);
    }

    private Path configFile(String text) throws IOException {
        Path f = Files.createTempFile(home, "override", ".conf");
        Files.writeString(f, text);
        return f;
    }

    private OncoRweConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        return ConfigLoader.load(new ConfigSources(home, file, env, overrides));
    }

    @Test
    void referenceConfAloneGivesTheDocumentedDefaults() {
        OncoRweConfig c = load(Optional.empty(), Map.of(), Map.of());
        assertEquals(ConfidenceIntervalType.LOG, c.get(ConfigKeys.STATS_CONF_TYPE));
        assertEquals(MedianCiMethod.R, c.get(ConfigKeys.STATS_MEDIAN_CI));
        assertEquals(60.0, c.get(ConfigKeys.STATS_RMST_TAU_MONTHS));
        assertEquals(5, c.get(ConfigKeys.PRIVACY_MIN_CELL_COUNT));
        assertEquals(false, c.get(ConfigKeys.PRIVACY_ALLOW_DEVELOPMENT_KEY));
        assertEquals(DayWindow.days(30), c.get(ConfigKeys.HER2_WINDOW_DAYS));
        assertEquals(java.util.List.of(12, 24, 36, 60), c.get(ConfigKeys.STATS_LANDMARK_MONTHS));
    }

    @Test
    void applicationConfOverridesReference() throws IOException {
        applicationConf("stats.median_ci = symmetric\n");
        OncoRweConfig c = load(Optional.empty(), Map.of(), Map.of());
        assertEquals(MedianCiMethod.SYMMETRIC, c.get(ConfigKeys.STATS_MEDIAN_CI));
        assertEquals(ConfidenceIntervalType.LOG, c.get(ConfigKeys.STATS_CONF_TYPE));
    }

    @Test
    void configFileIsMergedOverApplicationConfNotReplacingIt() throws IOException {
        applicationConf("stats { median_ci = symmetric, conf_type = plain }\n");
        Path file = configFile("stats.conf_type = log-log\n");
        OncoRweConfig c = load(Optional.of(file), Map.of(), Map.of());
        assertEquals(ConfidenceIntervalType.LOG_LOG, c.get(ConfigKeys.STATS_CONF_TYPE));
        assertEquals(MedianCiMethod.SYMMETRIC, c.get(ConfigKeys.STATS_MEDIAN_CI), "kept from application.conf");
    }

    @Test
    void environmentOverridesConfigFile() throws IOException {
        Path file = configFile("stats { conf_type = log-log, median_ci = symmetric }\n");
        OncoRweConfig c = load(Optional.of(file), Map.of("ONCORWE_STATS_CONF__TYPE", "plain"), Map.of());
        assertEquals(ConfidenceIntervalType.PLAIN, c.get(ConfigKeys.STATS_CONF_TYPE));
        assertEquals(MedianCiMethod.SYMMETRIC, c.get(ConfigKeys.STATS_MEDIAN_CI), "kept from the file");
    }

    @Test
    void dashDOverridesEnvironment() {
        Map<String, String> env = Map.of("ONCORWE_STATS_CONF__TYPE", "plain", "ONCORWE_STATS_MEDIAN__CI", "symmetric");
        OncoRweConfig c = load(Optional.empty(), env, Map.of("stats.conf_type", "log"));
        assertEquals(ConfidenceIntervalType.LOG, c.get(ConfigKeys.STATS_CONF_TYPE));
        assertEquals(MedianCiMethod.SYMMETRIC, c.get(ConfigKeys.STATS_MEDIAN_CI), "kept from the environment");
    }

    @Test
    void laterDashDOfTheSameKeyWins() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("privacy.min_cell_count", "3");
        overrides.put("privacy.min_cell_count ", "11");
        assertEquals(11, load(Optional.empty(), Map.of(), overrides).get(ConfigKeys.PRIVACY_MIN_CELL_COUNT));
    }

    @Test
    void reservedVariablesAndForeignVariablesAreNotConfig() {
        Map<String, String> env = Map.of("ONCORWE_PSEUDONYM_KEY", "secret", "ONCORWE_HOME", "/x",
                "ONCORWE_JAVA_OPTS", "-Xss4m", "PATH", "/bin", "CONFIG_FORCE_stats_conf__type", "plain");
        OncoRweConfig c = load(Optional.empty(), env, Map.of());
        assertEquals(ConfidenceIntervalType.LOG, c.get(ConfigKeys.STATS_CONF_TYPE));
    }

    @Test
    void environmentAndDashDStringsTakeEachKeysType() {
        Map<String, String> env = Map.of(
                "ONCORWE_STATS_LANDMARK__MONTHS", "6, 18",
                "ONCORWE_HER2_WINDOW__DAYS", "any",
                "ONCORWE_PRIVACY_ALLOW__DEVELOPMENT__KEY", "true",
                "ONCORWE_INGEST_MAX__UNDECODABLE__FRACTION", "0.05");
        Map<String, String> overrides = Map.of("ingest.missing_markers", "[\"\", \"N/A\"]",
                "runtime.spark_conf.spark.sql.files.maxPartitionBytes", "64m");
        OncoRweConfig c = load(Optional.empty(), env, overrides);
        assertEquals(java.util.List.of(6, 18), c.get(ConfigKeys.STATS_LANDMARK_MONTHS));
        assertEquals(DayWindow.ANY, c.get(ConfigKeys.HER2_WINDOW_DAYS));
        assertEquals(true, c.get(ConfigKeys.PRIVACY_ALLOW_DEVELOPMENT_KEY));
        assertEquals(0.05, c.get(ConfigKeys.INGEST_MAX_UNDECODABLE_FRACTION));
        assertEquals(java.util.List.of("", "N/A"), c.get(ConfigKeys.INGEST_MISSING_MARKERS));
        assertEquals(Map.of("spark.sql.files.maxPartitionBytes", "64m"), c.get(ConfigKeys.RUNTIME_SPARK_CONF));
    }

    @Test
    void freeFormSparkSettingsMayBeWrittenUnquotedInFiles() throws IOException {
        Path file = configFile("runtime.spark_conf { spark.sql.shuffle.partitions = 7, \"spark.ui.enabled\" = false }\n");
        OncoRweConfig c = load(Optional.of(file), Map.of(), Map.of());
        assertEquals(Map.of("spark.sql.shuffle.partitions", "7", "spark.ui.enabled", "false"),
                c.get(ConfigKeys.RUNTIME_SPARK_CONF));
    }

    @Test
    void substitutionsResolveAcrossLayers() throws IOException {
        applicationConf("stats.os_landmark_responder_days = ${endpoints.long_term_responder_days}\n");
        OncoRweConfig c = load(Optional.empty(), Map.of(), Map.of("endpoints.long_term_responder_days", "1000"));
        assertEquals(1000, c.get(ConfigKeys.STATS_OS_LANDMARK_RESPONDER_DAYS));
    }
}
