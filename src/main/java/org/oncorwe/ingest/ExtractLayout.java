package org.oncorwe.ingest;

import com.typesafe.config.Config;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.HeaderBinding;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.runtime.PipelineFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an extract folder holds, checked before any row is read (registry-extract.md: folder
 * layout, empty and header-only files, required files and columns, the manifest, encoding).
 * Every whole-extract failure is one {@link PipelineFailure} naming the file and column; a
 * table that is absent or empty but optional is simply absent (with a warning).
 *
 * @param extract     the extract folder
 * @param extractDate resolved as the contract says
 * @param charset     the manifest's encoding (UTF-8 when none)
 * @param synthetic   the manifest says {@code "source": "oncorwe-synthetic"}
 * @param files       per table, its files (relative paths, sorted) with their header binding
 * @param manifest    per listed file, its expected record count and sha256 (empty without a manifest)
 */
public record ExtractLayout(Path extract, LocalDate extractDate, Charset charset, boolean synthetic,
                            Map<String, List<TableFile>> files, Map<String, ManifestEntry> manifest) {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractLayout.class);

    /** One file of a table and how its header binds. */
    public record TableFile(String table, String path, HeaderBinding binding) implements java.io.Serializable {
    }

    /** What extract_manifest.json says of one file. */
    public record ManifestEntry(long rows, String sha256) {
    }

    public static ExtractLayout inspect(Path extract, Optional<LocalDate> extractDateOption, int maxLinesPerRecord,
                                        int maxFieldLength) {
        if (!Files.isDirectory(extract)) {
            throw new PipelineFailure("extract folder not found: " + extract);
        }
        LocalDate date = ExtractLocator.extractDate(extract, extractDateOption);
        Optional<Config> manifest = ExtractLocator.manifest(extract);
        Charset charset = manifest.filter(m -> m.hasPath("encoding")).map(m -> charset(m.getString("encoding")))
                .orElse(StandardCharsets.UTF_8);
        Map<String, ManifestEntry> listed = new TreeMap<>();
        manifest.filter(m -> m.hasPath("files")).ifPresent(m -> m.getObject("files").forEach((file, v) -> {
            Config entry = ((com.typesafe.config.ConfigObject) v).toConfig();
            listed.put(file, new ManifestEntry(entry.getLong("rows"), entry.getString("sha256").toLowerCase(Locale.ROOT)));
        }));
        Map<String, List<TableFile>> files = new LinkedHashMap<>();
        for (TableContract table : ExtractContract.TABLES) {
            List<TableFile> found = new ArrayList<>();
            for (String path : paths(extract, table)) {
                headerOf(extract, table, path, charset, maxLinesPerRecord, maxFieldLength).ifPresent(found::add);
            }
            if (found.isEmpty() && table.requiredFile()) {
                throw new PipelineFailure("required file " + table.fileName() + " is missing or empty in " + extract);
            }
            if (!found.isEmpty()) {
                files.put(table.name(), List.copyOf(found));
            } else {
                LOG.warn("optional table {} is absent", table.name());
            }
        }
        for (String file : listed.keySet()) {
            if (!Files.isRegularFile(extract.resolve(file))) {
                throw new PipelineFailure("extract_manifest.json lists " + file + ", which is not in " + extract);
            }
        }
        files.values().stream().flatMap(List::stream).map(TableFile::path).filter(p -> !listed.isEmpty() && !listed.containsKey(p))
                .forEach(p -> LOG.warn("{} is not listed in extract_manifest.json; read anyway", p));
        return new ExtractLayout(extract, date, charset, ExtractLocator.isSynthetic(extract), Map.copyOf(files), Map.copyOf(listed));
    }

    /** {@code <table>.csv}, or the {@code part-*.csv} files of {@code <table>/}; both at once is an error. */
    private static List<String> paths(Path extract, TableContract table) {
        Path single = extract.resolve(table.fileName());
        Path folder = extract.resolve(table.name());
        if (Files.isRegularFile(single) && Files.isDirectory(folder)) {
            throw new PipelineFailure("table " + table.name() + " is both " + table.fileName() + " and a folder " + table.name() + "/");
        }
        if (Files.isRegularFile(single)) {
            return List.of(table.fileName());
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> parts = Files.list(folder)) {
            return parts.filter(p -> p.getFileName().toString().endsWith(".csv")).map(p -> table.name() + "/" + p.getFileName())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<TableFile> headerOf(Path extract, TableContract table, String path, Charset charset,
                                                int maxLinesPerRecord, int maxFieldLength) {
        try (InputStream in = Files.newInputStream(extract.resolve(path));
             RawRecordReader reader = new RawRecordReader(in, charset, maxLinesPerRecord, maxFieldLength)) {
            if (reader.isEmptyFile()) {
                if (table.requiredFile()) {
                    throw new PipelineFailure("required file " + path + " is empty (no header)");
                }
                LOG.warn("{} is empty (no header): the table counts as absent", path);
                return Optional.empty();
            }
            HeaderBinding binding = HeaderBinding.bind(table, reader.header());
            if (!binding.missingRequired().isEmpty()) {
                throw new PipelineFailure(path + " has no column " + binding.missingRequired().get(0)
                        + (binding.missingRequired().size() > 1 ? " (nor " + String.join(", ", binding.missingRequired().subList(1,
                        binding.missingRequired().size())) + ")" : ""));
            }
            if (!binding.duplicated().isEmpty()) {
                throw new PipelineFailure(path + " has column " + binding.duplicated().get(0) + " twice");
            }
            if (table.name().equals("patient") && !reader.hasNext()) {
                throw new PipelineFailure(path + " has a header but no patients");
            }
            return Optional.of(new TableFile(table.name(), path, binding));
        } catch (IllegalArgumentException e) {
            throw new PipelineFailure(path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The manifest's encoding: UTF-8 or CP949 (Korean hospital exports), by any of their usual names. */
    static Charset charset(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("_", "-");
        try {
            return switch (n) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                case "CP949", "MS949", "X-WINDOWS-949", "WINDOWS-949" -> Charset.forName("x-windows-949");
                default -> Charset.forName(name.trim());
            };
        } catch (UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
            throw new PipelineFailure("extract_manifest.json declares an unknown encoding '" + name + "'");
        }
    }

    /** Every file to read, in table order then path order. */
    public List<TableFile> allFiles() {
        List<TableFile> out = new ArrayList<>();
        for (TableContract t : ExtractContract.TABLES) {
            out.addAll(files.getOrDefault(t.name(), List.of()));
        }
        return out;
    }
}
