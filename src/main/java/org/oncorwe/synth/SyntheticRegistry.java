package org.oncorwe.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generator: writes {@code DIR/<extract-date>/} (the nine tables and extract_manifest.json)
 * and {@code DIR/truth/<extract-date>/}, one patient at a time (memory does not grow with
 * patients), patient by patient in index order, so the same settings give the same bytes.
 */
public final class SyntheticRegistry {

    /** What a run wrote. */
    public record Result(Path extractDir, Path truthDir, Map<String, Long> recordsPerFile, long patients) {
    }

    private SyntheticRegistry() {
    }

    public static Result generate(GeneratorSettings settings, Path output) {
        String date = settings.extractDate().toString();
        Path extractDir = output.resolve(date);
        Path truthDir = output.resolve("truth").resolve(date);
        deleteRecursively(extractDir);
        deleteRecursively(truthDir);
        PatientGenerator generator = new PatientGenerator(settings);
        try {
            Files.createDirectories(extractDir);
            try (TruthWriter truth = new TruthWriter(truthDir, settings.profile());
                 ExtractWriter extract = new ExtractWriter(extractDir, settings, truth::writeDamage)) {
                for (long i = 0; i < settings.patients(); i++) {
                    PatientGenerator.GeneratedPatient p = generator.generate(i);
                    p.rows().forEach(extract::write);
                    truth.write(p.story());
                }
                extract.close();
                return new Result(extractDir, truthDir, Map.copyOf(extract.records()), settings.patients());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic extract under " + output, e);
        }
    }

    /** The stories alone (no files): what calibration checks read. */
    static Stream<Story> stories(GeneratorSettings settings) {
        PatientGenerator generator = new PatientGenerator(settings);
        return java.util.stream.LongStream.range(0, settings.patients()).mapToObj(i -> generator.generate(i).story());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
