package org.oncorwe.testing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The privacy scan (docs/reliability.md): looks for every identifier of an extract — each
 * patient_id of every file, each patient_name and resident_no of patient.csv — and the pseudonym
 * key's value in raw bytes (files: Parquet, JSON, HTML, CSV, logs, event logs) and in decoded
 * values (every row of every published table, as JSON). Counts what it scanned and every hit by
 * where it was, never printing a needle.
 */
public final class PrivacyScan {

    /** Identifier columns of the input contract: any file's patient_id, patient.csv's name and national id. */
    private static final Set<String> ID_COLUMNS = Set.of("patient_id", "patient_name", "resident_no");

    /**
     * Shortest value searched for: a 3-syllable Korean name is 9 bytes, ids are longer; shorter values
     * (codes, missing markers, a fragment of a damaged field) would match compressed bytes by chance
     * (decision 253).
     */
    static final int MIN_BYTES = 8;

    private final List<String> needles;
    /** Needles by their first {@link #prefix} characters, as raw-byte (ISO-8859-1 of UTF-8) strings. */
    private final Map<String, List<String>> byPrefix = new HashMap<>();
    private final int prefix;
    /** Whether a needle starts with this (raw) character: most positions are passed over on it. */
    private final boolean[] starts = new boolean[256];
    private final Map<String, Long> needleKinds;
    private long files;
    private long bytes;
    private long values;
    private final Map<String, Long> hits = new TreeMap<>();

    /** Which kind (column, or the key) each raw needle is, for the hit counts. */
    private final Map<String, String> kindOf = new HashMap<>();

    private PrivacyScan(Map<String, String> needleKinds, Map<String, Long> kinds) {
        this(needleKinds.keySet(), kinds);
        needleKinds.forEach((n, k) -> kindOf.put(raw(n), k));
    }

    private PrivacyScan(Set<String> needles, Map<String, Long> kinds) {
        this.needles = List.copyOf(needles);
        this.needleKinds = kinds;
        this.prefix = Math.min(8, needles.stream().mapToInt(n -> raw(n).length()).min().orElse(8));
        if (prefix < MIN_BYTES) {
            throw new IllegalArgumentException("an identifier shorter than " + MIN_BYTES + " bytes cannot be searched for without false hits");
        }
        for (String n : needles) {
            String r = raw(n);
            byPrefix.computeIfAbsent(r.substring(0, prefix), k -> new ArrayList<>()).add(r);
            starts[r.charAt(0)] = true;
        }
    }

    /** The identifiers of every CSV file under the extract folders (part folders included), and the key. */
    public static PrivacyScan of(String key, Path... extracts) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Path extract : extracts) {
            try (Stream<Path> csvs = Files.walk(extract)) {
                for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    read(csv, found);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> all = new java.util.LinkedHashMap<>();
        Map<String, Long> kinds = new TreeMap<>();
        found.forEach((column, values) -> {
            values.forEach(v -> all.putIfAbsent(v, column));
            kinds.put(column, (long) values.size());
        });
        all.put(key, "pseudonym key");
        kinds.put("pseudonym key", 1L);
        return new PrivacyScan(all, kinds);
    }

    /** As {@link #of(String, Path...)}, for one extract. */
    public static PrivacyScan of(Path extract, String key) {
        return of(key, extract);
    }

    /**
     * Identifier columns by header name, read as RFC 4180 records; when a damaged file breaks the
     * reader, field by field of every physical line split at commas — a damaged row's identifiers
     * count as much as a clean one's.
     */
    private static void read(Path csv, Map<String, Set<String>> found) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                .setAllowDuplicateHeaderNames(true).build();
        Map<Integer, String> columns = new HashMap<>();
        // lenient decoding (undecodable bytes replaced): a damaged line's identifiers are still read
        try (Reader reader = new java.io.InputStreamReader(new java.io.BufferedInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                if (ID_COLUMNS.contains(name)) {
                    columns.put(i, name);
                }
            }
            for (CSVRecord r : parser) {
                columns.forEach((i, name) -> {
                    if (i < r.size()) {
                        add(found, name, r.get(i));
                    }
                });
            }
            return;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // broken past the reader: the physical lines below give the rest (identifier columns come
            // before any free text in the contract's files, so a comma split finds them)
        }
        List<String> lines = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8).lines().skip(1).toList();
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            columns.forEach((i, name) -> {
                if (i < fields.length) {
                    add(found, name, fields[i].replace("\"", ""));
                }
            });
        }
    }

    private static void add(Map<String, Set<String>> found, String column, String value) {
        String v = value.trim();
        // a run of one character (a damaged field's 40 000 x's) identifies no one, and other fields hold it too
        if (v.getBytes(StandardCharsets.UTF_8).length >= MIN_BYTES && v.chars().distinct().count() > 1) {
            found.computeIfAbsent(column, k -> new LinkedHashSet<>()).add(v);
        }
    }

    /** How many values of each kind are searched for. */
    public Map<String, Long> needleKinds() {
        return needleKinds;
    }

    public int needleCount() {
        return needles.size();
    }

    /** Every regular file under the given folders or files, as raw bytes. */
    public PrivacyScan files(String where, Path... roots) {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] b = Files.readAllBytes(f);
                    files++;
                    bytes += b.length;
                    count(where, new String(b, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Text a process printed (stdout, stderr), as bytes would hold it. */
    public PrivacyScan text(String where, String text) {
        files++;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        bytes += b.length;
        count(where, new String(b, StandardCharsets.ISO_8859_1));
        return this;
    }

    /** Every row of every table folder under an output root, decoded by Spark, as JSON (every column's value). */
    public PrivacyScan tables(String where, SparkSession spark, Path output) {
        try (Stream<Path> dirs = Files.list(output)) {
            for (Path table : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("_"))
                    .filter(PrivacyScan::holdsParquet).sorted().toList()) {
                for (String row : spark.read().parquet(table.toString()).toJSON().collectAsList()) {
                    values++;
                    count(where + " " + table.getFileName(), new String(row.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static boolean holdsParquet(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count(String where, String haystack) {
        for (int i = 0; i + prefix <= haystack.length(); i++) {
            if (!starts[haystack.charAt(i) & 0xFF]) {
                continue;
            }
            List<String> candidates = byPrefix.get(haystack.substring(i, i + prefix));
            if (candidates != null) {
                for (String n : candidates) {
                    if (haystack.startsWith(n, i)) {
                        hits.merge(where + ": " + kindOf.getOrDefault(n, "?"), 1L, Long::sum);
                    }
                }
            }
        }
    }

    public long filesScanned() {
        return files;
    }

    public long bytesScanned() {
        return bytes;
    }

    public long rowsDecoded() {
        return values;
    }

    /** Hits by where they were found (empty: none). */
    public Map<String, Long> hits() {
        return hits;
    }

    /** One line for a test's output and docs/reliability.md: what was searched, over what, and the hits. */
    public String summary() {
        return "%d values searched for %s; %d files, %d bytes raw; %d rows decoded; hits %s".formatted(needles.size(),
                needleKinds, files, bytes, values, hits.isEmpty() ? "0" : hits.toString());
    }

    private static String raw(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
