package org.oncorwe.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Distinct names in code-unit order and each value's code (its index there). */
record Codes(String[] names, int[] code) {
    static Codes of(String[] values) {
        Map<String, Integer> first = new HashMap<>();
        for (String v : values) {
            first.putIfAbsent(v, first.size());
        }
        String[] names = new TreeSet<>(first.keySet()).toArray(String[]::new);
        int[] remap = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            remap[first.get(names[i])] = i;
        }
        int[] code = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            code[i] = remap[first.get(values[i])];
        }
        return new Codes(names, code);
    }
}
