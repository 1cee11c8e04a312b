package org.oncorwe.cli;

import com.typesafe.config.Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ingest} through the CLI on the hand fixture: the manifest records inputs with sizes and
 * checksums, the key id and rows per table; the partitions are published with their markers, and
 * staging and journal are cleared.
 */
@Tag("spark")
class IngestCommandTest {

    static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand/2020-10-31");
    private static Path out;
    private static CliRun run;

    @BeforeAll
    static void ingest() {
        SharedSpark.get(); // the command's session is the test JVM's one
        out = TestPaths.emptyHome("ingest-cli").resolve("out");
        run = CliRun.of(TestPaths.home(), Map.of(), "ingest", "--extract", HAND.toString(), "--output", out.toString(),
                "--config", TestPaths.home().resolve("conf/sample.conf").toString(),
                "-D", "ingest.max_undecodable_fraction=0.05");
    }

    @Test
    void publishesEveryTableWithItsMarkerAndClearsStaging() throws IOException {
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        for (String table : List.of("staged_patient", "staged_drug_administration", "rejects", "ingest_report")) {
            assertTrue(Files.exists(out.resolve(table).resolve("extract_date=2020-10-31").resolve("_SUCCESS")), table);
        }
        try (Stream<Path> staging = Files.list(out.resolve("_staging"))) {
            assertEquals(0, staging.count());
        }
        assertFalse(Files.exists(out.resolve("_journal").resolve(CliRun.manifests(out).get(0).getString("run_id") + ".json")));
    }

    @Test
    void manifestRecordsInputsChecksumsFingerprintKeyIdAndRows() throws IOException {
        Config m = CliRun.manifests(out).get(0);
        assertEquals("OK", m.getString("status"));
        assertEquals("2020-10-31", m.getString("extract_date"));
        assertEquals("072e9b61", m.getString("key_id"));
        assertEquals(28, m.getLong("rows.staged_patient"));
        assertEquals(19, m.getLong("rows.rejects"));
        List<? extends Config> inputs = m.getConfigList("inputs");
        assertEquals(10, inputs.size());
        Config patient = inputs.stream().filter(c -> c.getString("path").equals("patient.csv")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(HAND.resolve("patient.csv"));
        assertEquals(bytes.length, patient.getLong("size"));
        assertEquals(sha256(bytes), patient.getString("sha256"));
        StringBuilder fingerprint = new StringBuilder();
        inputs.forEach(c -> fingerprint.append(c.getString("path")).append('\t').append(c.getString("sha256")).append('\n'));
        assertEquals(sha256(fingerprint.toString().getBytes(StandardCharsets.UTF_8)), m.getString("input_fingerprint"));
        assertEquals(0.05, m.getDouble("config.ingest.max_undecodable_fraction"));
    }

    @Test
    void aRerunReplacesOnlyItsOwnExtractDate() throws IOException {
        // the same extract delivered again a month later, under its own date
        Path later = TestPaths.emptyHome("ingest-rerun").resolve("2020-11-30");
        Files.createDirectories(later);
        try (Stream<Path> files = Files.list(HAND)) {
            for (Path f : files.toList()) {
                Files.copy(f, later.resolve(f.getFileName()));
            }
        }
        Path manifest = later.resolve("extract_manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"2020-10-31\"", "\"2020-11-30\""));
        Path octoberFile = onlyParquet(out.resolve("staged_patient/extract_date=2020-10-31"));
        CliRun november = CliRun.of(TestPaths.home(), Map.of(), "ingest", "--extract", later.toString(), "--output", out.toString(),
                "--config", TestPaths.home().resolve("conf/sample.conf").toString(), "-D", "ingest.max_undecodable_fraction=0.05");
        assertEquals(ExitCode.OK, november.exitCode(), november.err());
        assertTrue(Files.exists(out.resolve("staged_patient/extract_date=2020-11-30/_SUCCESS")));
        assertEquals(octoberFile, onlyParquet(out.resolve("staged_patient/extract_date=2020-10-31")), "October untouched");
        CliRun again = CliRun.of(TestPaths.home(), Map.of(), "ingest", "--extract", HAND.toString(), "--output", out.toString(),
                "--config", TestPaths.home().resolve("conf/sample.conf").toString(), "-D", "ingest.max_undecodable_fraction=0.05");
        assertEquals(ExitCode.OK, again.exitCode(), again.err());
        assertTrue(!octoberFile.equals(onlyParquet(out.resolve("staged_patient/extract_date=2020-10-31"))), "October replaced");
        assertTrue(Files.exists(out.resolve("staged_patient/extract_date=2020-11-30/_SUCCESS")), "November kept");
    }

    private static Path onlyParquet(Path partition) throws IOException {
        try (Stream<Path> files = Files.list(partition)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
