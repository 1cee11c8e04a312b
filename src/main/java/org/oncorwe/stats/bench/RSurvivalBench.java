package org.oncorwe.stats.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The R side of the survival benchmark: the data written to CSV, and R's {@code survfit},
 * {@code survdiff} and {@code coxph(ties = "efron")} on it under {@code system.time}, the best of 3
 * (survival-bench.R beside this class).
 */
public final class RSurvivalBench {

    private RSurvivalBench() {
    }

    /** Rscript on this PATH, if any. */
    public static Optional<Path> rscript(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "Rscript");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** R's seconds per step (km, logrank, cox) on the data, written under {@code work}. */
    public static Map<String, Double> run(Path rscript, BenchData data, Path work) {
        try {
            Files.createDirectories(work);
            Path csv = work.resolve("bench-survival.csv");
            data.writeCsv(csv);
            Path script = work.resolve("survival-bench.R");
            try (InputStream in = RSurvivalBench.class.getResourceAsStream("survival-bench.R")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Process p = new ProcessBuilder(rscript.toString(), script.toString(), csv.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (String line : out.split("\\R")) {
                String[] f = line.trim().split(" ");
                if (f.length == 3 && f[0].equals("r")) {
                    seconds.put(f[1], Double.parseDouble(f[2]));
                }
            }
            if (exit != 0 || seconds.size() != JavaSurvivalBench.STEPS.size()) {
                throw new IllegalStateException("Rscript exited " + exit + ": " + out.strip());
            }
            Files.delete(csv);
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while R ran", e);
        }
    }
}
