package org.oncorwe.jobs;

import com.typesafe.config.ConfigFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.PrivacyScan;
import org.oncorwe.testing.Scripts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline on the loopback standalone cluster (jobs/local-cluster.sh: a master and two
 * 1-core, 2 GB workers) through jobs/submit.sh, beside the same run under jobs/oncorwe (local):
 * every published table holds the same rows although one worker is killed (SIGKILL, daemon and
 * executor) once the cohort stage's first task has started, and the privacy scan finds no input
 * identifier and not the key in any output file, decoded table row, log, executor output, event log
 * or manifest of either run (docs/reliability.md). A 150-patient generated extract keeps it
 * to a few minutes (docs/operations.md, The loopback cluster, gives the measured time).
 */
@Tag("cluster")
class ClusterIT {

    private static final Path HOME = TestPaths.home();
    private static final String MASTER = "spark://127.0.0.1:7077";
    /** A key of this run only: whatever holds it afterwards was written by this run. */
    private static final String KEY = "cluster-it-" + UUID.randomUUID();
    /** Columns that may differ between two runs of the same input (none is published today). */
    private static final Set<String> RUN_SPECIFIC = Set.of("run_id", "published_at");

    private static Path work;
    private static Path clusterDir;
    private static Map<String, String> env;
    private static final List<String> timings = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startCluster() throws IOException {
        work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cluster-it");
        clusterDir = HOME.resolve("target/local-cluster-it");
        env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("LOCAL_CLUSTER_DIR", clusterDir.toString());
        env.put("ONCORWE_PSEUDONYM_KEY", KEY);
        // the cluster's SPARK_HOME stand-in is resolved by Maven; the jar itself is already packaged
        env.put("MVN", "mvn");
        Scripts.Result started = timed("cluster start", List.of("jobs/local-cluster.sh", "start"), Duration.ofMinutes(5));
        assertEquals(0, started.exitCode(), started.out() + started.err());
        assertTrue(started.out().contains("workers registered with the master: 2"), started.out());
        env.put("MVN", "false"); // the launchers run the packaged jar, never a rebuild
    }

    @AfterAll
    static void stopCluster() {
        if (env != null) {
            Scripts.Result stopped = Scripts.run(HOME, env, List.of("jobs/local-cluster.sh", "stop"));
            System.out.println("ClusterIT " + String.join(", ", timings) + "; stop: " + stopped.out().strip());
        }
    }

