package org.oncorwe.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class ConfigKeysTest {

    @Test
    void everyKeyHasACommentedDefaultInReferenceConfAndNothingElseIsThere() {
        Config reference = ConfigLoader.reference();
        Set<String> inReference = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
            if (ConfigKeys.freeForm().stream().anyMatch(k -> e.getKey().startsWith(k.path() + "."))) {
                continue; // a field of a free-form key (cohort.studies.<id>.<field>): its key's comment explains it
            }
            inReference.add(e.getKey());
            assertFalse(e.getValue().origin().comments().isEmpty(), () -> e.getKey() + " has no comment in reference.conf");
        }
        Set<String> declared = ConfigKeys.ALL.stream()
                .filter(k -> !ConfigKeys.freeForm().contains(k)).map(ConfigKey::path)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, inReference);
        for (ConfigKey<?> freeForm : ConfigKeys.freeForm()) {
            assertTrue(reference.hasPathOrNull(freeForm.path()), freeForm.path());
        }
        assertTrue(ConfigKeys.ALL.stream().allMatch(k -> ConfigKeys.SECTIONS.contains(k.section())));
    }

    @Test
    void environmentMappingRoundTripsEveryKey() {
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            assertEquals(k.path(), EnvironmentMapping.pathOf(EnvironmentMapping.variableOf(k.path())).orElseThrow());
        }
        assertEquals("ONCORWE_STATS_MEDIAN__CI", EnvironmentMapping.variableOf("stats.median_ci"));
        assertEquals("stats.median_ci", EnvironmentMapping.pathOf("ONCORWE_STATS_MEDIAN__CI").orElseThrow());
        assertTrue(EnvironmentMapping.pathOf("ONCORWE_PSEUDONYM_KEY").isEmpty());
        assertTrue(EnvironmentMapping.pathOf("JAVA_HOME").isEmpty());
    }

    @Test
    void configHashCoversAnalysisKeysOnlyAndIgnoresSpelling() {
        var home = TestPaths.emptyHome("hash");
        OncoRweConfig base = ConfigLoader.load(ConfigSources.of(home));
        OncoRweConfig otherRuntime = ConfigLoader.load(new ConfigSources(home, java.util.Optional.empty(),
                Map.of("ONCORWE_RUNTIME_MASTER", "local[1]"), Map.of("runtime.driver_memory", "9g", "dev.sample_dir", "x")));
        OncoRweConfig sameValuesSpelledOtherwise = ConfigLoader.load(new ConfigSources(home, java.util.Optional.empty(),
                Map.of(), Map.of("stats.rmst_tau_months", "60.0", "stats.conf_type", "LOG", "her2.window_days", "30")));
        OncoRweConfig otherAnalysis = ConfigLoader.load(new ConfigSources(home, java.util.Optional.empty(),
                Map.of(), Map.of("stats.rmst_tau_months", "36")));
        assertEquals(64, base.configHash().length());
        assertEquals(base.configHash(), otherRuntime.configHash());
        assertEquals(base.configHash(), sameValuesSpelledOtherwise.configHash());
        assertNotEquals(base.configHash(), otherAnalysis.configHash());
    }

    @Test
    void treeHoldsCanonicalValuesBySection() {
        OncoRweConfig c = ConfigLoader.load(ConfigSources.of(TestPaths.emptyHome("tree")));
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) c.tree().get("stats");
        assertEquals("log", stats.get("conf_type"));
        assertEquals("r", stats.get("median_ci"));
        @SuppressWarnings("unchecked")
        Map<String, Object> her2 = (Map<String, Object>) c.tree().get("her2");
        assertEquals("ASCO_CAP_2018", her2.get("rule"));
        assertEquals(30, her2.get("window_days"));
        assertEquals(ConfigKeys.SECTIONS.size(), c.tree().size());
        assertEquals(ConfigKeys.ANALYSIS_SECTIONS.size(), c.tree(ConfigKeys.ANALYSIS_SECTIONS).size());
    }
}
