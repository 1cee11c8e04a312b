package org.oncorwe.cli;

import com.typesafe.config.Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.PublishedRun;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run} and {@code cohort} through the CLI on the hand fixture: every study's partitions
 * published with markers; a rerun of one study replaces only its own partitions; a wrong study
 * or missing input fails with one clear line.
 */
@Tag("spark")
class CohortCommandTest {

    private static final String[] STUDIES = {"first_line_th", "first_line_th_vs_thp", "first_line_thp", "second_line_tdm1"};
    private static Path out;
    private static CliRun run;

    @BeforeAll
    static void runAll() {
        // the shared run of the hand fixture (every study); the rerun below replaces a partition with the same rows
        out = PublishedRun.hand().output();
        run = PublishedRun.hand().run();
    }

    private static Path partition(String table, String study) {
        return out.resolve(table).resolve("extract_date=2020-10-31").resolve("study=" + study);
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Config manifest(String subcommand) {
        return CliRun.manifests(out).stream().filter(m -> m.getString("subcommand").equals(subcommand)).reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void runPublishesEveryStudyAndARerunOfOneStudyLeavesTheOthersAlone() throws IOException {
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("studies: " + String.join(", ", STUDIES)), run.out());
        assertTrue(Files.exists(out.resolve("lines_of_therapy/extract_date=2020-10-31/_SUCCESS")));
        for (String study : STUDIES) {
            for (String table : List.of("cohort", "cohort_attrition", "cohort_exclusions")) {
                assertTrue(Files.exists(partition(table, study).resolve("_SUCCESS")), table + " " + study);
            }
        }
        Config first = manifest("run");
        assertEquals(List.of(STUDIES), first.getStringList("studies"));
        assertEquals(1 + 21 + 20 + 2, first.getLong("rows.cohort"), "the four studies' members, summed");
        Set<String> thpBefore = files(partition("cohort", "first_line_thp"));
        Set<String> thBefore = files(partition("cohort", "first_line_th"));

        CliRun again = CliRun.of(TestPaths.home(), Map.of(), "cohort", "--output", out.toString(), "--config",
                TestPaths.home().resolve("conf/sample.conf").toString(), "--study", "first_line_th");
        assertEquals(ExitCode.OK, again.exitCode(), again.err());
        assertEquals(thpBefore, files(partition("cohort", "first_line_thp")), "another study's partition is untouched");
        assertNotEquals(thBefore, files(partition("cohort", "first_line_th")), "the rerun study's partition is replaced");
        Config second = manifest("cohort");
        assertEquals(List.of("first_line_th"), second.getStringList("studies"));
        assertEquals(first.getString("key_id"), second.getString("key_id"), "the key id of the staged rows it read");
        assertEquals(1, second.getLong("rows.cohort"));
    }

    @Test
    void everyPublishedPartitionCarriesItsRunManifestAndEndpointsRefuseACohortOfReplacedStagedTables() throws IOException {
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String runId = manifest("run").getString("run_id");
        Path cohort = partition("cohort", "first_line_thp");
        org.oncorwe.runtime.PartitionManifest m = org.oncorwe.runtime.PartitionManifest.read(cohort).orElseThrow();
        assertEquals(runId, m.runId());
        assertEquals(runId, m.inputs().get("staged_patient/extract_date=2020-10-31"), "derived within the same run");
        assertEquals(runId, org.oncorwe.runtime.PartitionManifest.read(out.resolve("staged_patient/extract_date=2020-10-31"))
                .orElseThrow().runId());

        Path again = TestPaths.emptyHome("cohort-cli-mixed").resolve("out");
        TestPaths.copyTree(out, again);
        // a newer run replaces staged_patient: the published cohort was derived from the one before
        new org.oncorwe.runtime.PartitionManifest("20990101T000000Z-00000000", "staged_patient", "extract_date=2020-10-31",
                m.configHash(), m.keyId(), m.pipelineVersion(), Map.of()).write(again.resolve("staged_patient/extract_date=2020-10-31"));
        CliRun endpoints = CliRun.of(TestPaths.home(), Map.of(), "endpoints", "--output", again.toString(), "--config",
                TestPaths.home().resolve("conf/sample.conf").toString(), "--study", "first_line_thp");
        assertEquals(ExitCode.FAILED, endpoints.exitCode());
        assertEquals("error: inputs from runs that do not belong together: cohort/extract_date=2020-10-31/study=first_line_thp "
                + "was derived from staged_patient/extract_date=2020-10-31 of run " + runId + ", but the one read now is of run "
                + "20990101T000000Z-00000000 (and 1 more); rerun the earlier stage, or run endpoints with --allow-mixed",
                endpoints.err().strip(), "lines_of_therapy was derived from the replaced staged_patient too");
        CliRun mixed = CliRun.of(TestPaths.home(), Map.of(), "endpoints", "--output", again.toString(), "--config",
                TestPaths.home().resolve("conf/sample.conf").toString(), "--study", "first_line_thp", "--allow-mixed");
        assertEquals(ExitCode.OK, mixed.exitCode(), mixed.err());
        Config allowed = CliRun.manifests(again).stream().filter(x -> x.getString("subcommand").equals("endpoints"))
                .filter(x -> x.getInt("exit_status") == 0).reduce((a, b) -> b).orElseThrow();
        assertEquals(2, allowed.getStringList("mixed_inputs").size(), "recorded, not hidden");
    }

    @Test
    void anUnknownStudyIsAUsageErrorNamingTheConfiguredOnes() {
        CliRun wrong = CliRun.of(TestPaths.home(), Map.of(), "cohort", "--output", out.toString(), "--study", "first_line_x");
        assertEquals(ExitCode.USAGE, wrong.exitCode());
        assertEquals("error: unknown study 'first_line_x' (configured: " + String.join(", ", STUDIES) + ", or all)",
                wrong.err().strip());
    }

    @Test
    void withoutStagedTablesTheStageFailsBeforeAnyWork() {
        Path empty = TestPaths.emptyHome("cohort-cli-empty");
        CliRun none = CliRun.of(TestPaths.home(), Map.of(), "cohort", "--output", empty.toString());
        assertEquals(ExitCode.FAILED, none.exitCode());
        assertTrue(none.err().startsWith("error: no published staged_patient under "), none.err());
    }
}
