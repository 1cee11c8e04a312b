package org.oncorwe.report;

import java.util.Locale;

/** Escaping and number formatting for the report's HTML (text as a person reads it, attributes exact). */
public final class Html {

    private Html() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code name="value"} with a leading space, or nothing for a null value; numbers exactly as Java prints them. */
    public static String attr(String name, Object value) {
        return value == null ? "" : " " + name + "=\"" + escape(value) + "\"";
    }

    /** A measure for reading: one decimal ("58.3"), "NA" for null or NaN. */
    public static String decimal(Double v) {
        return decimal(v, 1);
    }

    public static String decimal(Double v, int digits) {
        if (v == null || v.isNaN()) {
            return "NA";
        }
        if (v.isInfinite()) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A p-value as papers print it: "&lt; 0.001" below 0.001, else three decimals. */
    public static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return "NA";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** "p < 0.001" or "p = 0.043". */
    public static String pLabel(Double p) {
        String v = pValue(p);
        return v.startsWith("<") ? "p " + v : "p = " + v;
    }

    /** "median (lower–upper)". */
    public static String withInterval(Double value, Double lower, Double upper) {
        return decimal(value) + " (" + decimal(lower) + "–" + decimal(upper) + ")";
    }
}
