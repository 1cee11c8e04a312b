package org.oncorwe.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compares expected and derived rows keyed alike (patient and line, patient and term, …) and lists every difference. */
public final class KeyedRows {

    private KeyedRows() {
    }

    /** Fails listing each key whose row is missing, extra or different (want and got, one line each). */
    public static void assertSameRows(Map<String, String> want, Map<String, String> got) {
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new TreeSet<>(want.keySet());
        keys.addAll(got.keySet());
        for (String k : keys) {
            if (!String.valueOf(want.get(k)).equals(String.valueOf(got.get(k)))) {
                diffs.add(k + "\n  want " + want.get(k) + "\n  got  " + got.get(k));
            }
        }
        assertEquals(List.of(), diffs, () -> diffs.size() + " differences");
    }
}
