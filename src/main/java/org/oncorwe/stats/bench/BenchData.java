package org.oncorwe.stats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The survival benchmark's data, made from a seed (the shape of the former survival-bench.R): n
 * subjects, groups A, B and C drawn uniformly, exponential event times with means 900, 1100 and
 * 1300, uniform censoring on 30 to 3650; {@code days} rounds the observed time up to a whole day
 * (at least 1), as the pipeline keeps times, {@code continuous} keeps it as drawn.
 */
public record BenchData(String[] group, double[] time, boolean[] event) {

    /** Time resolution of the data. */
    public enum Times { DAYS, CONTINUOUS }

    private static final String[] GROUPS = {"A", "B", "C"};
    private static final double[] MEAN = {900, 1100, 1300};

    public static BenchData generate(int n, Times times, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("rows must be at least 1, not " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        String[] group = new String[n];
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            int g = random.nextInt(GROUPS.length);
            double eventTime = -MEAN[g] * Math.log(1 - random.nextDouble());
            double censorTime = 30 + 3620 * random.nextDouble();
            double t = Math.min(eventTime, censorTime);
            group[i] = GROUPS[g];
            time[i] = times == Times.DAYS ? Math.max(1, Math.ceil(t)) : t;
            event[i] = eventTime <= censorTime;
        }
        return new BenchData(group, time, event);
    }

    public int size() {
        return time.length;
    }

    /** The data as CSV (time, status, group), times written exactly (shortest round-trip form). */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time,status,group\n");
            StringBuilder line = new StringBuilder(32);
            for (int i = 0; i < time.length; i++) {
                line.setLength(0);
                line.append(time[i]).append(',').append(event[i] ? '1' : '0').append(',').append(group[i]).append('\n');
                w.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
