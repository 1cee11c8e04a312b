package org.oncorwe.stats.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncorwe.stats.tables.OutputTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a result table as Parquet under {@code DIR/<table>/} (unpartitioned, replaced whole). */
public final class ParquetTables {

    private ParquetTables() {
    }

    public static Path write(SparkSession spark, Path dir, OutputTable table) {
        Path target = dir.resolve(table.name());
        frame(spark, table).coalesce(1).write().mode(SaveMode.Overwrite).parquet(target.toString());
        return target;
    }

    /** Above this many rows a table travels to the tasks in slices instead of as one local relation. */
    static final int SLICE_ROWS = 20_000;

    /**
     * The table as a DataFrame with its typed columns (every column nullable). A small table is a
     * local relation; a large one (a km_curve of every day of every subgroup: 10⁵–10⁶ rows at registry
     * scale) is parallelized in slices of {@link #SLICE_ROWS} and turned into rows in the tasks, so the
     * driver never holds the optimizer's copies of a local relation (decision 267: they ran a
     * 300 000-patient stats stage in one -Xmx1g JVM out of memory).
     */
    public static Dataset<Row> frame(SparkSession spark, OutputTable table) {
        StructType schema = new StructType();
        for (OutputTable.Column c : table.columns()) {
            schema = schema.add(c.name(), type(c.type()), true);
        }
        if (table.size() > SLICE_ROWS) {
            JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(table.rows(), (table.size() + SLICE_ROWS - 1) / SLICE_ROWS)
                    .map(RowFactory::create);
            return spark.createDataFrame(rows, schema);
        }
        List<Row> rows = new ArrayList<>(table.size());
        for (Object[] values : table.rows()) {
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static DataType type(OutputTable.Type type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case DOUBLE -> DataTypes.DoubleType;
            case BIGINT -> DataTypes.LongType;
            case INT -> DataTypes.IntegerType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
