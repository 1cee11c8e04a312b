package org.oncorwe.config;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small, dependency-free JSON writer with one canonical form: object keys sorted by code
 * point, no insignificant whitespace (or two-space indentation when pretty), numbers in plain
 * notation. Used for {@code config_hash} (whose input must not depend on how a value was
 * spelled) and for run manifests.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, -1, 0);
        return sb.toString();
    }

    public static String writePretty(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, 2, 0);
        return sb.append('\n').toString();
    }

    private static void append(StringBuilder sb, Object value, int indent, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            appendObject(sb, map, indent, depth);
        } else if (value instanceof Collection<?> items) {
            appendArray(sb, items, indent, depth);
        } else if (value instanceof Boolean b) {
            sb.append(b);
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            sb.append("null");
        } else if (value instanceof Number n) {
            sb.append(number(n));
        } else if (value instanceof Enum<?> e) {
            string(sb, e.name());
        } else {
            string(sb, value.toString());
        }
    }

    private static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
        d = d.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static void appendObject(StringBuilder sb, Map<?, ?> map, int indent, int depth) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, depth + 1);
            string(sb, e.getKey());
            sb.append(indent < 0 ? ":" : ": ");
            append(sb, e.getValue(), indent, depth + 1);
        }
        if (!sorted.isEmpty()) {
            newline(sb, indent, depth);
        }
        sb.append('}');
    }

    private static void appendArray(StringBuilder sb, Collection<?> items, int indent, int depth) {
        sb.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, depth + 1);
            append(sb, item, indent, depth + 1);
        }
        if (!items.isEmpty()) {
            newline(sb, indent, depth);
        }
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
