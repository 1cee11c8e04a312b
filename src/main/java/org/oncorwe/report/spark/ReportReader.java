package org.oncorwe.report.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncorwe.report.LongTermResponders;
import org.oncorwe.report.Rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Reads what the report shows from the tables under one root (published, or a run's staging):
 * small partitions collected whole, the rejects and Fig 2's responders counted first — the
 * driver never sees a patient row. A partition that is not there is {@link Rows#absent}.
 */
public final class ReportReader {

    private final SparkSession spark;
    private final Path tables;
    private final LocalDate date;

    public ReportReader(SparkSession spark, Path tables, LocalDate date) {
        this.spark = spark;
        this.tables = tables;
        this.date = date;
    }

    private Path dir(String table, String study) {
        Path p = tables.resolve(table).resolve("extract_date=" + date);
        return study == null ? p : p.resolve("study=" + study);
    }

    /** One partition's rows, lineage columns dropped; absent when the folder or its data files are missing. */
    public Rows partition(String table, String study) {
        Dataset<Row> d = read(table, study);
        return d == null ? Rows.absent(table) : Rows.of(table, collect(d.drop("pipeline_version", "key_id")));
    }

    private Dataset<Row> read(String table, String study) {
        Path p = dir(table, study);
        if (!Files.isDirectory(p)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(p)) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spark.read().parquet(p.toString());
    }

    /** Rejected rows counted per (table_name, reason), in a {@code count} column. */
    public Rows rejectCounts() {
        Dataset<Row> d = read("rejects", null);
        return d == null ? Rows.absent("rejects")
                : Rows.of("rejects", collect(d.groupBy("table_name", "reason").agg(count(lit(1)).as("count"))));
    }

    /** The studies with a partition of {@code table} under the extract date, in name order. */
    public List<String> studies(String table) {
        Path p = tables.resolve(table).resolve("extract_date=" + date);
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(p)) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith("study="))
                    .map(n -> n.substring("study=".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct values of a lineage column (config_hash, key_id) over a table's study partitions, sorted. */
    public List<String> lineage(String table, String column, List<String> studies) {
        List<String> out = new ArrayList<>();
        for (String s : studies) {
            Dataset<Row> d = read(table, s);
            if (d != null) {
                d.select(column).distinct().as(Encoders.STRING()).collectAsList().stream()
                        .filter(h -> !out.contains(h)).forEach(out::add);
            }
        }
        return out.stream().sorted().toList();
    }

    /** Fig 2's input: the study's responders with a long_term_responder flag, OS counted per (flag, day). */
    public List<LongTermResponders.Count> longTermCounts(String study) {
        Dataset<Row> d = read("endpoints", study);
        if (d == null) {
            return List.of();
        }
        List<LongTermResponders.Count> counts = new ArrayList<>();
        for (Row r : d.filter(col("responder").equalTo(true).and(col("long_term_responder").isNotNull())
                        .and(col("os_days").isNotNull()).and(col("os_event").isNotNull()))
                .groupBy(col("long_term_responder"), col("os_days"))
                .agg(sum(when(col("os_event").equalTo(1), 1L).otherwise(0L)).as("d"), count(lit(1)).as("n"))
                .orderBy("long_term_responder", "os_days").collectAsList()) {
            counts.add(new LongTermResponders.Count(r.getBoolean(0), r.getInt(1), r.getLong(2), r.getLong(3) - r.getLong(2)));
        }
        return counts;
    }

    static List<Map<String, Object>> collect(Dataset<Row> d) {
        String[] columns = d.columns();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : d.collectAsList()) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                m.put(columns[i], r.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
