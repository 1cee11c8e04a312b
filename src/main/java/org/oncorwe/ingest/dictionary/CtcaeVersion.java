package org.oncorwe.ingest.dictionary;

import java.util.Optional;

/** CTCAE versions an adverse_event row may name (registry-extract.md: 3.0 / 4.03 / 5.0; missing = 5.0). */
public enum CtcaeVersion {
    V3_0("3.0"),
    V4_03("4.03"),
    V5_0("5.0");

    public static final CtcaeVersion DEFAULT = V5_0;

    private final String code;

    CtcaeVersion(String code) {
        this.code = code;
    }

    /** As written in the extract and the dictionary: "3.0", "4.03", "5.0". */
    public String code() {
        return code;
    }

    public static Optional<CtcaeVersion> parse(String text) {
        String t = text == null ? "" : text.trim();
        for (CtcaeVersion v : values()) {
            if (v.code.equals(t)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
