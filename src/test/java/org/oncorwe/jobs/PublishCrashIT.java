package org.oncorwe.jobs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.Scripts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver killed (SIGKILL) in the middle of publishing (docs/reliability.md, Crash safety): a
 * second ingest of the hand fixture holds, by dev.pause_before_publish_ms, between writing its
 * publication journal and swapping its first partition in, and is killed there. Readers still see
 * the first run's partitions byte for byte; the next command started on the output (here
 * {@code export}) finishes the swap from the journal, and every partition is then the killed run's,
 * whole, with the same rows.
 */
@Tag("spark")
@Tag("slow") // three launcher JVMs; left out of CI's Spark 4.0.0 compatibility pass (decision 227)
class PublishCrashIT {

    private static final Path HOME = TestPaths.home();
    private static final Map<String, String> ENV = Map.of("MVN", "false", "PATH", System.getenv("PATH"));

    @Test
    void aDriverKilledDuringTheSwapLeavesThePreviousPartitionsWholeAndTheNextStartFinishesIt() throws Exception {
        Path work = TestPaths.emptyHome("publish-crash");
        Path out = work.resolve("out");
        List<String> ingest = List.of("jobs/oncorwe", "ingest", "--extract", IngestedExtracts.HAND.resolve("2020-10-31").toString(),
                "--output", out.toString(), "--config", "conf/sample.conf", "-D", "ingest.max_undecodable_fraction=0.05",
                "-D", "runtime.shuffle_partitions=2");
        Scripts.Result first = Scripts.run(HOME, ENV, ingest, Duration.ofMinutes(5));
        assertEquals(0, first.exitCode(), first.err());
        String firstRun = CliRun.onlyManifest(out).getString("run_id");
        Map<String, String> before = TestPaths.digests(out, rel -> !rel.startsWith("_"), false);
        List<Path> partitions = partitions(out);
        assertTrue(partitions.size() >= 10, "the ingest publishes one partition per staged table, rejects and report: " + partitions);

        Path marker = work.resolve("paused");
        List<String> paused = new java.util.ArrayList<>(ingest);
        paused.addAll(List.of("-D", "dev.pause_before_publish_ms=600000", "-D", "dev.pause_marker=" + marker));
        Process second = Scripts.start(HOME, ENV, paused, work.resolve("second.out"), work.resolve("second.err"));
        try {
            Scripts.awaitFile(marker, second, Duration.ofMinutes(5));
        } finally {
            second.destroyForcibly(); // jobs/oncorwe execs the JVM: this is SIGKILL to the driver itself
        }
        assertEquals(137, second.waitFor(), "killed by SIGKILL");
        String killedRun = Files.readAllLines(marker).get(0).replace("run_id=", "");

        // killed between journal and swap: readers see the first run's partitions, every file as it was
        assertEquals(before, TestPaths.digests(out, rel -> !rel.startsWith("_"), false), "the live partitions are the first run's, byte for byte");
        for (Path partition : partitions) {
            assertEquals(firstRun, lineage(partition), partition.toString());
        }
        Config journal = parse(out.resolve("_journal").resolve(killedRun + ".json"));
        assertEquals("PUBLISHING", journal.getString("state"));
        assertEquals(partitions.size(), journal.getConfigList("partitions").size());
        assertEquals(1, CliRun.manifests(out).size(), "a killed driver writes no run manifest");
        SparkSession spark = SharedSpark.get();
        Map<String, Long> firstRows = rows(spark, partitions);
        assertEquals(CliRun.onlyManifest(out).getConfig("rows").getLong("staged_patient"),
                firstRows.get("staged_patient").longValue(), "a reader counts the first run's rows");

        // the next start on the output finishes the swap the journal describes
        Path csv = work.resolve("patients.csv");
        Scripts.Result next = Scripts.run(HOME, ENV, List.of("jobs/oncorwe", "export", "--table", "staged_patient",
                "--output", out.toString(), "--config", "conf/sample.conf", "--to", csv.toString()), Duration.ofMinutes(5));
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.err().contains("finishing the interrupted publication of run " + killedRun), next.err());
        for (String left : List.of("_journal", "_staging", "_trash")) {
            assertTrue(empty(out.resolve(left)), left + " is cleared after the recovery");
        }
        assertEquals(partitions, partitions(out));
        for (Path partition : partitions) {
            assertEquals(killedRun, lineage(partition), partition.toString());
            assertTrue(Files.exists(partition.resolve("_SUCCESS")), partition.toString());
        }
        assertEquals(firstRows, rows(spark, partitions), "the same extract: the recovered partitions hold the same rows");
        assertEquals(firstRows.get("staged_patient") + 1, Files.readAllLines(csv).size(), "header + one line per patient");
        System.out.println("PublishCrashIT: " + partitions.size() + " partitions (" + before.size() + " files) unchanged while the "
                + "killed run's journal was open; recovered by the next start: " + firstRows);
    }

    /** Every partition folder ({@code <table>/extract_date=...}) under the output root. */
    private static List<Path> partitions(Path out) throws IOException {
        try (Stream<Path> s = Files.find(out, 2, (p, a) -> a.isDirectory() && p.getFileName().toString().startsWith("extract_date="))) {
            return s.filter(p -> !out.relativize(p).toString().startsWith("_")).sorted().toList();
        }
    }

    private static Map<String, Long> rows(SparkSession spark, List<Path> partitions) {
        Map<String, Long> rows = new TreeMap<>();
        for (Path p : partitions) {
            rows.put(p.getParent().getFileName().toString(), spark.read().parquet(p.toString()).count());
        }
        return rows;
    }


    private static String lineage(Path partition) {
        return parse(partition.resolve("_run.json")).getString("run_id");
    }

    private static Config parse(Path json) {
        return ConfigFactory.parseFile(json.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON).setAllowMissing(false));
    }

    private static boolean empty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
