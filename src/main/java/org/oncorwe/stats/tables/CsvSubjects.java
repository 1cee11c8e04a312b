package org.oncorwe.stats.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oncorwe.runtime.PipelineFailure;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the survival command's CSV input in plain Java (no Spark): a header row, one subject a row. */
public final class CsvSubjects {

    private CsvSubjects() {
    }

    public static SubjectRows.Loaded read(Path file, InputColumns columns) {
        String source = file.getFileName().toString();
        SubjectRows rows = new SubjectRows(source, columns);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setCommentMarker('#').setTrim(true).build().parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (String c : new String[] {columns.time(), columns.event(), columns.group(), columns.strata()}) {
                if (c != null && !header.contains(c)) {
                    throw new PipelineFailure(source + " has no column " + c + " (columns: " + String.join(", ", header) + ")");
                }
            }
            for (CSVRecord r : parser) {
                rows.add(get(r, columns.time()), get(r, columns.event()), get(r, columns.group()),
                        get(r, columns.strata()));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new PipelineFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rows.load();
    }

    private static String get(CSVRecord r, String column) {
        return column == null || !r.isSet(column) ? null : r.get(column);
    }
}
