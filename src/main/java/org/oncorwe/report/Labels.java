package org.oncorwe.report;

import java.util.Map;

/** Words for the report's readers: endpoints, factors and their levels as the paper names them. */
final class Labels {

    private static final Map<String, String> ENDPOINTS = Map.of("os", "Overall survival", "pfs", "Progression-free survival",
            "pfs_trial", "Progression-free survival (trial definition)", "dor", "Duration of response",
            "os_lm126", "Overall survival from day 126 (landmark)", "os_lm1066", "Overall survival from day 1066 (landmark)",
            "followup", "Follow-up (reverse Kaplan–Meier)");

    private static final Map<String, String> FACTORS = Map.ofEntries(Map.entry("all", "All patients"),
            Map.entry("docetaxel_ge6", "Docetaxel administrations"), Map.entry("prior_anti_her2", "Prior anti-HER2 therapy"),
            Map.entry("index_line_ongoing", "Index line at day 1066"), Map.entry("index_label", "Index regimen"),
            Map.entry("long_term_responder", "Long-term responder"), Map.entry("age_group", "Age group"),
            Map.entry("menopausal_status", "Menopausal status"), Map.entry("hr_status", "Hormone receptor"),
            Map.entry("disease_setting", "Disease setting"), Map.entry("visceral_mets", "Visceral metastases"),
            Map.entry("brain_mets", "Brain metastases"));

    private static final Map<String, String> LEVELS = Map.ofEntries(
            Map.entry("docetaxel_ge6=<6", "< 6 docetaxel"), Map.entry("docetaxel_ge6=>=6", "≥ 6 docetaxel"),
            Map.entry("prior_anti_her2=false", "No prior anti-HER2"), Map.entry("prior_anti_her2=true", "Prior anti-HER2"),
            Map.entry("index_line_ongoing=false", "Index line ended"), Map.entry("index_line_ongoing=true", "Index line ongoing"),
            Map.entry("long_term_responder=false", "Other responders"),
            Map.entry("long_term_responder=true", "Long-term responders"));

    private Labels() {
    }

    static String endpoint(String endpoint) {
        return ENDPOINTS.getOrDefault(endpoint, endpoint);
    }

    static String factor(String factor) {
        return FACTORS.getOrDefault(factor, factor.replace('_', ' '));
    }

    /** A level beside its factor's name (forest plot rows): booleans as yes / no. */
    static String shortLevel(String factor, String level) {
        String known = LEVELS.get(factor + "=" + level);
        if (known != null) {
            return known;
        }
        return "true".equals(level) ? "yes" : "false".equals(level) ? "no" : level(factor, level);
    }

    static String level(String factor, String level) {
        if ("all".equals(factor)) {
            return "All patients";
        }
        String known = LEVELS.get(factor + "=" + level);
        if (known != null) {
            return known;
        }
        if ("true".equals(level) || "false".equals(level)) {
            return factor(factor) + ": " + ("true".equals(level) ? "yes" : "no");
        }
        return level == null ? "missing" : level.replace('_', ' ');
    }
}
