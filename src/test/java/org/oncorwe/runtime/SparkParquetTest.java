package org.oncorwe.runtime;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared local SparkSession writes and reads back a table partitioned as outputs.md lays them out. */
@Tag("spark")
class SparkParquetTest {

    @Test
    void partitionedParquetRoundTrip() throws Exception {
        SparkSession spark = SharedSpark.get();
        assertEquals("4", spark.conf().get("spark.sql.shuffle.partitions"));
        assertEquals("UTC", spark.conf().get("spark.sql.session.timeZone"));

        StructType schema = new StructType()
                .add("patient_key", DataTypes.StringType, false)
                .add("os_days", DataTypes.IntegerType, true)
                .add("os_months", DataTypes.DoubleType, true)
                .add("assessed_at", DataTypes.TimestampNTZType, true)
                .add("extract_date", DataTypes.DateType, false)
                .add("study", DataTypes.StringType, false);
        List<Row> rows = List.of(
                RowFactory.create("a1", 365, 365 / 30.4375, LocalDateTime.of(2020, 1, 2, 3, 4),
                        Date.valueOf(LocalDate.of(2020, 10, 31)), "first_line_thp"),
                RowFactory.create("b2", null, null, null, Date.valueOf(LocalDate.of(2020, 10, 31)), "first_line_th"),
                RowFactory.create("c3", 10, 10 / 30.4375, LocalDateTime.of(2019, 5, 6, 0, 0),
                        Date.valueOf(LocalDate.of(2019, 12, 31)), "first_line_thp"));
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        Path table = TestPaths.emptyHome("parquet").resolve("endpoints");
        df.write().partitionBy("extract_date", "study").parquet(table.toString());

        assertTrue(Files.isDirectory(table.resolve("extract_date=2020-10-31/study=first_line_thp")));
        assertTrue(Files.isDirectory(table.resolve("extract_date=2019-12-31/study=first_line_thp")));
        try (Stream<Path> files = Files.walk(table)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".parquet")));
        }

        Dataset<Row> back = spark.read().parquet(table.toString());
        assertEquals(DataTypes.DateType, back.schema().apply("extract_date").dataType(), "partition value typed as DATE");
        assertEquals(DataTypes.TimestampNTZType, back.schema().apply("assessed_at").dataType());
        List<Row> got = back.select("patient_key", "os_days", "os_months", "assessed_at", "extract_date", "study")
                .orderBy("patient_key").collectAsList();
        assertEquals(3, got.size());
        assertEquals("a1", got.get(0).getString(0));
        assertEquals(365, got.get(0).getInt(1));
        assertEquals(365 / 30.4375, got.get(0).getDouble(2));
        assertEquals(LocalDateTime.of(2020, 1, 2, 3, 4), got.get(0).get(3));
        assertEquals(LocalDate.of(2020, 10, 31), got.get(0).getDate(4).toLocalDate());
        assertTrue(got.get(1).isNullAt(1));
        assertEquals("first_line_th", got.get(1).getString(5));

        // partition pruning reads only the asked-for partition
        assertEquals(1, spark.read().parquet(table.resolve("extract_date=2019-12-31").toString()).count());
    }
}
