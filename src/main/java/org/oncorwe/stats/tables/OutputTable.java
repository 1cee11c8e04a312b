package org.oncorwe.stats.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * One result table, format-neutral: typed columns (outputs.md, Types) and rows of String, Double,
 * Long, Integer, Boolean or null. A NaN double is written as null (NA in R), an infinite one as is.
 */
public final class OutputTable {

    /** Column types, as outputs.md names them. */
    public enum Type { STRING, DOUBLE, BIGINT, INT, BOOLEAN }

    public record Column(String name, Type type) {
    }

    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    public OutputTable(String name) {
        this.name = name;
    }

    public OutputTable column(String column, Type type) {
        columns.add(new Column(column, type));
        return this;
    }

    /** Adds a row; values in column order. */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Double d && d.isNaN()) {
                values[i] = null;
            }
        }
        rows.add(values);
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return List.copyOf(columns);
    }

    public List<Object[]> rows() {
        return List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }
}
