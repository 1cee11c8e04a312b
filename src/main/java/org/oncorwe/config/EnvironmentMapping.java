package org.oncorwe.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Our mapping from environment variables to config keys: {@code ONCORWE_<NAME>}, lower-cased,
 * {@code __} read as a literal {@code _} and a single {@code _} as the path separator
 * ({@code ONCORWE_STATS_MEDIAN__CI} sets {@code stats.median_ci}). Typesafe's own
 * {@code CONFIG_FORCE_} override is not used: it would rank the environment above the
 * command line.
 */
public final class EnvironmentMapping {

    public static final String PREFIX = "ONCORWE_";
    /** The pseudonym key: never config, never printed. */
    public static final String PSEUDONYM_KEY = "ONCORWE_PSEUDONYM_KEY";
    /** The repo (or install) root the launchers set. */
    public static final String HOME = "ONCORWE_HOME";
    /** Extra JVM options for the launchers. */
    public static final String JAVA_OPTS = "ONCORWE_JAVA_OPTS";
    /** Environment variables with the prefix that are not config keys. */
    public static final Set<String> RESERVED = Set.of(PSEUDONYM_KEY, HOME, JAVA_OPTS);

    private EnvironmentMapping() {
    }

    /** The config path a variable sets, or empty when it is not a config variable. */
    public static Optional<String> pathOf(String variable) {
        if (!variable.startsWith(PREFIX) || RESERVED.contains(variable) || variable.length() == PREFIX.length()) {
            return Optional.empty();
        }
        String name = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        StringBuilder path = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
                path.append('_');
                i++;
            } else if (c == '_') {
                path.append('.');
            } else {
                path.append(c);
            }
        }
        return Optional.of(path.toString());
    }

    /** The variable that sets a config path (the inverse of {@link #pathOf}). */
    public static String variableOf(String path) {
        return PREFIX + path.replace("_", "__").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Config variables of an environment, by variable name, in name order. */
    public static Map<String, String> configVariables(Map<String, String> environment) {
        Map<String, String> out = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (pathOf(name).isPresent()) {
                out.put(name, value);
            }
        });
        return out;
    }
}
