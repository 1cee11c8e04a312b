package org.oncorwe.runtime;

import org.oncorwe.config.CanonicalJson;
import org.oncorwe.config.OncoRweConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The record of one invocation, written to {@code OUT/_runs/<run_id>.json} whatever its outcome
 * (outputs.md): what ran, with which resolved configuration, on which inputs, with what result.
 * Wall-clock times live here and never in data tables.
 */
public final class RunManifest {

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String runId;
    private final String subcommand;
    private final List<String> arguments;
    private final Instant started;
    private final Map<String, Object> extra = new TreeMap<>();
    private final Map<String, Long> rows = new TreeMap<>();
    private List<FileInventory.Entry> inputs = List.of();
    private Map<String, Object> config;
    private String configHash;
    private String keyId;

    private RunManifest(String runId, String subcommand, List<String> arguments, Instant started) {
        this.runId = runId;
        this.subcommand = subcommand;
        this.arguments = List.copyOf(arguments);
        this.started = started;
    }

    public static RunManifest start(String subcommand, List<String> arguments) {
        Instant now = Instant.now();
        String id = RUN_ID_TIME.format(now) + "-" + String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
        return new RunManifest(id, subcommand, arguments, now);
    }

    public String runId() {
        return runId;
    }

    public void config(OncoRweConfig resolved) {
        this.config = resolved.tree();
        this.configHash = resolved.configHash();
    }

    /** The published key id (never the key). */
    public void keyId(String id) {
        this.keyId = id;
    }

    public void inputs(List<FileInventory.Entry> files) {
        this.inputs = List.copyOf(files);
    }

    public void rows(String table, long count) {
        rows.put(table, count);
    }

    /** A further named value (extract date, pending stages, output paths). */
    public void put(String name, Object value) {
        extra.put(name, value);
    }

    /** Writes {@code <output>/_runs/<run_id>.json} atomically and returns its path. */
    public Path write(Path output, int exitStatus, String status, String error) {
        Map<String, Object> json = new LinkedHashMap<>(extra);
        json.put("run_id", runId);
        json.put("pipeline_version", PipelineVersion.get());
        json.put("subcommand", subcommand);
        json.put("arguments", arguments);
        json.put("started_at", started.toString());
        Instant ended = Instant.now();
        json.put("ended_at", ended.toString());
        json.put("duration_seconds", (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0);
        json.put("exit_status", exitStatus);
        json.put("status", status);
        json.put("error", error);
        json.put("config", config);
        json.put("config_hash", configHash);
        json.put("key_id", keyId);
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileInventory.Entry e : inputs) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", e.path());
            f.put("size", e.size());
            f.put("sha256", e.sha256());
            files.add(f);
        }
        json.put("inputs", files);
        json.put("input_fingerprint", inputs.isEmpty() ? null : FileInventory.fingerprint(inputs));
        json.put("rows", rows);
        json.put("java_version", System.getProperty("java.version"));
        json.put("peak_heap_bytes", peakHeapBytes());
        try {
            Path dir = Files.createDirectories(output.resolve("_runs"));
            Path target = dir.resolve(runId + ".json");
            Path tmp = dir.resolve("." + runId + ".json.tmp");
            Files.writeString(tmp, CanonicalJson.writePretty(json), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run manifest under " + output, e);
        }
    }

    /** The JVM's heap high-water mark so far: the peaks of its heap pools, summed (driver memory; docs/benchmarks.md). */
    static long peakHeapBytes() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
