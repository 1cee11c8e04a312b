package org.oncorwe.synth;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.oncorwe.config.CanonicalJson;
import org.oncorwe.runtime.FileInventory;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams rows into the extract's CSV files (RFC 4180, LF line ends, UTF-8, a BOM on some
 * files), large tables as {@code <table>/part-NNNNN.csv} of a fixed number of records, and
 * writes {@code extract_manifest.json} with each file's record count and sha256. Knows each
 * record's physical line number, so a planted defect is recorded where it stands.
 */
final class ExtractWriter implements Closeable {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.MINIMAL).build();

    private final Path dir;
    private final GeneratorSettings settings;
    private final Map<ExtractTable, Sink> sinks = new EnumMap<>(ExtractTable.class);
    private final Map<String, Long> records = new TreeMap<>();
    private final java.util.function.Consumer<DamageTruth> damage;
    private boolean closed;

    ExtractWriter(Path dir, GeneratorSettings settings, java.util.function.Consumer<DamageTruth> damage) {
        this.dir = dir;
        this.settings = settings;
        this.damage = damage;
        for (ExtractTable t : ExtractTable.values()) {
            sinks.put(t, new Sink(t));
        }
    }

    /** Writes one row; a damaged row's line number goes to the damage truth. */
    void write(Row row) {
        Sink sink = sinks.get(row.table());
        long line = sink.write(row.values());
        if (row.damageKind() != null) {
            damage.accept(new DamageTruth(sink.currentFile(), line, row.damageKind(), row.damageExpected(), row.get("patient_id")));
        }
    }

    /** Closes every file and writes the manifest; returns records per file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (Sink sink : sinks.values()) {
            sink.closeCurrent();
        }
        Map<String, Object> files = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : records.entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("rows", e.getValue());
            f.put("sha256", FileInventory.sha256(dir.resolve(e.getKey())));
            files.put(e.getKey(), f);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("source", "oncorwe-synthetic");
        manifest.put("extract_date", settings.extractDate().toString());
        manifest.put("encoding", "UTF-8");
        manifest.put("generator", Map.of("seed", settings.seed(), "patients", settings.patients(),
                "profile", settings.profile().name().toLowerCase(java.util.Locale.ROOT)));
        manifest.put("files", files);
        Files.writeString(dir.resolve("extract_manifest.json"), CanonicalJson.writePretty(manifest), StandardCharsets.UTF_8);
    }

    Map<String, Long> records() {
        return records;
    }

    /** One table's current file. */
    private final class Sink {
        private final ExtractTable table;
        private int part = -1;
        private String file;
        private CSVPrinter printer;
        private long recordsInFile;
        private long nextLine;

        Sink(ExtractTable table) {
            this.table = table;
            open();
        }

        String currentFile() {
            return file;
        }

        long write(String[] values) {
            if (table.writtenInParts() && recordsInFile == settings.rowsPerPart()) {
                closeCurrent();
                open();
            }
            long line = nextLine;
            try {
                printer.printRecord((Object[]) values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String v : values) {
                if (v != null) {
                    nextLine += v.chars().filter(c -> c == '\n').count();
                }
            }
            nextLine++;
            recordsInFile++;
            records.put(file, recordsInFile);
            return line;
        }

        private void open() {
            part++;
            file = table.writtenInParts() ? String.format(java.util.Locale.ROOT, "%s/part-%05d.csv", table.fileName(), part)
                    : table.fileName() + ".csv";
            try {
                Path path = dir.resolve(file);
                Files.createDirectories(path.getParent());
                Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
                PatientRandom fileRandom = new PatientRandom(settings.seed(), settings.profile(), -1L - file.hashCode());
                if (fileRandom.chance(settings.damage().bom())) {
                    w.write('\uFEFF');
                }
                printer = new CSVPrinter(w, FORMAT);
                printer.printRecord(table.columns());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            recordsInFile = 0;
            nextLine = 2;
            records.put(file, 0L);
        }

        void closeCurrent() {
            try {
                if (printer != null) {
                    printer.close(true);
                    printer = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
