package org.oncorwe.runtime;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * What the per-patient stages share around Spark: gathering a table's rows into one list per
 * patient, writing one partition folder, and converting between Spark's external types and
 * {@code java.time}.
 */
public final class SparkTables {

    /** The lineage columns every published table carries (outputs.md). */
    public static final List<String> LINEAGE = List.of("pipeline_version", "config_hash", "key_id");

    private SparkTables() {
    }

    /** The table's rows as one list of structs per patient_key, in a column named {@code name}. */
    public static Dataset<Row> perPatient(Dataset<Row> table, String name, Column... fields) {
        return table.groupBy("patient_key").agg(collect_list(struct(fields)).as(name));
    }

    /**
     * Writes one partition folder as one file with the lineage columns last (the partition
     * columns are in the folder's name, not in the file); returns its row count. An empty
     * result still writes a typed, empty partition (docs/decisions.md 101).
     */
    public static long writePartition(Dataset<Row> rows, Map<String, String> lineage, Path partition) {
        Dataset<Row> out = rows;
        for (String name : LINEAGE) {
            out = out.withColumn(name, lit(lineage.get(name)));
        }
        out = out.coalesce(1).persist(StorageLevel.MEMORY_AND_DISK());
        long n = out.count();
        out.write().mode(SaveMode.Overwrite).parquet(partition.toString());
        out.unpersist();
        return n;
    }

    /** A struct list field of a row, empty when null (a left join without rows). */
    public static List<Row> list(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? List.of() : r.getList(i);
    }

    /** A DATE or TIMESTAMP_NTZ value as its calendar date. */
    public static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        return ((java.sql.Date) o).toLocalDate();
    }

    public static java.sql.Date sql(LocalDate d) {
        return d == null ? null : java.sql.Date.valueOf(d);
    }

    public static <T> scala.collection.immutable.Seq<T> seq(List<T> items) {
        return scala.jdk.javaapi.CollectionConverters.asScala(items).toSeq();
    }
}
