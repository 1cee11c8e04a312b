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
     * A table read back from Java serialization (a record shipped between Spark tasks) is the
     * contract's own constant again, so the stages can compare tables by identity.
     */
    private Object readResolve() {
        return ExtractContract.TABLES.stream().filter(this::equals).findFirst().orElse(this);
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
