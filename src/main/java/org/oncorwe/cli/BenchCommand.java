package org.oncorwe.cli;

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
                "floor: read every file of --extract with the ingest's reader, decoder and partitioning and write its "
                        + "records as Parquet under OUT/_bench/floor, nothing else: what any ingest costs at least "
                        + "(docs/benchmarks.md). With --per-row, every record also goes through the ingest's per-record "
                        + "work (column rules, keyed hash of patient_id; the pseudonym key as for ingest), written the "
                        + "same way under OUT/_bench/floor-per-row.",
                "scale: the table and plot of jobs/bench.sh's --results CSV (a PNG and SVG beside it)."})
final class BenchCommand extends StageCommand {

    static final String RESULTS_HEADER =
            "utc,rows,times,seed,step,r_seconds,java_seconds,java_over_r,load_before,load_after,cores";

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: survival or floor.")
    String what;

    @Option(names = "--extract", paramLabel = "DIR", description = "floor: the extract folder.")
    Path extract;

    @Option(names = "--per-row", description = "floor: also run the ingest's per-record work on every record (decision 274).")
    boolean perRow;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "200000", description = "survival: subjects (default 200000).")
    int rows;

    @Option(names = "--times", paramLabel = "days|continuous", defaultValue = "days", converter = TimesConverter.class,
            description = "survival: times rounded up to whole days (default) or continuous.")
    BenchData.Times times;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "survival: random seed (default 42).")
    long seed;

    @Option(names = "--r", description = "survival: also time R (Rscript on PATH, package survival) on the same data.")
    boolean withR;

    @Option(names = "--results", paramLabel = "FILE", description = "survival: append one CSV row per step to FILE; "
            + "scale: the CSV jobs/bench.sh wrote.")
    Path results;

    @Override
    protected int execute(RunContext run) {
        if ("floor".equals(what)) {
            return floor(run);
        }
        if ("scale".equals(what)) {
            return scale(run);
        }
        if (!"survival".equals(what)) {
            throw new PipelineFailure("bench: unknown WHAT '" + what + "' (survival, floor or scale)");
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

    /** The scale table (markdown, for docs/benchmarks.md) and the log-log plot of a jobs/bench.sh results file. */
    private int scale(RunContext run) {
        if (results == null || !Files.isRegularFile(results)) {
            throw new PipelineFailure("bench scale: --results FILE (written by jobs/bench.sh) is required");
        }
        org.oncorwe.stats.bench.ScaleResults r = org.oncorwe.stats.bench.ScaleResults.read(results);
        run.println("| patients | records | bytes | floor s | floor --per-row s | run s | run / floor | ingest s (in run) | cohort s (in run) "
                + "| endpoints s (in run) | stats s (in run) | report s (in run) | run peak RSS MB | run peak heap MB | stats -Xmx1g s | cluster run s |");
        run.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (long n : r.sizes()) {
            var any = r.get(n, "floor").or(() -> r.get(n, "run")).or(() -> r.get(n, "generate"));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %,d | %s | %s", n,
                    any.map(m -> String.format(Locale.ROOT, "%,d", m.records())).orElse(""),
                    any.map(m -> String.format(Locale.ROOT, "%,d", m.bytes())).orElse("")));
            for (String phase : java.util.List.of("floor", "floor_per_row", "run")) {
                line.append(" | ").append(r.get(n, phase).map(m -> String.format(Locale.ROOT, "%.0f", m.seconds())).orElse("–"));
            }
            line.append(" | ").append(r.runOverFloor(n).map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("–"));
            for (String phase : java.util.List.of("ingest", "cohort", "endpoints", "stats", "report")) {
                // the stage alone (its own JVM), then its share of the whole run (jobs/bench.sh's run.<stage>)
                String alone = r.get(n, phase).map(m -> String.format(Locale.ROOT, "%.0f", m.seconds())).orElse("–");
                String inRun = r.get(n, "run." + phase).map(m -> String.format(Locale.ROOT, " (%.0f)", m.seconds())).orElse("");
                line.append(" | ").append(alone).append(inRun);
            }
            var whole = r.get(n, "run");
            line.append(" | ").append(whole.map(m -> Long.toString(m.peakRssMb())).orElse("–"));
            line.append(" | ").append(whole.flatMap(org.oncorwe.stats.bench.ScaleResults.Measurement::peakHeapMb)
                    .map(String::valueOf).orElse("–"));
            for (String phase : java.util.List.of("stats_1g", "run_cluster")) {
                line.append(" | ").append(r.get(n, phase).map(m -> String.format(Locale.ROOT, "%.0f", m.seconds())).orElse("–"));
            }
            run.println(line.append(" |").toString());
        }
        for (String phase : java.util.List.of("floor", "run", "ingest")) {
            run.println("log-log slope of " + phase + " seconds on patients, 100 000 to 1 000 000: " + r.slope(phase, 100_000, 1_000_000)
                    .map(x -> String.format(Locale.ROOT, "%.3f", x)).orElse("not enough sizes"));
        }
        String name = results.getFileName().toString().replaceFirst("\\.csv$", "");
        var written = org.oncorwe.report.FigureFiles.write(new org.oncorwe.report.ScaleChart(r, "OncoRWE: time against registry size"),
                results.toAbsolutePath().getParent(), name, 900, 600);
        run.println("plot: " + written.png());
        return ExitCode.OK;
    }

    /** The floor: the extract's files read as the ingest reads them and written as Parquet, timed. */
    private int floor(RunContext run) {
        if (extract == null) {
            throw new PipelineFailure("bench floor: --extract DIR is required");
        }
        Path dir = extract.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new PipelineFailure("extract folder not found: " + dir);
        }
        var c = run.config();
        int maxLines = c.get(org.oncorwe.config.ConfigKeys.INGEST_MAX_LINES_PER_RECORD);
        org.oncorwe.ingest.ExtractLayout layout = org.oncorwe.ingest.ExtractLayout.inspect(dir, java.util.Optional.empty(), maxLines,
                c.get(org.oncorwe.config.ConfigKeys.INGEST_MAX_FIELD_LENGTH));
        long bytes = 0;
        for (org.oncorwe.ingest.ExtractLayout.TableFile f : layout.allFiles()) {
            try {
                bytes += Files.size(dir.resolve(f.path()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        java.util.Optional<org.oncorwe.ingest.ExtractFloor.PerRow> work = java.util.Optional.empty();
        if (perRow) { // what the ingest's reading task is given: the same key, dictionaries and column-rule settings
            var key = org.oncorwe.config.PseudonymKey.resolve(run.invocation().environment(),
                    org.oncorwe.ingest.ExtractLocator.isSynthetic(dir), c.get(org.oncorwe.config.ConfigKeys.PRIVACY_ALLOW_DEVELOPMENT_KEY));
            run.manifest().keyId(key.keyId());
            work = java.util.Optional.of(new org.oncorwe.ingest.ExtractFloor.PerRow(
                    org.oncorwe.ingest.dictionary.Dictionaries.load(run.invocation().fromHome(
                            c.get(org.oncorwe.config.ConfigKeys.RUNTIME_DICTIONARIES))),
                    org.oncorwe.ingest.contract.RowValidator.Settings.from(c,
                            org.oncorwe.ingest.ExtractLocator.extractDate(dir, java.util.Optional.empty())), key));
        }
        Path target = run.outputRoot().resolve("_bench").resolve(perRow ? "floor-per-row" : "floor");
        var spark = org.oncorwe.runtime.SparkSessions.create(c, "oncorwe bench floor " + run.manifest().runId());
        long start = System.nanoTime();
        org.oncorwe.ingest.ExtractFloor.Result result = org.oncorwe.ingest.ExtractFloor.run(spark, layout, maxLines, target, work);
        double seconds = (System.nanoTime() - start) / 1e9;
        run.manifest().rows("floor_records", result.records());
        run.manifest().put("floor_bytes", bytes);
        run.manifest().put("floor_seconds", seconds);
        run.manifest().put("floor_per_row", perRow);
        result.rowRejects().ifPresent(n -> run.manifest().rows("floor_row_rejects", n));
        run.println(String.format(Locale.ROOT, "bench floor%s: %d files, %d records, %d bytes read%s and written as Parquet in "
                + "%.1f s (%.0f records/s) under %s", perRow ? " --per-row" : "", result.files(), result.records(), bytes,
                result.rowRejects().isPresent() ? ", every record through the column rules and the keyed hash ("
                        + result.rowRejects().getAsLong() + " rejected by a column rule or without patient_id)," : "",
                seconds, result.records() / Math.max(seconds, 1e-9), target));
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
