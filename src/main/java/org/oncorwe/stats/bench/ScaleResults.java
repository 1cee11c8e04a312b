package org.oncorwe.stats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows {@code jobs/bench.sh} appends (docs/benchmarks.md, issue #12): per registry size and
 * phase, the last successful measurement; the run-over-floor ratio and the log-log slope of time
 * against patients. Plain Java.
 */
public final class ScaleResults {

    /** One phase of one size. Memory in MB; {@code peakHeapMb} is empty where the phase wrote no run manifest. */
    public record Measurement(long patients, String phase, double seconds, long peakRssMb, Optional<Long> peakHeapMb,
                              long records, long bytes) {
    }

    /** Phases in the order bench.sh runs them. */
    public static final List<String> PHASES = List.of("generate", "floor", "floor_per_row", "ingest", "cohort", "endpoints", "stats", "report",
            "run", "stats_1g", "run_cluster");

    private final Map<Long, Map<String, Measurement>> bySize;

    private ScaleResults(Map<Long, Map<String, Measurement>> bySize) {
        this.bySize = bySize;
    }

    /** Reads a results CSV: a header naming the columns, then one row per phase run; failed runs (exit ≠ 0) are left out. */
    public static ScaleResults read(Path csv) {
        try {
            return parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScaleResults parse(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<Long, Map<String, Measurement>> bySize = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < f.length; i++) {
                row.put(header.get(i), f[i]);
            }
            if (!"0".equals(row.get("exit"))) {
                continue;
            }
            long patients = Long.parseLong(row.get("patients"));
            String heap = row.getOrDefault("peak_heap_mb", "");
            Measurement m = new Measurement(patients, row.get("phase"), Double.parseDouble(row.get("seconds")),
                    number(row.get("peak_rss_mb")), heap.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(heap)),
                    number(row.get("records")), number(row.get("bytes")));
            bySize.computeIfAbsent(patients, k -> new LinkedHashMap<>()).put(m.phase(), m); // the last row wins
        }
        return new ScaleResults(bySize);
    }

    private static long number(String s) {
        return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
    }

    public TreeSet<Long> sizes() {
        return new TreeSet<>(bySize.keySet());
    }

    public Optional<Measurement> get(long patients, String phase) {
        return Optional.ofNullable(bySize.getOrDefault(patients, Map.of()).get(phase));
    }

    /** run seconds / floor seconds at a size, when both were measured. */
    public Optional<Double> runOverFloor(long patients) {
        return get(patients, "run").flatMap(r -> get(patients, "floor").map(f -> r.seconds() / f.seconds()));
    }

    /**
     * The least-squares slope of log(seconds) on log(patients) over the sizes in [from, to] where
     * the phase was measured (empty with fewer than two sizes). 1 is linear.
     */
    public Optional<Double> slope(String phase, long from, long to) {
        List<double[]> points = new ArrayList<>();
        for (long n : bySize.keySet()) {
            if (n >= from && n <= to) {
                get(n, phase).ifPresent(m -> points.add(new double[] {Math.log(n), Math.log(m.seconds())}));
            }
        }
        if (points.size() < 2) {
            return Optional.empty();
        }
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx == 0 ? Optional.empty() : Optional.of(sxy / sxx);
    }
}
