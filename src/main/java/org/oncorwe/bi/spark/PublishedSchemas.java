package org.oncorwe.bi.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.oncorwe.bi.PublishedTable;
import org.oncorwe.ingest.ExtractLocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas of the tables published under an output root, read from the Parquet files of each
 * table's newest partition (what the code wrote, column for column). A table is a folder not
 * starting with '_' that holds {@code extract_date=} partitions; it is per study when those hold
 * {@code study=} folders. Sorted by name.
 */
public final class PublishedSchemas {

    private PublishedSchemas() {
    }

    public static List<PublishedTable> read(SparkSession spark, Path outputRoot) {
        List<PublishedTable> tables = new ArrayList<>();
        for (Path dir : children(outputRoot)) {
            String name = dir.getFileName().toString();
            Optional<java.time.LocalDate> newest = ExtractLocator.newestPartition(dir);
            if (name.startsWith("_") || newest.isEmpty()) {
                continue;
            }
            Path partition = dir.resolve("extract_date=" + newest.get());
            Optional<Path> study = children(partition).stream().filter(p -> p.getFileName().toString().startsWith("study="))
                    .findFirst();
            Path leaf = study.orElse(partition);
            List<PublishedTable.Column> columns = new ArrayList<>();
            for (StructField f : spark.read().parquet(leaf.toString()).schema().fields()) {
                columns.add(new PublishedTable.Column(f.name(), f.dataType().simpleString()));
            }
            tables.add(new PublishedTable(name, columns, PublishedTable.partitionColumns(study.isPresent())));
        }
        return tables;
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
