package org.oncorwe.ingest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.oncorwe.runtime.PipelineFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds extracts and their extract date (registry-extract.md: folder layout, Dates, manifest). */
public final class ExtractLocator {

    public static final String MANIFEST = "extract_manifest.json";
    /** The manifest source of the project's own synthetic extracts. */
    public static final String SYNTHETIC_SOURCE = "oncorwe-synthetic";
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private ExtractLocator() {
    }

    /** The newest extract under a folder: the largest child name that parses as yyyy-MM-dd. */
    public static Optional<Path> newest(Path parent) {
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> parseDate(p.getFileName().toString()).isPresent())
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }

    /** The newest published partition of a table folder: the largest {@code extract_date=yyyy-MM-dd} child. */
    public static Optional<LocalDate> newestPartition(Path table) {
        if (!Files.isDirectory(table)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(table)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("extract_date="))
                    .flatMap(n -> parseDate(n.substring("extract_date=".length())).stream())
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + table, e);
        }
    }

    /**
     * The extract date: the option if given, else the manifest's extract_date, else the folder
     * name; an option disagreeing with the manifest, or no date at all, fails the run.
     */
    public static LocalDate extractDate(Path extract, Optional<LocalDate> option) {
        Optional<LocalDate> fromManifest = manifest(extract).flatMap(m -> m.hasPath("extract_date")
                ? Optional.of(parseDate(m.getString("extract_date")).orElseThrow(() -> new PipelineFailure(
                        MANIFEST + ": extract_date '" + m.getString("extract_date") + "' is not yyyy-MM-dd")))
                : Optional.empty());
        if (option.isPresent() && fromManifest.isPresent() && !option.get().equals(fromManifest.get())) {
            throw new PipelineFailure("--extract-date " + option.get() + " disagrees with " + MANIFEST
                    + " extract_date " + fromManifest.get());
        }
        return option.or(() -> fromManifest)
                .or(() -> parseDate(extract.toAbsolutePath().normalize().getFileName().toString()))
                .orElseThrow(() -> new PipelineFailure("no extract date for " + extract
                        + ": give --extract-date, an extract_date in " + MANIFEST + ", or a yyyy-MM-dd folder name"));
    }

    /** True when the extract's manifest says it is the project's synthetic data. */
    public static boolean isSynthetic(Path extract) {
        return manifest(extract).map(m -> m.hasPath("source") && SYNTHETIC_SOURCE.equals(m.getString("source")))
                .orElse(false);
    }

    static Optional<Config> manifest(Path extract) {
        Path file = extract.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON).setAllowMissing(false)));
        } catch (ConfigException e) {
            throw new PipelineFailure(MANIFEST + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text, ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
