package org.oncorwe.cli;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.PublishedRun;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reruns (docs/reliability.md): the hand fixture's whole {@code run} again, over a copy of the
 * first run's output, publishes the same rows in the same order in the same part files, every
 * table, and the same report byte for byte — nothing published depends on when or by which run it
 * was written; only the run manifests and {@code _run.json} differ. Then a second extract
 * date's ingest published into the same output leaves every file of the first date's partitions
 * untouched.
 */
@Tag("spark")
@Tag("slow") // two more whole runs; left out of CI's Spark 4.0.0 compatibility pass (decision 227)
class RerunIdentityTest {

    private static final String DATE = "extract_date=2020-10-31";
    private static final String REPORT = "report/2020-10-31";

    /** The report's own files (not _run.json, _SUCCESS). */
    private static boolean reportFile(String name) {
        return !name.startsWith("_");
    }

    /** A file of a 2020-10-31 partition or of that date's report. */
    private static boolean firstDate(String rel) {
        return !rel.startsWith("_") && (rel.contains(DATE) || rel.startsWith(REPORT + "/"));
    }

    @Test
    void theSameExtractAndConfigPublishTheSameRowsAndAnotherDateTouchesNothingOfTheFirst() throws Exception {
        PublishedRun.Published first = PublishedRun.hand();
        Path out = TestPaths.emptyHome("rerun").resolve("out");
        TestPaths.copyTree(first.output(), out);

        CliRun again = run("run", IngestedExtracts.HAND.resolve("2020-10-31"), out);
        String rerunId = CliRun.manifests(out).get(1).getString("run_id");
        assertNotEquals(first.manifest().getString("run_id"), rerunId);

        SparkSession spark = SharedSpark.get();
        Map<String, List<String>> want = partFiles(first.output());
        Map<String, List<String>> got = partFiles(out);
        assertEquals(want.keySet(), got.keySet(), "the same partitions");
        long rows = 0;
        for (String partition : want.keySet()) {
            assertEquals(want.get(partition).size(), got.get(partition).size(), partition + ": part files");
            for (int i = 0; i < want.get(partition).size(); i++) {
                List<String> a = rowsInOrder(spark, first.output().resolve(partition).resolve(want.get(partition).get(i)));
                List<String> b = rowsInOrder(spark, out.resolve(partition).resolve(got.get(partition).get(i)));
                assertEquals(a, b, partition + " part " + i + ": the same rows in the same order");
                rows += a.size();
            }
            assertTrue(Files.readString(out.resolve(partition).resolve("_run.json")).contains(rerunId), partition);
        }
        assertTrue(want.size() >= 40, "every table and study partition compared: " + want.size());
        Map<String, String> report = TestPaths.digests(first.output().resolve(REPORT), RerunIdentityTest::reportFile, false);
        assertTrue(report.size() >= 20 && report.containsKey("index.html"), report.keySet()::toString);
        assertEquals(report, TestPaths.digests(out.resolve(REPORT), RerunIdentityTest::reportFile, false), "the report, its figures and tables byte for byte");

        // a second extract date (the same fixture, its manifest saying 2020-11-30) beside the first
        Map<String, String> firstDate = TestPaths.digests(out, RerunIdentityTest::firstDate, true);
        Path later = TestPaths.emptyHome("rerun-later").resolve("2020-11-30");
        TestPaths.copyTree(IngestedExtracts.HAND.resolve("2020-10-31"), later);
        Path manifest = later.resolve("extract_manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"2020-10-31\"", "\"2020-11-30\""), StandardCharsets.UTF_8);
        // the ingest alone (every stage publishes through the same Publisher; CI time is the limit)
        run("ingest", later, out);
        assertEquals(firstDate, TestPaths.digests(out, RerunIdentityTest::firstDate, true), "every file of the 2020-10-31 partitions as it was (bytes and modification time)");
        List<String> ingestTables = partFiles(first.output()).keySet().stream()
                .filter(p -> p.startsWith("staged_") || p.startsWith("rejects/") || p.startsWith("ingest_report/"))
                .map(p -> p.replace(DATE, "extract_date=2020-11-30")).toList();
        assertEquals(11, ingestTables.size(), ingestTables::toString);
        assertEquals(ingestTables, partFiles(out).keySet().stream().filter(p -> p.contains("extract_date=2020-11-30")).toList(),
                "the later date has its own partition of every ingest table");
        System.out.println("RerunIdentityTest: " + want.size() + " partitions, " + rows + " rows identical in order after a rerun ("
                + again.exitCode() + "), the report's " + report.size() + " files byte for byte; " + firstDate.size() + " files of 2020-10-31 untouched by publishing 2020-11-30");
    }

    private static CliRun run(String command, Path extract, Path out) {
        List<String> args = new ArrayList<>(List.of(command, "--extract", extract.toString(), "--output", out.toString(),
                "--config", TestPaths.home().resolve("conf/sample.conf").toString(), "-D", "ingest.max_undecodable_fraction=0.05"));
        if (command.equals("run")) {
            args.addAll(List.of("--study", "all"));
        }
        CliRun run = CliRun.of(TestPaths.home(), Map.of(), args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /**
     * The data files of every partition ({@code table/extract_date=…[/study=…]} → part files sorted by
     * task number: Spark names them {@code part-<task>-<write uuid>…}, the uuid new every run).
     */
    private static Map<String, List<String>> partFiles(Path out) throws IOException {
        Map<String, List<String>> parts = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(f).toString();
                String name = f.getFileName().toString();
                if (rel.contains("extract_date=") && !name.startsWith("_") && !name.startsWith(".")) {
                    parts.computeIfAbsent(out.relativize(f.getParent()).toString(), k -> new ArrayList<>()).add(name);
                }
            }
        }
        parts.values().forEach(l -> l.sort(java.util.Comparator.comparing(RerunIdentityTest::task)));
        return parts;
    }

    private static String task(String name) {
        return name.startsWith("part-") ? name.substring(0, "part-00000".length()) : name;
    }

    /** A Parquet file's rows in file order (one file, read alone). */
    private static List<String> rowsInOrder(SparkSession spark, Path file) {
        return spark.read().parquet(file.toString()).collectAsList().stream().map(Row::toString).toList();
    }


}
