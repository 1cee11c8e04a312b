package org.oncorwe.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The order of a factor's levels (outputs.md, the survival command): numeric order when every
 * level is a number, else code-point order. The first level is the reference.
 */
public final class Levels {

    private Levels() {
    }

    public static List<String> order(Collection<String> levels) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(levels));
        if (!distinct.isEmpty() && distinct.stream().allMatch(Levels::isNumber)) {
            distinct.sort(Comparator.comparing(BigDecimal::new));
        } else {
            distinct.sort(Levels::compareCodePoints);
        }
        return List.copyOf(distinct);
    }

    static boolean isNumber(String s) {
        try {
            new BigDecimal(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Code-point order (String.compareTo compares UTF-16 units, which differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
