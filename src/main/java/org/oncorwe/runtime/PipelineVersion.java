package org.oncorwe.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The pipeline's version, from the build (written into every table and manifest). */
public final class PipelineVersion {

    private static final String VERSION = load();

    private PipelineVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = PipelineVersion.class.getResourceAsStream("/org/oncorwe/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
