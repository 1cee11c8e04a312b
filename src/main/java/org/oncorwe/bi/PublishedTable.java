package org.oncorwe.bi;

import java.util.List;

/**
 * One published table as a reader sees it: its name, its zone, the columns of its files in order
 * (Spark's type name) and its partition columns (in the folder names, not in the files).
 */
public record PublishedTable(String name, List<Column> columns, List<Column> partitions) {

    /** One column: its name and Spark's simple type name ({@code date}, {@code bigint}, {@code array<string>}...). */
    public record Column(String name, String sparkType) {

        public String duckDbType() {
            return BiTypes.duckDb(sparkType);
        }

        public String trinoType() {
            return BiTypes.trino(sparkType);
        }
    }

    public PublishedTable {
        columns = List.copyOf(columns);
        partitions = List.copyOf(partitions);
    }

    /** The partition columns a table folder of this depth has: extract_date, then study. */
    public static List<Column> partitionColumns(boolean byStudy) {
        Column date = new Column("extract_date", "date");
        return byStudy ? List.of(date, new Column("study", "string")) : List.of(date);
    }

    /** The file columns, then the partition columns: what a reader of the whole table gets. */
    public List<Column> allColumns() {
        List<Column> all = new java.util.ArrayList<>(columns);
        all.addAll(partitions);
        return all;
    }

    /**
     * outputs.md: staged tables, rejects and the unsuppressed internal_ statistics are the
     * internal zone (a limited data set); BI dashboards read the rest.
     */
    public boolean internal() {
        return name.startsWith("staged_") || name.equals("rejects") || name.startsWith("internal_");
    }
}
