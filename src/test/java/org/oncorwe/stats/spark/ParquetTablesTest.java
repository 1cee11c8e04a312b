package org.oncorwe.stats.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.testing.SharedSpark;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A result table becomes the same rows in the same order whether it is small (a local relation) or
 * larger than {@link ParquetTables#SLICE_ROWS} (parallelized in slices, decision 267).
 */
@Tag("spark")
class ParquetTablesTest {

    private static OutputTable table(int rows) {
        OutputTable t = new OutputTable("km_curve").column("endpoint", OutputTable.Type.STRING)
                .column("time", OutputTable.Type.INT).column("n_risk", OutputTable.Type.BIGINT)
                .column("surv", OutputTable.Type.DOUBLE).column("censored", OutputTable.Type.BOOLEAN);
        for (int i = 0; i < rows; i++) {
            t.add(i % 7 == 0 ? null : "os_" + (i % 3), i, rows - (long) i, i % 11 == 0 ? null : 1.0 / (i + 1), i % 2 == 0);
        }
        return t;
    }

    @Test
    void smallAndSlicedTablesGiveTheirRowsInOrder() {
        SparkSession spark = SharedSpark.get();
        for (int n : List.of(5, ParquetTables.SLICE_ROWS * 2 + 123)) {
            OutputTable t = table(n);
            List<Row> back = ParquetTables.frame(spark, t).coalesce(1).collectAsList();
            assertEquals(n, back.size());
            for (int i = 0; i < n; i++) {
                Row r = back.get(i);
                Object[] got = new Object[r.size()];
                for (int c = 0; c < r.size(); c++) {
                    got[c] = r.get(c);
                }
                assertArrayEquals(t.rows().get(i), got, "row " + i + " of " + n);
            }
        }
    }
}
