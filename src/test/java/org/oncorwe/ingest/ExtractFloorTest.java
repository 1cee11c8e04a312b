package org.oncorwe.ingest;

import com.typesafe.config.Config;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.cli.ExitCode;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.PrivacyScan;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench floor} (docs/benchmarks.md): every record of every file, as the ingest's reader
 * counts them, written as Parquet — no identifier among them.
 */
@Tag("spark")
class ExtractFloorTest {

    @Test
    void writesEveryRecordTheIngestReadsAndNoIdentifier() {
        Path extract = IngestedExtracts.HAND.resolve("2020-10-31");
        Path out = TestPaths.emptyHome("floor").resolve("out");
        SharedSpark.get();
        CliRun run = CliRun.of(TestPaths.home(), Map.of(), "bench", "floor", "--extract", extract.toString(), "--output", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("bench floor: 9 files, "), run.out());

        Map<String, Long> want = new TreeMap<>();
        IngestedExtracts.hand().result().files().forEach((file, stats) -> want.put(file, stats.records()));
        Dataset<Row> floor = SharedSpark.get().read().parquet(out.resolve("_bench/floor").toString());
        Map<String, Long> got = new TreeMap<>();
        for (Row r : floor.groupBy("source_file").count().collectAsList()) {
            got.put(r.getString(0), r.getLong(1));
        }
        assertEquals(want, got, "the ingest's record count of every file");
        Config manifest = CliRun.onlyManifest(out);
        assertEquals(want.values().stream().mapToLong(Long::longValue).sum(), manifest.getLong("rows.floor_records"));

        // patient.csv line 2 (hand-read): HND-0001,SYN-KQ4M7XW2AB,SYN-R5T2NV7PQD,1962-04-10,F,2019-02-10,,POST
        Row first = floor.where("source_file = 'patient.csv' and line_number = 2").first();
        assertEquals(List.of("1962-04-10", "F", "2019-02-10", "", "POST"), first.getList(first.fieldIndex("fields")));
        PrivacyScan scan = PrivacyScan.of(extract, "no-key-here").files("floor", out.resolve("_bench"))
                .tables("floor rows", SharedSpark.get(), out.resolve("_bench"));
        assertEquals(Map.of(), scan.hits(), scan.summary());
    }

    @Test
    void perRowRunsTheColumnRulesOnEveryRecordAndWritesTheSameRows() {
        Path extract = IngestedExtracts.HAND.resolve("2020-10-31");
        Path out = TestPaths.emptyHome("floor-per-row").resolve("out");
        SharedSpark.get();
        CliRun run = CliRun.of(TestPaths.home(), Map.of(), "bench", "floor", "--per-row", "--extract", extract.toString(),
                "--output", out.toString(), "--config", TestPaths.home().resolve("conf/sample.conf").toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("bench floor --per-row: 9 files, "), run.out());
        Config manifest = CliRun.onlyManifest(out);
        long records = IngestedExtracts.hand().result().files().values().stream().mapToLong(FileStats::records).sum();
        assertEquals(records, manifest.getLong("rows.floor_records"));
        assertEquals(records, SharedSpark.get().read().parquet(out.resolve("_bench/floor-per-row").toString()).count());
        assertTrue(manifest.getBoolean("floor_per_row"));
        // by hand from fixtures/hand/expected/expected_rejects.csv, the records a column rule rejects
        // (or that have no patient_id to hash): tumor_event 11, surgery 4 and 5, drug_administration 13
        // and 160, tumor_assessment 7, lab_result 4, 11 and 16, adverse_event 4 — and tumor_assessment 21,
        // whose invalid date the column rules find although the ingest rejects it as UNKNOWN_PATIENT
        assertEquals(11, manifest.getLong("rows.floor_row_rejects"));
        PrivacyScan scan = PrivacyScan.of(extract, org.oncorwe.config.PseudonymKey.DEVELOPMENT_KEY)
                .files("floor --per-row", out).tables("floor rows", SharedSpark.get(), out.resolve("_bench"));
        assertEquals(Map.of(), scan.hits(), scan.summary());
    }
}
