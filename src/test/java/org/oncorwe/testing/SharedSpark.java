package org.oncorwe.testing;

import org.apache.spark.sql.SparkSession;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.runtime.SparkSessions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one SparkSession of the test JVM (surefire runs every test in one fork): local[2],
 * 4 shuffle partitions, no UI. Made through {@link SparkSessions}, the production path,
 * from config overrides; stopped when the JVM exits.
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("runtime.master", "local[2]");
            overrides.put("runtime.shuffle_partitions", "4");
            overrides.put("runtime.spark_conf.spark.ui.enabled", "false");
            overrides.put("runtime.spark_conf.spark.sql.warehouse.dir",
                    Path.of(System.getProperty("java.io.tmpdir"), "spark-warehouse").toString());
            var config = ConfigLoader.load(new ConfigSources(TestPaths.home(), Optional.empty(), Map.of(), overrides));
            session = SparkSessions.create(config, "oncorwe-tests");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
        }
        return session;
    }
}
