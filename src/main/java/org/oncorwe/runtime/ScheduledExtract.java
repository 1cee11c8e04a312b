package org.oncorwe.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.oncorwe.ingest.ExtractLocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a scheduled run should do with an extract root: pick the extract (the newest yyyy-MM-dd
 * folder, or a given date for a backfill) and run it unless the newest successful {@code run} of
 * that extract date under the output root read the same inputs (its manifest's
 * {@code input_fingerprint}: sha256 over the sorted (file, sha256) pairs, {@link FileInventory}).
 */
public final class ScheduledExtract {

    /** The outcome: run or skip an extract folder, and why. */
    public record Decision(boolean run, Path extract, LocalDate extractDate, String fingerprint, String reason) {

        /** One line for the scheduler's log: {@code run|skip <folder> extract_date=<d> fingerprint=<fp>: <reason>}. */
        public String line() {
            return (run ? "run " : "skip ") + extract + " extract_date=" + extractDate + " fingerprint=" + fingerprint + ": "
                    + reason;
        }
    }

    private ScheduledExtract() {
    }

    public static Decision decide(Path root, Optional<LocalDate> date, Path outputRoot, boolean force) {
        Path extract = date.map(d -> root.resolve(d.toString()))
                .orElseGet(() -> ExtractLocator.newest(root).orElseThrow(() ->
                        new PipelineFailure("no extract folder (yyyy-MM-dd) under " + root)));
        if (!Files.isDirectory(extract)) {
            throw new PipelineFailure("extract folder not found: " + extract);
        }
        LocalDate extractDate = LocalDate.parse(extract.getFileName().toString());
        String fingerprint = FileInventory.fingerprint(FileInventory.of(extract));
        if (force) {
            return new Decision(true, extract, extractDate, fingerprint, "forced");
        }
        Optional<Config> last = lastSuccessfulRun(outputRoot, extractDate);
        if (last.isEmpty()) {
            return new Decision(true, extract, extractDate, fingerprint, "not published yet");
        }
        String runId = last.get().getString("run_id");
        String before = last.get().hasPath("input_fingerprint") ? last.get().getString("input_fingerprint") : "none";
        return before.equals(fingerprint)
                ? new Decision(false, extract, extractDate, fingerprint, "already published by run " + runId)
                : new Decision(true, extract, extractDate, fingerprint, "inputs changed since run " + runId
                        + " (fingerprint " + before + ")");
    }

    /** The newest run manifest of a successful {@code run} of this extract date under an output root. */
    static Optional<Config> lastSuccessfulRun(Path outputRoot, LocalDate extractDate) {
        Path runs = outputRoot.resolve("_runs");
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(runs)) {
            List<Config> manifests = files.filter(p -> p.getFileName().toString().endsWith(".json")
                            && !p.getFileName().toString().startsWith("."))
                    .map(p -> ConfigFactory.parseFile(p.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)))
                    .filter(c -> c.hasPath("subcommand") && c.getString("subcommand").equals("run"))
                    .filter(c -> c.hasPath("status") && c.getString("status").equals("OK"))
                    .filter(c -> c.hasPath("extract_date") && c.getString("extract_date").equals(extractDate.toString()))
                    .toList();
            return manifests.stream().max(Comparator.comparing((Config c) -> Instant.parse(c.getString("started_at")))
                    .thenComparing(c -> c.getString("run_id")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runs, e);
        }
    }
}
