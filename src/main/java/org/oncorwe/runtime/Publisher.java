package org.oncorwe.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.oncorwe.config.CanonicalJson;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes a run's table partitions whole or not at all (outputs.md, Publishing). Work is
 * written under {@code OUT/_staging/<run_id>/<table>/<partition>/}; {@link #publish} writes a
 * journal ({@code OUT/_journal/<run_id>.json}) naming every partition, then swaps each one in
 * (the live partition moved aside to {@code OUT/_trash/<run_id>/}, the staged one moved in with
 * its {@code _SUCCESS} marker already inside), then marks the journal done and clears staging
 * and trash. {@link #recover} — run at the start of every stage — finishes a journal a crash
 * left open: staging was complete before the journal existed, so finishing is always right.
 * A reader sees either the old complete partition or the new complete one. One run at a time
 * per output root.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    public static final String SUCCESS = "_SUCCESS";

    private final Path root;
    private final Pause pause;

    public Publisher(Path outputRoot) {
        this(outputRoot, Pause.NONE);
    }

    public Publisher(Path outputRoot, Pause pause) {
        this.root = outputRoot;
        this.pause = pause;
    }

    /**
     * A development hook for the crash tests (docs/reliability.md): once the journal is written and
     * before the first partition is swapped, write {@code marker} (when given) and sleep
     * {@code millis} — a test kills the driver there. Never set in production ({@code dev.*}).
     */
    public record Pause(long millis, Optional<Path> marker) {
        public static final Pause NONE = new Pause(0, Optional.empty());

        public static Pause from(OncoRweConfig config) {
            String marker = config.get(ConfigKeys.DEV_PAUSE_MARKER);
            return new Pause(config.get(ConfigKeys.DEV_PAUSE_BEFORE_PUBLISH_MS),
                    marker.isBlank() ? Optional.empty() : Optional.of(Path.of(marker)));
        }

        void hold(String runId, Path journal) {
            if (millis <= 0) {
                return;
            }
            LOG.warn("dev.pause_before_publish_ms: run {} holds {} ms between its journal and the swap", runId, millis);
            marker.ifPresent(m -> {
                try {
                    Files.createDirectories(m.toAbsolutePath().getParent());
                    Path tmp = m.resolveSibling("." + m.getFileName() + ".tmp");
                    Files.writeString(tmp, "run_id=" + runId + "\njournal=" + journal + "\n", StandardCharsets.UTF_8);
                    Files.move(tmp, m, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the pause marker " + m, e);
                }
            });
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineFailure("interrupted while paused before publishing run " + runId);
            }
        }
    }

    /** One partition of one table: {@code table/extract_date=2020-10-31[/study=x]}. */
    public record Partition(String table, String path) {
        Path under(Path base) {
            return base.resolve(table).resolve(path);
        }
    }

    public Path staging(String runId) {
        return root.resolve("_staging").resolve(runId);
    }

    private Path journal(String runId) {
        return root.resolve("_journal").resolve(runId + ".json");
    }

    private Path trash(String runId) {
        return root.resolve("_trash").resolve(runId);
    }

    /** The partition folders a stage wrote under staging for a table, at a given depth (1: extract_date, 2: + study). */
    public List<Partition> staged(String runId, String table, int depth) {
        Path tableDir = staging(runId).resolve(table);
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.walk(tableDir, depth)) {
            return dirs.filter(Files::isDirectory).filter(d -> tableDir.relativize(d).getNameCount() == depth
                            && !tableDir.relativize(d).toString().isEmpty())
                    .map(d -> new Partition(table, tableDir.relativize(d).toString().replace('\\', '/')))
                    .sorted(Comparator.comparing(Partition::path)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Swaps the given staged partitions in, journalled; returns their live paths. */
    public List<Path> publish(String runId, List<Partition> partitions) {
        for (Partition p : partitions) {
            Path staged = p.under(staging(runId));
            if (!Files.isDirectory(staged)) {
                throw new PipelineFailure("nothing staged for " + p.table() + "/" + p.path());
            }
            touch(staged.resolve(SUCCESS));
        }
        writeJournal(runId, partitions, "PUBLISHING");
        pause.hold(runId, journal(runId));
        return finish(runId, partitions);
    }

    /** Finishes every journal a crash left open, then clears abandoned staging folders. */
    public void recover() {
        Path journals = root.resolve("_journal");
        if (Files.isDirectory(journals)) {
            try (Stream<Path> files = Files.list(journals)) {
                for (Path j : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    Config c = ConfigFactory.parseFile(j.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
                    String runId = c.getString("run_id");
                    if (!c.getString("state").equals("DONE")) {
                        List<Partition> parts = new ArrayList<>();
                        for (Config p : c.getConfigList("partitions")) {
                            parts.add(new Partition(p.getString("table"), p.getString("path")));
                        }
                        LOG.warn("finishing the interrupted publication of run {} ({} partitions)", runId, parts.size());
                        finish(runId, parts);
                    } else {
                        Files.delete(j);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path stagingRoot = root.resolve("_staging");
        if (Files.isDirectory(stagingRoot)) {
            try (Stream<Path> runs = Files.list(stagingRoot)) {
                for (Path run : runs.toList()) {
                    if (!Files.exists(journal(run.getFileName().toString()))) {
                        deleteTree(run); // a run that failed before publishing: never visible, now gone
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<Path> finish(String runId, List<Partition> partitions) {
        List<Path> live = new ArrayList<>();
        try {
            for (Partition p : partitions) {
                Path staged = p.under(staging(runId));
                Path target = p.under(root);
                if (Files.isDirectory(staged)) {
                    if (Files.exists(target)) {
                        Path aside = p.under(trash(runId));
                        Files.createDirectories(aside.getParent());
                        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                    }
                    Files.createDirectories(target.getParent());
                    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                }
                live.add(target);
            }
            writeJournal(runId, partitions, "DONE");
            deleteTree(trash(runId));
            deleteTree(staging(runId));
            Files.deleteIfExists(journal(runId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish run " + runId + " under " + root, e);
        }
        return live;
    }

    private void writeJournal(String runId, List<Partition> partitions, String state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", runId);
        json.put("state", state);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Partition p : partitions) {
            parts.add(Map.of("table", p.table(), "path", p.path()));
        }
        json.put("partitions", parts);
        Path file = journal(runId);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, CanonicalJson.writePretty(json), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the publication journal " + file, e);
        }
    }

    private static void touch(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything under it (nothing when it does not exist). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
