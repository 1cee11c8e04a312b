package org.oncorwe.cohort;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.oncorwe.config.ConfigError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The studies of {@code cohort.studies} (domain-rules §4): each a named record of its index line
 * (setting, number in that setting, accepted labels), the labels the earlier lines of that setting
 * must carry, and the study period of the index date. A study is configuration, not code: adding
 * one is adding an entry. Fields are checked strictly; an error names the field.
 */
public final class Studies {

    /** Every field of a study, as reference.conf writes them. */
    public static final List<String> FIELDS =
            List.of("index_setting", "index_line", "index_labels", "prior_labels", "period_start", "period_end");
    /** The value of {@code --study} that selects every configured study. */
    public static final String ALL = "all";

    private static final Set<String> SETTINGS = Set.of("METASTATIC", "PERIOPERATIVE");

    private Studies() {
    }

    /** The studies by id, in id order (so runs list and write them in a stable order). */
    public static Map<String, StudyAttrition.Study> read(ConfigObject studies) {
        Map<String, StudyAttrition.Study> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : studies.entrySet()) {
            String id = e.getKey();
            String where = "cohort.studies." + id;
            if (!id.matches("[a-z0-9_]+")) {
                throw new ConfigError("config key " + where + ": a study id is lower case letters, digits and '_'");
            }
            if (e.getValue().valueType() != ConfigValueType.OBJECT) {
                throw new ConfigError("config key " + where + ": expected an object with " + String.join(", ", FIELDS));
            }
            ConfigObject s = (ConfigObject) e.getValue();
            for (String field : s.keySet()) {
                if (!FIELDS.contains(field)) {
                    throw new ConfigError("config key " + where + "." + field + " is unknown (a study has "
                            + String.join(", ", FIELDS) + ")");
                }
            }
            String setting = text(s, where, "index_setting");
            if (!SETTINGS.contains(setting)) {
                throw new ConfigError("config key " + where + ".index_setting: expected METASTATIC or PERIOPERATIVE, got '"
                        + setting + "'");
            }
            int line = integer(s, where, "index_line");
            List<String> labels = texts(s, where, "index_labels");
            if (labels.isEmpty()) {
                throw new ConfigError("config key " + where + ".index_labels: name at least one label");
            }
            List<String> prior = texts(s, where, "prior_labels");
            if (!prior.isEmpty() && prior.size() != line - 1) {
                throw new ConfigError("config key " + where + ".prior_labels: name one label per earlier line (" + (line - 1)
                        + ") or none");
            }
            LocalDate start = date(s, where, "period_start");
            LocalDate end = date(s, where, "period_end");
            if (end.isBefore(start)) {
                throw new ConfigError("config key " + where + ".period_end: before period_start");
            }
            out.put(id, new StudyAttrition.Study(id, setting, line, labels, start, end, prior));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** As the run manifest and config_hash write them. */
    public static Object canonical(Map<String, StudyAttrition.Study> studies) {
        Map<String, Object> out = new TreeMap<>();
        studies.forEach((id, s) -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("index_setting", s.setting());
            fields.put("index_line", s.lineNo());
            fields.put("index_labels", s.labels());
            fields.put("prior_labels", s.priorLabels());
            fields.put("period_start", s.periodStart().toString());
            fields.put("period_end", s.periodEnd().toString());
            out.put(id, fields);
        });
        return out;
    }

    /**
     * The studies a command runs: the named ones (or every one for {@code all}), else the default.
     * An unknown id fails naming the configured ones.
     */
    public static List<StudyAttrition.Study> select(Map<String, StudyAttrition.Study> configured, List<String> wanted,
                                                    String defaultStudy) {
        List<String> ids = wanted.isEmpty() ? List.of(defaultStudy) : wanted;
        if (ids.stream().anyMatch(ALL::equalsIgnoreCase)) {
            return List.copyOf(configured.values());
        }
        List<StudyAttrition.Study> out = new ArrayList<>();
        for (String id : ids) {
            StudyAttrition.Study s = configured.get(id.trim());
            if (s == null) {
                throw new ConfigError("unknown study '" + id + "' (configured: " + String.join(", ", configured.keySet())
                        + ", or all)");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static ConfigValue field(ConfigObject s, String where, String name) {
        ConfigValue v = s.get(name);
        if (v == null || v.valueType() == ConfigValueType.NULL) {
            throw new ConfigError("config key " + where + "." + name + " is missing");
        }
        return v;
    }

    private static String text(ConfigObject s, String where, String name) {
        ConfigValue v = field(s, where, name);
        if (v.valueType() != ConfigValueType.STRING) {
            throw new ConfigError("config key " + where + "." + name + ": expected a string");
        }
        return ((String) v.unwrapped()).trim();
    }

    private static int integer(ConfigObject s, String where, String name) {
        ConfigValue v = field(s, where, name);
        try {
            int n = Integer.parseInt(v.unwrapped().toString().trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigError("config key " + where + "." + name + ": expected a line number >= 1, got " + v.unwrapped());
    }

    private static List<String> texts(ConfigObject s, String where, String name) {
        ConfigValue v = field(s, where, name);
        if (v.valueType() != ConfigValueType.LIST) {
            throw new ConfigError("config key " + where + "." + name + ": expected a list of labels");
        }
        List<String> out = new ArrayList<>();
        for (ConfigValue item : (com.typesafe.config.ConfigList) v) {
            if (item.valueType() != ConfigValueType.STRING) {
                throw new ConfigError("config key " + where + "." + name + ": expected a list of labels");
            }
            out.add(((String) item.unwrapped()).trim());
        }
        return List.copyOf(out);
    }

    private static LocalDate date(ConfigObject s, String where, String name) {
        String t = text(s, where, name);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new ConfigError("config key " + where + "." + name + ": expected a date yyyy-MM-dd, got '" + t + "'");
        }
    }
}
