package org.oncorwe.synth;

import java.util.Arrays;

/** One row of an extract table, values as the CSV will hold them (null = empty field). */
final class Row {
    private final ExtractTable table;
    private final String[] values;
    /** The planted defect this row carries, if any (written to truth/damage.csv with its line number). */
    private String damageKind;
    private String damageExpected;

    Row(ExtractTable table) {
        this.table = table;
        this.values = new String[table.columns().size()];
    }

    private Row(ExtractTable table, String[] values) {
        this.table = table;
        this.values = values;
    }

    ExtractTable table() {
        return table;
    }

    Row set(String column, Object value) {
        values[table.index(column)] = value == null ? null : value.toString();
        return this;
    }

    String get(String column) {
        return values[table.index(column)];
    }

    Row copy() {
        return new Row(table, values.clone());
    }

    /** Marks this row as a planted defect with the contract's expected outcome. */
    Row damaged(String kind, String expected) {
        this.damageKind = kind;
        this.damageExpected = expected;
        return this;
    }

    String damageKind() {
        return damageKind;
    }

    String damageExpected() {
        return damageExpected;
    }

    String[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return table.fileName() + Arrays.toString(values);
    }
}
