package org.oncorwe.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.TableContract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads one extract date's partition of a {@code staged_<table>} for a downstream stage, from the
 * published tables or from a run's staging folder. A table the extract did not have (or whose rows
 * were all rejected) has no partition and reads as empty, with its schema.
 */
public final class StagedReader {

    private final SparkSession spark;
    private final Path root;
    private final LocalDate extractDate;

    public StagedReader(SparkSession spark, Path root, LocalDate extractDate) {
        this.spark = spark;
        this.root = root;
        this.extractDate = extractDate;
    }

    public Path partition(String table) {
        return root.resolve("staged_" + table).resolve("extract_date=" + extractDate);
    }

    public Dataset<Row> read(String table) {
        TableContract contract = ExtractContract.TABLES.stream().filter(t -> t.name().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an extract table: " + table));
        StagedTable staged = new StagedTable(contract);
        Path dir = partition(table);
        if (!Files.isDirectory(dir)) {
            return spark.createDataFrame(java.util.List.of(), staged.schema());
        }
        return spark.read().schema(staged.schema()).parquet(dir.toString());
    }
}
