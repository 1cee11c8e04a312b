package org.oncorwe.cli;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every invocation that does work leaves OUT/_runs/<run_id>.json with its resolved config and exit status. */
@Tag("unit")
class RunManifestTest {

    private final Path home = TestPaths.emptyHome("manifest");
    private final Path out = home.resolve("out");

    @Test
    void successfulRunRecordsResolvedConfigAndExitStatus() {
        CliRun r = CliRun.of(home, Map.of(), "run", "--output", out.toString(), "-D", "stats.median_ci=symmetric");
        assertEquals(ExitCode.OK, r.exitCode());
        assertFalse(r.out().contains("pending:"), "every stage of run is built: " + r.out());
        Config m = CliRun.onlyManifest(out);
        assertEquals("run", m.getString("subcommand"));
        assertEquals(0, m.getInt("exit_status"));
        assertEquals("OK", m.getString("status"));
        assertEquals("symmetric", m.getString("config.stats.median_ci"), "the resolved value, not the default");
        assertEquals("log", m.getString("config.stats.conf_type"));
        assertEquals("local[*]", m.getString("config.runtime.master"));
        assertTrue(m.getString("config_hash").matches("[0-9a-f]{64}"));
        assertEquals(List.of("run", "--output", out.toString(), "-D", "stats.median_ci=symmetric"),
                m.getStringList("arguments"));
        assertEquals(List.of(), m.getStringList("pending_stages"));
        assertTrue(m.getString("run_id").matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}"));
        assertFalse(m.getString("started_at").isEmpty());
        assertFalse(m.getString("ended_at").isEmpty());
    }

    @Test
    void aFailedCommandStillWritesItsManifest() {
        CliRun r = CliRun.of(home, Map.of(), "bench", "floor", "--output", out.toString());
        assertEquals(ExitCode.FAILED, r.exitCode());
        Config m = CliRun.onlyManifest(out);
        assertEquals(1, m.getInt("exit_status"));
        assertEquals("FAILED", m.getString("status"));
        assertTrue(m.getLong("peak_heap_bytes") > 0, "the JVM's heap high-water mark");
        assertEquals("r", m.getString("config.stats.median_ci"));
    }

    @Test
    void commandsWithoutAnOutputRootWriteUnderRuntimeOutput() {
        Path elsewhere = home.resolve("elsewhere");
        CliRun r = CliRun.of(home, Map.of("ONCORWE_RUNTIME_OUTPUT", elsewhere.toString()),
                "generate", "--patients", "5", "--output", home.resolve("gen").toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        Config m = CliRun.onlyManifest(elsewhere);
        assertEquals("generate", m.getString("subcommand"));
        assertTrue(m.getLong("rows.\"patient.csv\"") >= 5, "records per written file are in the manifest");
        assertTrue(java.nio.file.Files.isRegularFile(home.resolve("gen/2020-10-31/extract_manifest.json")));
        assertFalse(java.nio.file.Files.exists(home.resolve("gen/_runs")), "no manifest among the generated data");
    }

    @Test
    void failedRunRecordsTheErrorAndExitsOne() {
        CliRun r = CliRun.of(home, Map.of(), "run", "--extract", home.resolve("missing/2020-10-31").toString(),
                "--output", out.toString());
        assertEquals(ExitCode.FAILED, r.exitCode());
        assertEquals("error: extract folder not found: " + home.resolve("missing/2020-10-31"), r.err().strip());
        Config m = CliRun.onlyManifest(out);
        assertEquals(1, m.getInt("exit_status"));
        assertEquals("FAILED", m.getString("status"));
        assertTrue(m.getString("error").startsWith("extract folder not found"));
    }

    @Test
    void configErrorRecordsNoConfigAndExitsTwo() {
        CliRun r = CliRun.of(home, Map.of(), "run", "--output", out.toString(), "-D", "stats.rmst_tau_months=abc");
        assertEquals(ExitCode.USAGE, r.exitCode());
        Config m = CliRun.onlyManifest(out);
        assertEquals(2, m.getInt("exit_status"));
        assertEquals("CONFIG_ERROR", m.getString("status"));
        assertTrue(m.getIsNull("config"));
        assertTrue(m.getString("error").contains("stats.rmst_tau_months"));
    }

    @Test
    void aBrokenExtractFailsWithOneMessageAndPublishesNothing() throws IOException {
        Path extract = Files.createDirectories(home.resolve("sample-data/smc-like/2020-10-31"));
        Files.writeString(extract.resolve("extract_manifest.json"),
                "{\"source\": \"oncorwe-synthetic\", \"extract_date\": \"2020-10-31\"}");
        Files.writeString(extract.resolve("patient.csv"), "patient_id,birth_date,sex,last_contact_date\nP1,1960-01-01,F,2020-01-01\n");
        CliRun r = CliRun.of(home, Map.of(), "run", "--output", out.toString(), "--config",
                TestPaths.home().resolve("conf/sample.conf").toString());
        assertEquals(ExitCode.FAILED, r.exitCode(), r.out());
        assertTrue(r.err().startsWith("error: required file tumor_event.csv is missing or empty in "), r.err());
        Config m = CliRun.onlyManifest(out);
        assertEquals("2020-10-31", m.getString("extract_date"), "the newest yyyy-MM-dd folder");
        assertEquals("072e9b61", m.getString("key_id"), "the development key's id");
        try (var files = Files.list(out)) {
            assertEquals(List.of("_runs"), files.map(p -> p.getFileName().toString()).toList(), "nothing published");
        }
    }

    @Test
    void realExtractWithoutTheKeyRefusesToStart() throws IOException {
        Path extract = Files.createDirectories(home.resolve("hospital/2020-10-31"));
        Files.writeString(extract.resolve("patient.csv"), "patient_id\n");
        CliRun r = CliRun.of(home, Map.of(), "run", "--extract", extract.toString(), "--output", out.toString(),
                "-D", "privacy.allow_development_key=true");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("error: ONCORWE_PSEUDONYM_KEY is not set: a run needs the pseudonym key", r.err().strip());
        CliRun withKey = CliRun.of(home, Map.of("ONCORWE_PSEUDONYM_KEY", "site-secret"), "run", "--extract",
                extract.toString(), "--output", out.toString());
        assertEquals(ExitCode.FAILED, withKey.exitCode(), "with the key it starts, then finds the extract incomplete");
        assertFalse(String.join("", CliRun.manifests(out).stream().map(c -> c.root().render()).toList())
                .contains("site-secret"), "the key is never written");
    }

    @Test
    void extractDateOptionMustAgreeWithTheManifest() throws IOException {
        Path extract = Files.createDirectories(home.resolve("x/2020-10-31"));
        Files.writeString(extract.resolve("extract_manifest.json"), "{\"source\": \"oncorwe-synthetic\", \"extract_date\": \"2020-10-31\"}");
        CliRun r = CliRun.of(home, Map.of(), "run", "--extract", extract.toString(), "--output", out.toString(),
                "--extract-date", "2020-11-30", "-D", "privacy.allow_development_key=true");
        assertEquals(ExitCode.FAILED, r.exitCode());
        assertTrue(r.err().contains("--extract-date 2020-11-30 disagrees with extract_manifest.json extract_date 2020-10-31"));
    }
}
