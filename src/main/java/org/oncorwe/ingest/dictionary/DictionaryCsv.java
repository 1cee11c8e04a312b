package org.oncorwe.ingest.dictionary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oncorwe.runtime.PipelineFailure;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one dictionary file: UTF-8 CSV, {@code #} comment lines, a header row, then data rows.
 * Every problem fails with one message naming the file and the line (docs/dictionaries.md).
 */
final class DictionaryCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#').setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true)
            .setHeader().setSkipHeaderRecord(true).build();

    /** One data row: trimmed cells by header name. */
    record Row(String file, long line, Map<String, String> cells) {

        /** The cell, "" when empty. */
        String get(String column) {
            return cells.getOrDefault(column, "");
        }

        String required(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                throw fail(column + " is empty");
            }
            return v;
        }

        /** The cell as a constant of an enum, case-insensitive. */
        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = required(column);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(column + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        BigDecimal decimal(String column) {
            try {
                return new BigDecimal(required(column));
            } catch (NumberFormatException e) {
                throw fail(column + " '" + get(column) + "' is not a number");
            }
        }

        PipelineFailure fail(String problem) {
            return new PipelineFailure("dictionary " + file + " line " + line + ": " + problem);
        }
    }

    private DictionaryCsv() {
    }

    static List<Row> read(Path dir, String fileName, String... columns) {
        Path file = dir.resolve(fileName);
        String shown = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new PipelineFailure("dictionary " + shown + " is missing");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new PipelineFailure("dictionary " + shown + ": header lacks column " + column);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw new PipelineFailure("dictionary " + shown + " line " + line + ": " + record.size()
                            + " fields, the header has " + header.size());
                }
                Map<String, String> cells = new TreeMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                rows.add(new Row(shown, line, cells));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new PipelineFailure("dictionary " + shown + ": cannot be read as CSV: " + e.getMessage(), e);
        }
    }
}
