package org.oncorwe.stats.stage;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.oncorwe.config.ConfigError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A study's comparison ({@code stats.comparisons.<study>}, domain-rules §7): a factor compared by
 * a Cox model stratified by {@code strata} and adjusted for {@code adjust}, on {@code endpoints}.
 * first_line_th_vs_thp compares index_label (TH vs THP) stratified by prior_anti_her2.
 */
public record Comparison(String study, String factor, String strata, List<String> adjust, List<String> endpoints)
        implements java.io.Serializable {

    /** Every field of a comparison, as reference.conf writes them. */
    public static final List<String> FIELDS = List.of("factor", "strata", "adjust", "endpoints");

    public Comparison {
        adjust = List.copyOf(adjust);
        endpoints = List.copyOf(endpoints);
    }

    /** The comparisons by study id, in id order. */
    public static Map<String, Comparison> read(ConfigObject comparisons) {
        Map<String, Comparison> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : comparisons.entrySet()) {
            String where = "stats.comparisons." + e.getKey();
            if (e.getValue().valueType() != ConfigValueType.OBJECT) {
                throw new ConfigError("config key " + where + ": expected an object with " + String.join(", ", FIELDS));
            }
            ConfigObject c = (ConfigObject) e.getValue();
            for (String field : c.keySet()) {
                if (!FIELDS.contains(field)) {
                    throw new ConfigError("config key " + where + "." + field + " is unknown (a comparison has "
                            + String.join(", ", FIELDS) + ")");
                }
            }
            List<String> endpoints = texts(c, where, "endpoints");
            for (String endpoint : endpoints) {
                if (!Endpoint.SURVIVAL.contains(endpoint)) {
                    throw new ConfigError("config key " + where + ".endpoints: '" + endpoint + "' is not one of "
                            + String.join(", ", Endpoint.SURVIVAL));
                }
            }
            out.put(e.getKey(), new Comparison(e.getKey(), text(c, where, "factor"), text(c, where, "strata"),
                    texts(c, where, "adjust"), endpoints));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** As the run manifest and config_hash write them. */
    public static Object canonical(Map<String, Comparison> comparisons) {
        Map<String, Object> out = new TreeMap<>();
        comparisons.forEach((id, c) -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("factor", c.factor());
            fields.put("strata", c.strata());
            fields.put("adjust", c.adjust());
            fields.put("endpoints", c.endpoints());
            out.put(id, fields);
        });
        return out;
    }

    private static String text(ConfigObject c, String where, String name) {
        ConfigValue v = c.get(name);
        if (v == null || v.valueType() != ConfigValueType.STRING) {
            throw new ConfigError("config key " + where + "." + name + ": expected a factor name");
        }
        return ((String) v.unwrapped()).trim();
    }

    private static List<String> texts(ConfigObject c, String where, String name) {
        ConfigValue v = c.get(name);
        if (v == null || v.valueType() != ConfigValueType.LIST) {
            throw new ConfigError("config key " + where + "." + name + ": expected a list");
        }
        List<String> out = new ArrayList<>();
        for (ConfigValue item : (com.typesafe.config.ConfigList) v) {
            if (item.valueType() != ConfigValueType.STRING) {
                throw new ConfigError("config key " + where + "." + name + ": expected a list of names");
            }
            out.add(((String) item.unwrapped()).trim());
        }
        return out;
    }
}
