package org.oncorwe.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The rows of one table partition as the report reads them (column → value), or a table that is
 * not there: a missing table renders a note, never a failure.
 */
public record Rows(String table, boolean present, List<Map<String, Object>> list) {

    public Rows {
        list = Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static Rows of(String table, List<Map<String, Object>> rows) {
        return new Rows(table, true, rows);
    }

    public static Rows absent(String table) {
        return new Rows(table, false, List.of());
    }

    /** The rows whose columns equal the given values (a null value matches null). */
    public Rows where(Object... columnsAndValues) {
        Map<String, Object> want = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            want.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return filter(r -> want.entrySet().stream().allMatch(e -> Objects.equals(e.getValue(), r.get(e.getKey()))));
    }

    public Rows filter(Predicate<Map<String, Object>> which) {
        return new Rows(table, present, list.stream().filter(which).toList());
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The distinct values of a column in row order. */
    public List<Object> distinct(String column) {
        return list.stream().map(r -> r.get(column)).distinct().toList();
    }

    public static Double number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public static Long count(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    public static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }
}
