package org.oncorwe.config;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resolved, checked configuration of one invocation. Built only by {@link ConfigLoader};
 * read with typed keys ({@code config.get(ConfigKeys.STATS_CONF_TYPE)}).
 */
public final class OncoRweConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> values;

    OncoRweConfig(Map<String, Object> values) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        Object v = values.get(key.path());
        if (v == null && !values.containsKey(key.path())) {
            throw new IllegalArgumentException("not a config key: " + key.path());
        }
        return (T) v;
    }

    /** The canonical spelling of one key's value (what {@code config get} prints). */
    public Object canonical(ConfigKey<?> key) {
        return key.canonical(get(key));
    }

    /** The given sections as a nested tree of canonical values, for JSON. */
    public Map<String, Object> tree(List<String> sections) {
        Map<String, Object> root = new TreeMap<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            if (!sections.contains(key.section())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) root.computeIfAbsent(key.section(), s -> new TreeMap<>());
            section.put(key.path().substring(key.section().length() + 1), canonical(key));
        }
        return root;
    }

    /** Every section: what run manifests record. */
    public Map<String, Object> tree() {
        return tree(ConfigKeys.SECTIONS);
    }

    /** sha256 of the canonical JSON of the analysis sections; paths, master and memory do not enter it. */
    public String configHash() {
        return sha256Hex(CanonicalJson.write(tree(ConfigKeys.ANALYSIS_SECTIONS)));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
