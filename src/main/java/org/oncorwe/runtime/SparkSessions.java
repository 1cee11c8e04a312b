package org.oncorwe.runtime;

import org.apache.spark.sql.SparkSession;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one way a SparkSession is made, from the resolved configuration. Under spark-submit the
 * master it was given wins; the local launcher uses {@code runtime.master}.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    public static SparkSession create(OncoRweConfig config, String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        String master = System.getProperty("spark.master", config.get(ConfigKeys.RUNTIME_MASTER));
        if (System.getProperty("spark.master") == null) {
            builder.master(master);
        }
        if (master.startsWith("local")) {
            // an embedded run talks only to itself: keep the driver on loopback
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        builder.config("spark.sql.shuffle.partitions", config.get(ConfigKeys.RUNTIME_SHUFFLE_PARTITIONS).toString())
                .config("spark.sql.adaptive.enabled", config.get(ConfigKeys.RUNTIME_ADAPTIVE_ENABLED).toString())
                .config("spark.sql.session.timeZone", "UTC")
                // TIMESTAMP_NTZ and TIMESTAMP as INT64 micros, never INT96 (outputs.md, Types)
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.ui.showConsoleProgress", "false");
        for (Map.Entry<String, String> e : config.get(ConfigKeys.RUNTIME_SPARK_CONF).entrySet()) {
            builder.config(e.getKey(), e.getValue());
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel(config.get(ConfigKeys.RUNTIME_SPARK_LOG_LEVEL));
        listen(spark, config);
        return spark;
    }

    /**
     * The session for one pipeline stage: its Spark jobs, run from this thread, carry the stage's
     * name ({@link StageSignal#STAGE_PROPERTY}) in the event log and to listeners.
     */
    public static SparkSession forStage(OncoRweConfig config, String runId, Stage stage) {
        SparkSession spark = create(config, "oncorwe " + runId);
        spark.sparkContext().setLocalProperty(StageSignal.STAGE_PROPERTY, stage.command());
        return spark;
    }

    /** The dev.signal_stage hook, registered once per SparkContext. */
    private static synchronized void listen(SparkSession spark, OncoRweConfig config) {
        String stage = config.get(ConfigKeys.DEV_SIGNAL_STAGE);
        String marker = config.get(ConfigKeys.DEV_SIGNAL_MARKER);
        if (stage.isBlank() || marker.isBlank() || SIGNALLED.contains(spark.sparkContext())) {
            return;
        }
        SIGNALLED.add(spark.sparkContext());
        spark.sparkContext().addSparkListener(new StageSignal(stage, Path.of(marker)));
    }

    private static final java.util.Set<org.apache.spark.SparkContext> SIGNALLED =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
}