    @Test
    void clusterRunPublishesTheLocalRunsRowsAndNeverTheKey() throws IOException {
        Scripts.Result generated = timed("generate", List.of("jobs/oncorwe", "generate", "--patients", "150",
                "--seed", "20240610", "--output", work.resolve("extracts").toString()), Duration.ofMinutes(5));
        assertEquals(0, generated.exitCode(), generated.err());
        Path extract = work.resolve("extracts/2020-10-31");
        Path local = work.resolve("local");
        Path cluster = work.resolve("cluster");
        Path events = Files.createDirectories(work.resolve("events"));

        // the two runs side by side: the cluster run mostly waits on task scheduling, so on 2 cores this
        // saves most of the local run's time; 4 shuffle partitions for both (a 150-patient extract)
        java.util.concurrent.CompletableFuture<Scripts.Result> localRunning = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> timed("local run", List.of("jobs/oncorwe", "run", "--config", "conf/sample.conf", 
                        "-Druntime.shuffle_partitions=4", "--extract", extract.toString(), "--output", local.toString()),
                        Duration.ofMinutes(10)));
        // the cluster run loses one worker (its daemon and its executor, SIGKILL) once the cohort stage's first
        // task has started (dev.signal_stage); its outputs must still equal the undisturbed local run's
        Path signal = work.resolve("cohort-first-task");
        java.util.concurrent.CompletableFuture<Scripts.Result> clusterRunning = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> timed("cluster run", List.of("jobs/submit.sh", "--master", MASTER,
                "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
                "--conf", "spark.eventLog.compress=false", "--conf", "spark.eventLog.rolling.enabled=false",
                "--", "run", "--config", "conf/sample.conf", "-Druntime.shuffle_partitions=4",
                "-Ddev.signal_stage=cohort", "-Ddev.signal_marker=" + signal,
                "--extract", extract.toString(), "--output", cluster.toString()), Duration.ofMinutes(15)));
        String killed = killWorkerOnSignal(signal, clusterRunning);
        Scripts.Result clusterRun = clusterRunning.join();
        Scripts.Result localRun = localRunning.join();
        assertEquals(0, localRun.exitCode(), localRun.err());
        assertEquals(0, clusterRun.exitCode(), clusterRun.err());

        String eventLog = readAll(events);
        assertTrue(eventLog.contains("\"spark.master\":\"" + MASTER + "\""), "the run went to the loopback cluster");
        assertTrue(eventLog.contains("SparkListenerExecutorAdded"), "executors ran on the workers");
        assertTrue(eventLog.contains("SparkListenerExecutorRemoved"), "the driver lost the killed worker's executor (" + killed + ")");
        timings.add("killed " + killed);
        assertEquals(keyId(local), keyId(cluster), "both runs pseudonymised with the same (non-development) key");

        List<String> tables = tables(local);
        assertEquals(tables, tables(cluster));
        assertTrue(tables.containsAll(List.of("staged_patient", "cohort", "endpoints", "km_curve", "hazard_ratio")), tables::toString);
        SparkSession spark = SharedSpark.get();
        List<String> differences = new ArrayList<>();
        for (String table : tables) {
            List<String> want = sortedRows(spark, local.resolve(table));
            List<String> got = sortedRows(spark, cluster.resolve(table));
            if (!want.equals(got)) {
                differences.add(table + ": local " + want.size() + " rows, cluster " + got.size() + "; first local-only "
                        + firstMissing(want, got) + "; first cluster-only " + firstMissing(got, want));
            }
        }
        assertEquals(List.of(), differences);

        assertTrue(readAll(clusterDir.resolve("work")).contains("CoarseGrainedExecutorBackend"), "executor logs were searched");
        PrivacyScan control = PrivacyScan.of(extract, KEY).files("extract", extract.resolve("patient.csv"));
        assertTrue(control.hits().getOrDefault("extract: patient_id", 0L) >= 150, "the scan finds the extract's own identifiers");
        PrivacyScan scan = PrivacyScan.of(extract, KEY)
                .files("event log", events).files("cluster logs", clusterDir.resolve("logs"), clusterDir.resolve("work"))
                .files("local output", local).files("cluster output", cluster)
                .text("driver output", clusterRun.out() + clusterRun.err() + localRun.out() + localRun.err())
                .tables("local tables", spark, local).tables("cluster tables", spark, cluster);
        System.out.println("ClusterIT privacy scan: " + scan.summary());
        assertTrue(scan.needleCount() > 3 * 150, "every patient's id, name and national id, and the key: " + scan.needleKinds());
        assertEquals(Map.of(), scan.hits(), "identifiers or the key found: " + scan.summary());
    }

    /**
     * Waits for the stage signal, then kills (SIGKILL) the worker whose executor runs that first task —
     * the worker daemon and the executor JVM it launched — and says which.
     */
    private static String killWorkerOnSignal(Path signal, java.util.concurrent.CompletableFuture<Scripts.Result> running) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!Files.exists(signal)) {
            if (running.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the cohort stage's first task never signalled: " + running.join().err());
            }
            sleep(100);
        }
        try {
            Map<String, String> info = new HashMap<>();
            for (String line : Files.readAllLines(signal)) {
                String[] kv = line.split("=", 2);
                info.put(kv[0], kv[1]);
            }
            String executor = info.get("executor_id");
            Path executorDir;
            try (Stream<Path> dirs = Files.find(clusterDir.resolve("work"), 3,
                    (p, a) -> a.isDirectory() && p.getFileName().toString().equals(executor) && p.getParent().getFileName().toString().startsWith("app-"))) {
                executorDir = dirs.findFirst().orElseThrow(() -> new AssertionError("no work dir of executor " + executor));
            }
            String worker = clusterDir.resolve("work").relativize(executorDir).getName(0).toString();
            long workerPid = Long.parseLong(Files.readString(clusterDir.resolve("run").resolve(worker + ".pid")).strip());
            List<ProcessHandle> executors = ProcessHandle.allProcesses().filter(h -> {
                String cmd = cmdline(h.pid());
                return cmd.contains("CoarseGrainedExecutorBackend") && cmd.contains("--executor-id " + executor + " ")
                        && cmd.contains(executorDir.getParent().getFileName().toString());
            }).toList();
            assertEquals(1, executors.size(), "the executor process of " + executor);
            ProcessHandle.of(workerPid).orElseThrow().destroyForcibly();
            executors.get(0).destroyForcibly();
            return worker + " and its executor " + executor + " (stage " + info.get("spark_stage") + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ') + " ";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Scripts.Result timed(String what, List<String> command, Duration timeout) {
        long start = System.nanoTime();
        Scripts.Result r = Scripts.run(HOME, env, command, timeout);
        timings.add(what + " %.0f s".formatted((System.nanoTime() - start) / 1e9));
        return r;
    }

    /** Published table folders (not _runs, _staging, …, nor the report's HTML). */
    private static List<String> tables(Path out) throws IOException {
        try (Stream<Path> dirs = Files.list(out)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.equals("report")).sorted().toList();
        }
    }

    /** Every row of a table (partition columns included) as one line, columns by name, sorted. */
    private static List<String> sortedRows(SparkSession spark, Path table) {
        Dataset<Row> rows = spark.read().parquet(table.toString());
        String[] columns = Arrays.stream(rows.columns()).filter(c -> !RUN_SPECIFIC.contains(c)).sorted().toArray(String[]::new);
        return rows.selectExpr(columns).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static String firstMissing(List<String> from, List<String> in) {
        return from.stream().filter(r -> !in.contains(r)).findFirst().orElse("none");
    }

    private static String keyId(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("_runs"))) {
            Path manifest = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            return ConfigFactory.parseFile(manifest.toFile()).getString("key_id");
        }
    }

    /** Every regular file under a folder, concatenated (ISO-8859-1: any bytes, no decoding error). */
    private static String readAll(Path dir) {
        if (!Files.exists(dir)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
