package org.oncorwe.stats.stage;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.oncorwe.config.ConfigError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code stats.factor_levels}: each factor's levels in order, the first being the reference
 * (domain-rules §7). A level is compared as text (booleans as {@code false} / {@code true}); a
 * level not listed (UNKNOWN, null) is described but left out of tests and models.
 */
public final class FactorLevels {

    private FactorLevels() {
    }

    /** The factors by name, in name order. */
    public static Map<String, List<String>> read(ConfigObject factors) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : factors.entrySet()) {
            String where = "stats.factor_levels." + e.getKey();
            if (e.getValue().valueType() != ConfigValueType.LIST) {
                throw new ConfigError("config key " + where + ": expected a list of levels, the first the reference");
            }
            List<String> levels = new ArrayList<>();
            for (ConfigValue item : (com.typesafe.config.ConfigList) e.getValue()) {
                if (item.valueType() == ConfigValueType.LIST || item.valueType() == ConfigValueType.OBJECT
                        || item.valueType() == ConfigValueType.NULL) {
                    throw new ConfigError("config key " + where + ": a level is a string, number or boolean");
                }
                String level = item.unwrapped().toString().trim();
                if (levels.contains(level)) {
                    throw new ConfigError("config key " + where + ": level '" + level + "' is listed twice");
                }
                levels.add(level);
            }
            if (levels.size() < 2) {
                throw new ConfigError("config key " + where + ": name at least two levels (the first is the reference)");
            }
            out.put(e.getKey(), List.copyOf(levels));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** As the run manifest and config_hash write them. */
    public static Object canonical(Map<String, List<String>> factors) {
        return new TreeMap<>(factors);
    }
}
