package org.oncorwe.bi;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The BI type of each Spark type, and the dialect blocks of the views file. */
@Tag("unit")
class BiTypesTest {

    @Test
    void sparkTypesToDuckDbAndTrino() {
        assertEquals(List.of("DATE", "TIMESTAMP", "DOUBLE", "BIGINT", "INTEGER", "BOOLEAN", "VARCHAR", "DECIMAL(38,10)", "VARCHAR[]"),
                List.of("date", "timestamp_ntz", "double", "bigint", "int", "boolean", "string", "decimal(38,10)", "array<string>")
                        .stream().map(BiTypes::duckDb).toList());
        assertEquals(List.of("date", "timestamp", "integer", "varchar", "array(varchar)"),
                List.of("date", "timestamp_ntz", "int", "string", "array<string>").stream().map(BiTypes::trino).toList());
        assertThrows(IllegalArgumentException.class, () -> BiTypes.duckDb("map<string,int>"));
    }

    @Test
    void viewsPerDialectWithPartitionTypes() {
        PublishedTable t = new PublishedTable("km_curve", List.of(new PublishedTable.Column("time_days", "int")),
                PublishedTable.partitionColumns(true));
        String sql = LatestViews.sql(List.of(t));
        assertEquals(List.of("CREATE OR REPLACE VIEW km_curve AS SELECT * FROM read_parquet('${OUT}/km_curve/**/*.parquet', "
                        + "hive_partitioning = true, hive_types = {'extract_date': DATE, 'study': VARCHAR})",
                "CREATE OR REPLACE VIEW km_curve_latest AS SELECT * FROM km_curve WHERE extract_date = "
                        + "(SELECT max(extract_date) FROM km_curve)"),
                LatestViews.statements(sql, "DuckDB"));
        List<String> trino = LatestViews.statements(sql, "Trino");
        assertEquals("CREATE TABLE IF NOT EXISTS hive.oncorwe.km_curve (\n  time_days integer,\n  extract_date date,\n"
                + "  study varchar\n) WITH (external_location = '${OUT}/km_curve', format = 'PARQUET', "
                + "partitioned_by = ARRAY['extract_date', 'study'])", trino.get(0));
        assertEquals(2, LatestViews.statements(sql, "Spark SQL").size());
    }
}
