package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.stats.bench.BenchData;
import org.oncorwe.stats.bench.JavaSurvivalBench;
import org.oncorwe.stats.bench.RSurvivalBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks. survival: Kaplan-Meier (all and per group), log-rank and Cox Efron in-process "
                + "on seeded data, best of 3 after a warm-up; with --r beside R's system.time of survfit, survdiff "
                + "and coxph on the same data in the same run (docs/benchmarks.md).",
                "floor: parse every extract file and write it as Parquet, nothing else (issue #12)."})
final class BenchCommand extends StageCommand {

    static final String RESULTS_HEADER =
            "utc,rows,times,seed,step,r_seconds,java_seconds,java_over_r,load_before,load_after,cores";

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: survival or floor.")
    String what;

    @Option(names = "--extract", paramLabel = "DIR", description = "floor: the extract folder.")
    Path extract;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "200000", description = "survival: subjects (default 200000).")
    int rows;

    @Option(names = "--times", paramLabel = "days|continuous", defaultValue = "days", converter = TimesConverter.class,
            description = "survival: times rounded up to whole days (default) or continuous.")
    BenchData.Times times;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "survival: random seed (default 42).")
    long seed;

    @Option(names = "--r", description = "survival: also time R (Rscript on PATH, package survival) on the same data.")
    boolean withR;

    @Option(names = "--results", paramLabel = "FILE", description = "survival: append one CSV row per step to FILE.")
    Path results;

    @Override
    protected int execute(RunContext run) {
        if ("floor".equals(what)) {
            throw new NotImplementedYet("bench floor, issue #12");
        }
        if (!"survival".equals(what)) {
            throw new PipelineFailure("bench: unknown WHAT '" + what + "' (survival or floor)");
        }
        if (rows < 1) {
            throw new PipelineFailure("--rows: " + rows + " is not at least 1");
        }
        Path rscript = withR ? RSurvivalBench.rscript(run.invocation().environment().get("PATH"))
                .orElseThrow(() -> new PipelineFailure("--r: no Rscript on PATH")) : null;
        double loadBefore = loadAverage();
        BenchData data = BenchData.generate(rows, times, seed);
        JavaSurvivalBench.Timings java = JavaSurvivalBench.run(data);
        Map<String, Double> r = rscript == null ? Map.of() : timeR(rscript, data);
        double loadAfter = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        run.println(String.format(Locale.ROOT, "bench survival: %d rows, %s times, seed %d; load average %.2f before, "
                + "%.2f after, %d cores", rows, token(times), seed, loadBefore, loadAfter, cores));
        run.println(String.format(Locale.ROOT, "%-8s %9s %9s %8s", "step", "R (s)", "Java (s)", "Java/R"));
        StringBuilder csv = new StringBuilder();
        String utc = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (String step : JavaSurvivalBench.STEPS) {
            double j = java.steps().get(step);
            Double rs = r.get(step);
            String ratio = rs == null ? "-" : String.format(Locale.ROOT, "%.3f", j / rs);
            run.println(row(step, rs == null ? "-" : String.format(Locale.ROOT, "%.3f", rs), j, ratio));
            csv.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%s,%s,%.6f,%s,%.2f,%.2f,%d%n", utc, rows, token(times),
                    seed, step, rs == null ? "" : String.format(Locale.ROOT, "%.3f", rs), j,
                    rs == null ? "" : ratio, loadBefore, loadAfter, cores));
        }
        // R has no such step: each of its calls builds its model frame and sorts inside the time above
        run.println(row("(load)", "-", java.loadSeconds(), "-")
                + "  subject rows to sorted aggregates and timefix (before the steps, not in them)");
        if (results != null) {
            append(results, csv.toString());
        }
        return ExitCode.OK;
    }

    private static String row(String step, String r, double java, String ratio) {
        return String.format(Locale.ROOT, "%-8s %9s %9.3f %8s", step, r, java, ratio);
    }

    private static Map<String, Double> timeR(Path rscript, BenchData data) {
        Path work = null;
        try {
            work = Files.createTempDirectory("oncorwe-bench");
            return RSurvivalBench.run(rscript, data, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static void append(Path file, String rows) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            String text = Files.exists(file) && Files.size(file) > 0 ? rows : RESULTS_HEADER + "\n" + rows;
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String token(BenchData.Times t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    static final class TimesConverter implements CommandLine.ITypeConverter<BenchData.Times> {
        @Override
        public BenchData.Times convert(String value) {
            return SurvivalCommand.token(value, BenchData.Times.class);
        }
    }
}
