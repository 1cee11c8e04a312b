package org.oncorwe.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.oncorwe.config.CanonicalJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The run manifest of one published partition ({@code _run.json} beside its files and
 * {@code _SUCCESS}): which run wrote it, with which configuration and key, from which input
 * partitions (each with the run that wrote it). A downstream stage reads these to refuse inputs
 * from runs that do not belong together, and BI readers to trace a number to its run.
 */
public record PartitionManifest(String runId, String table, String partition, String configHash, String keyId,
                                String pipelineVersion, Map<String, String> inputs) {

    public static final String FILE = "_run.json";

    public PartitionManifest {
        inputs = Map.copyOf(new TreeMap<>(inputs));
    }

    public void write(Path dir) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", runId);
        json.put("table", table);
        json.put("partition", partition);
        json.put("config_hash", configHash);
        json.put("key_id", keyId);
        json.put("pipeline_version", pipelineVersion);
        json.put("inputs", new TreeMap<>(inputs));
        try {
            Files.writeString(dir.resolve(FILE), CanonicalJson.writePretty(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /** The manifest of a partition folder, if it has one (partitions published before manifests existed have none). */
    public static Optional<PartitionManifest> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Config c = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        Map<String, String> inputs = new TreeMap<>();
        c.getObject("inputs").unwrapped().forEach((k, v) -> inputs.put(k, String.valueOf(v)));
        return Optional.of(new PartitionManifest(c.getString("run_id"), c.getString("table"), c.getString("partition"),
                c.getString("config_hash"), c.getString("key_id"), c.getString("pipeline_version"), inputs));
    }
}
