package org.oncorwe.stats.spark;

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

    /** The table as a DataFrame with its typed columns (every column nullable). */
    public static Dataset<Row> frame(SparkSession spark, OutputTable table) {
        StructType schema = new StructType();
        for (OutputTable.Column c : table.columns()) {
            schema = schema.add(c.name(), type(c.type()), true);
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
