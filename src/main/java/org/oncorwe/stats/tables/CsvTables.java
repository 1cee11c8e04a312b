package org.oncorwe.stats.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes result tables as {@code DIR/<table>.csv} with a header row, in plain Java: null as an
 * empty field, numbers unrounded in Java's locale-free shortest form (an infinite se as Infinity).
 */
public final class CsvTables {

    private CsvTables() {
    }

    public static Path write(Path dir, OutputTable table) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(table.name() + ".csv");
            Path tmp = dir.resolve("." + table.name() + ".csv.tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build().print(out)) {
                csv.printRecord(table.columns().stream().map(OutputTable.Column::name).toList());
                for (Object[] row : table.rows()) {
                    csv.printRecord(row);
                }
            }
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table.name() + " under " + dir, e);
        }
    }
}
