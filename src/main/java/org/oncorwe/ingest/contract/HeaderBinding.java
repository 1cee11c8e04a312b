package org.oncorwe.ingest.contract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file's header bound to its table contract: by name, case-insensitive, trimmed, any order
 * (registry-extract.md, File format). Ingest fails the run on {@link #missingRequired()} or
 * {@link #duplicated()}, naming the file and column, and lists {@link #unknown()} in the report.
 */
public final class HeaderBinding implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TableContract table;
    /** normalised header names, position by position */
    private final List<String> names;
    private final List<String> unknown;
    private final List<String> missingRequired;
    private final List<String> duplicated;

    private HeaderBinding(TableContract table, List<String> names, List<String> unknown,
                          List<String> missingRequired, List<String> duplicated) {
        this.table = table;
        this.names = names;
        this.unknown = unknown;
        this.missingRequired = missingRequired;
        this.duplicated = duplicated;
    }

    public static HeaderBinding bind(TableContract table, List<String> header) {
        List<String> names = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i), i == 0);
            names.add(name);
            if (seen.merge(name, 1, Integer::sum) == 2) {
                duplicated.add(name);
            }
            if (table.column(name).isEmpty() && seen.get(name) == 1) {
                unknown.add(name);
            }
        }
        List<String> missing = table.requiredInHeader().stream().map(Column::name)
                .filter(c -> !seen.containsKey(c)).toList();
        return new HeaderBinding(table, List.copyOf(names), List.copyOf(unknown), missing, List.copyOf(duplicated));
    }

    /** Trimmed, lower case; the first header cell also loses a UTF-8 BOM the reader left. */
    private static String normalise(String cell, boolean first) {
        String s = cell == null ? "" : cell;
        if (first && s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return s.trim().toLowerCase(Locale.ROOT);
    }

    public TableContract table() {
        return table;
    }

    /** Header columns the contract does not know (ignored; listed in the ingest report). */
    public List<String> unknown() {
        return unknown;
    }

    /** Required (or conditionally required) contract columns absent from the header. */
    public List<String> missingRequired() {
        return missingRequired;
    }

    /** Header names given more than once (which one to read would be a guess). */
    public List<String> duplicated() {
        return duplicated;
    }

    /**
     * One record as column name → raw value: every header column (contract and unknown), so the
     * FIELD_TOO_LONG check sees every field. A record with another field count is MALFORMED_ROW
     * (the parser's business): this throws IllegalArgumentException.
     */
    public Map<String, String> row(List<String> fields) {
        if (fields.size() != names.size()) {
            throw new IllegalArgumentException(fields.size() + " fields, the header has " + names.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.putIfAbsent(names.get(i), fields.get(i));
        }
        return row;
    }
}
