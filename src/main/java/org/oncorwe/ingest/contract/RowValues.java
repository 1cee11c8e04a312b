package org.oncorwe.ingest.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the row records ({@link RowResult}, {@code RowOutcome}) hold their typed values: an
 * insertion-ordered map nobody can change. A caller that built the map for one record and never
 * touches it again hands it over ({@link #handOver}) instead of having it copied: at 100 000 patients
 * the copies of ten million rows' maps cost 3 % of the ingest's CPU (decision 272).
 */
public final class RowValues {
    /** The class of {@link Collections#unmodifiableMap}'s view: what {@link #handOver} returns. */
    private static final Class<?> HANDED_OVER = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    private RowValues() {
    }

    /** The values a record keeps: a copy, unless they are an unmodifiable view (handed over, or another record's). */
    public static <V> Map<String, V> kept(Map<String, V> values) {
        return values.getClass() == HANDED_OVER ? values : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** For a caller that built {@code values} for one record and never changes them again: kept without a copy. */
    public static <V> Map<String, V> handOver(LinkedHashMap<String, V> values) {
        return Collections.unmodifiableMap(values);
    }
}
