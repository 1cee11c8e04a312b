package org.oncorwe.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.oncorwe.runtime.PipelineFailure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * {@code ingest_report} (outputs.md), long format: per file the FILE counts ROWS_READ,
 * ROWS_ACCEPTED, ROWS_REJECTED, ROWS_COLLAPSED (which must reconcile, or the run fails), REJECT
 * counts by reason and column, FINDING counts by finding and column, UNMAPPED counts by the
 * unmapped text, and UNKNOWN_COLUMN per file. Only counts reach the driver.
 */
final class IngestReport {

    static final StructType SCHEMA = new StructType()
            .add("table_name", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("code", DataTypes.StringType, false)
            .add("column_name", DataTypes.StringType, true)
            .add("value", DataTypes.StringType, true)
            .add("count", DataTypes.LongType, false);
    private static final Set<String> UNMAPPED = Set.of("UNMAPPED_DRUG", "UNMAPPED_LAB", "UNMAPPED_AE_TERM");

    private final List<Row> rows;

    private IngestReport(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * The report of the outcomes; {@code counts}: rows (table_name, source_file, status, count), the
     * ingest's one aggregate over the outcomes, which also gives each staged table's row count.
     */
    static IngestReport from(Dataset<Row> outcomes, List<Row> counts, Map<String, FileStats> stats, ExtractLayout layout) {
        Map<String, String> tableOf = new TreeMap<>();
        layout.allFiles().forEach(f -> tableOf.put(f.path(), f.table()));
        Map<String, long[]> byFile = new TreeMap<>(); // accepted, rejected, collapsed
        for (Row r : counts) {
            long[] c = byFile.computeIfAbsent(r.getString(1), k -> new long[3]);
            c[switch (r.getString(2)) {
                case "ACCEPTED" -> 0;
                case "REJECTED" -> 1;
                default -> 2;
            }] += r.getLong(3);
        }
        List<Row> out = new ArrayList<>();
        for (FileStats s : stats.values()) {
            long[] c = byFile.getOrDefault(s.path(), new long[3]);
            String table = tableOf.get(s.path());
            if (s.records() != c[0] + c[1] + c[2]) {
                throw new PipelineFailure(String.format(Locale.ROOT,
                        "%s: %d rows read but %d accepted + %d rejected + %d collapsed", s.path(), s.records(), c[0], c[1], c[2]));
            }
            out.add(RowFactory.create(table, s.path(), "FILE", "ROWS_READ", null, null, s.records()));
            out.add(RowFactory.create(table, s.path(), "FILE", "ROWS_ACCEPTED", null, null, c[0]));
            out.add(RowFactory.create(table, s.path(), "FILE", "ROWS_REJECTED", null, null, c[1]));
            out.add(RowFactory.create(table, s.path(), "FILE", "ROWS_COLLAPSED", null, null, c[2]));
        }
        for (Row r : outcomes.filter("status = 'REJECTED'").groupBy("table_name", "source_file", "reason", "reject_column")
                .count().orderBy("source_file", "reason", "reject_column").collectAsList()) {
            out.add(RowFactory.create(r.getString(0), r.getString(1), "REJECT", r.getString(2), r.getString(3), null, r.getLong(4)));
        }
        // one pass over the outcomes' findings: counted by (table, file, code, column, and the value for
        // an unmapped code); FINDING and UNMAPPED rows are read from that small aggregate, cached
        Dataset<Row> findings = outcomes.filter("status = 'ACCEPTED'")
                .select(col("table_name"), col("source_file"), explode(col("findings")).as("f"))
                .groupBy(col("table_name"), col("source_file"), col("f.code").as("code"), col("f.column_name").as("column_name"),
                        when(col("f.code").isin(UNMAPPED.toArray()), col("f.value")).as("value"))
                .count().persist(StorageLevel.MEMORY_AND_DISK());
        for (Row r : findings.groupBy("table_name", "source_file", "code", "column_name").agg(sum("count").as("count"))
                .orderBy("source_file", "code", "column_name").collectAsList()) {
            out.add(RowFactory.create(r.getString(0), r.getString(1), "FINDING", r.getString(2), r.getString(3), null, r.getLong(4)));
        }
        for (Row r : findings.filter(col("code").isin(UNMAPPED.toArray()))
                .orderBy("source_file", "code", "column_name", "value").collectAsList()) {
            out.add(RowFactory.create(r.getString(0), r.getString(1), "UNMAPPED", r.getString(2), r.getString(3), r.getString(4),
                    r.getLong(5)));
        }
        findings.unpersist();
        for (ExtractLayout.TableFile f : layout.allFiles()) {
            for (String unknown : f.binding().unknown()) {
                out.add(RowFactory.create(f.table(), f.path(), "UNKNOWN_COLUMN", "UNKNOWN_COLUMN", unknown, null,
                        stats.get(f.path()).records()));
            }
        }
        return new IngestReport(out);
    }

    long write(SparkSession spark, Map<String, String> lineage, LocalDate extractDate, Path target) {
        StagedTable.withLineage(spark.createDataFrame(rows, SCHEMA), lineage, extractDate)
                .coalesce(1).write().mode(SaveMode.Overwrite).partitionBy("extract_date").parquet(target.toString());
        return rows.size();
    }
}
