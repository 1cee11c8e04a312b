package org.oncorwe.ingest.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One table of the extract: {@code <name>.csv} or a folder {@code <name>/} of parts.
 *
 * @param requiredFile a required table whose file is absent fails the run
 * @param columns      in the order of registry-extract.md (the order group-3 rules are tested in)
 */
public record TableContract(String name, boolean requiredFile, List<Column> columns) implements Serializable {

    public static final String PATIENT_ID = "patient_id";

    public TableContract {
        columns = List.copyOf(columns);
    }

    /**
     * Serialized as its name when it is one of the contract's own tables (every record shipped
     * between Spark tasks carries its table: the whole column list per row cost the ingest most of
     * its read step, docs/benchmarks.md); read back as the contract's own constant, so the stages
     * can compare tables by identity. Any other table (tests build some) is serialized whole.
     */
    private Object writeReplace() {
        return ExtractContract.TABLES.stream().anyMatch(t -> t == this) ? new ContractTable(name) : this;
    }

    private Object readResolve() {
        return ExtractContract.TABLES.stream().filter(this::equals).findFirst().orElse(this);
    }

    /** The serialized form of one of the contract's tables: its name. */
    private record ContractTable(String name) implements Serializable {
        private Object readResolve() throws java.io.ObjectStreamException {
            return ExtractContract.TABLES.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new java.io.InvalidObjectException("no contract table " + name));
        }
    }

    /**
     * As a record's equals, but the contract's own tables (one instance each) answer by identity
     * first: rows are compared and hashed with their table millions of times per ingest, and the
     * column-by-column comparison showed in its profile (docs/benchmarks.md).
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TableContract t && name.equals(t.name) && requiredFile == t.requiredFile
                && columns.equals(t.columns);
    }

    /** The name's hash: equal tables have equal names, and hashing every column per row cost the ingest. */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    public String fileName() {
        return name + ".csv";
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Columns a header must hold. */
    public List<Column> requiredInHeader() {
        return columns.stream().filter(Column::requiredInHeader).toList();
    }
}
