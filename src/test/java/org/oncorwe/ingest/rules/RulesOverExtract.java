package org.oncorwe.ingest.rules;

import org.oncorwe.ingest.RawRecordReader;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.HeaderBinding;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the ingest job will do, without Spark: every file read with RawRecordReader, bound, validated
 * row by row ({@link SourcedRow#read}), grouped by patient_id, and each group through {@link PatientIngest}.
 */
public final class RulesOverExtract {

    static final Dictionaries DICTIONARIES = Dictionaries.load(TestPaths.home().resolve("conf/dictionaries"));

    private RulesOverExtract() {
    }

    /** Outcomes of every record of the extract folder, and the patients. */
    public record Run(List<RowOutcome> rows, Map<String, PatientSummary> patients) {
    }

    public static Run run(Path extract, LocalDate extractDate) {
        Map<String, List<SourcedRow>> byPatient = new HashMap<>();
        for (SourcedRow row : sourced(extract, extractDate)) {
            byPatient.computeIfAbsent(row.patientId() == null ? "\u0000" : row.patientId(), k -> new ArrayList<>()).add(row);
        }
        List<RowOutcome> rows = new ArrayList<>();
        Map<String, PatientSummary> patients = new HashMap<>();
        PatientIngest.Settings rules = PatientIngest.Settings.defaults(extractDate);
        byPatient.forEach((id, group) -> {
            PatientIngest.Result r = PatientIngest.apply(id.equals("\u0000") ? null : id, group, rules);
            rows.addAll(r.rows());
            if (r.summary().patientId() != null) {
                patients.put(id, r.summary());
            }
        });
        return new Run(rows, patients);
    }

    /** Every record of the extract folder after the per-row steps, file by file in contract order. */
    public static List<SourcedRow> sourced(Path extract, LocalDate extractDate) {
        RowValidator.Settings settings = RowValidator.Settings.defaults(extractDate);
        List<SourcedRow> out = new ArrayList<>();
        for (TableContract table : ExtractContract.TABLES) {
            RowValidator validator = new RowValidator(table, settings, DICTIONARIES);
            for (Path file : files(extract, table)) {
                String rel = extract.relativize(file).toString().replace('\\', '/');
                try (RawRecordReader reader = new RawRecordReader(Files.newInputStream(file), StandardCharsets.UTF_8,
                        100, Integer.MAX_VALUE)) { // FIELD_TOO_LONG by the validator, with the patient_id (decision 87)
                    HeaderBinding binding = HeaderBinding.bind(table, reader.header());
                    reader.forEachRemaining(rec -> out.add(SourcedRow.read(rel, rec, binding, validator)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    private static List<Path> files(Path extract, TableContract table) {
        Path single = extract.resolve(table.name() + ".csv");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        Path folder = extract.resolve(table.name());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> parts = Files.list(folder)) {
            return parts.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
