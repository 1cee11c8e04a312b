package org.oncorwe.endpoints;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a CTCAE table as half-open bands (domain-rules §6): for each grade from the first, the
 * edge a value must pass to reach it, written as the table writes it ({@code "<1.5"}, {@code ">=1.5"},
 * {@code "<=50"}). An edge may be a multiple of a reference (ULN, baseline): the value is compared with
 * edge × reference, exactly, as decimals. The grade is the highest whose edge the value passes, 0 if none.
 */
final class Bands {

    /** One grade's edge: the value is beyond it when above (or below) {@code at} × reference, or equal when inclusive. */
    private record Edge(BigDecimal at, boolean above, boolean inclusive) {

        static Edge parse(String text) {
            boolean above = text.startsWith(">");
            boolean inclusive = text.length() > 1 && text.charAt(1) == '=';
            if (!above && !text.startsWith("<")) {
                throw new IllegalArgumentException("an edge starts with <, <=, > or >=: " + text);
            }
            return new Edge(new BigDecimal(text.substring(inclusive ? 2 : 1)), above, inclusive);
        }

        boolean passedBy(BigDecimal value, BigDecimal reference) {
            int c = value.compareTo(at.multiply(reference));
            return (above ? c > 0 : c < 0) || (inclusive && c == 0);
        }
    }

    private final int firstGrade;
    private final List<Edge> edges;

    private Bands(int firstGrade, List<Edge> edges) {
        this.firstGrade = firstGrade;
        this.edges = edges;
    }

    /** Bands of grades firstGrade, firstGrade + 1, …, one edge each. */
    static Bands of(int firstGrade, String... edges) {
        List<Edge> parsed = new ArrayList<>();
        for (String e : edges) {
            parsed.add(Edge.parse(e));
        }
        return new Bands(firstGrade, List.copyOf(parsed));
    }

    /** The grade of a value against absolute edges. */
    int grade(BigDecimal value) {
        return grade(value, BigDecimal.ONE);
    }

    /** The grade of a value against edges that are multiples of the reference. */
    int grade(BigDecimal value, BigDecimal reference) {
        int grade = 0;
        for (int i = 0; i < edges.size(); i++) {
            if (edges.get(i).passedBy(value, reference)) {
                grade = firstGrade + i;
            }
        }
        return grade;
    }
}
