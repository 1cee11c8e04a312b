package org.oncorwe.stats.spark;

import org.apache.spark.sql.SparkSession;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.runtime.SparkSessions;
import org.oncorwe.stats.tables.InputColumns;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.stats.tables.SubjectRows;

import java.nio.file.Path;

/**
 * The survival command's Spark side, kept behind one class so the command itself never touches a
 * Spark type: a CSV-in, CSV-out run loads no Spark class and starts no session. The session is
 * made on first use, from the resolved configuration.
 */
public final class SparkSurvivalIo {

    private final OncoRweConfig config;
    private SparkSession spark;

    public SparkSurvivalIo(OncoRweConfig config) {
        this.config = config;
    }

    private SparkSession spark() {
        if (spark == null) {
            spark = SparkSessions.create(config, "oncorwe-survival");
        }
        return spark;
    }

    public SubjectRows.Loaded readParquet(Path input, InputColumns columns) {
        return ParquetSubjects.read(spark(), input.toString(), columns);
    }

    public Path writeParquet(Path dir, OutputTable table) {
        return ParquetTables.write(spark(), dir, table);
    }
}
