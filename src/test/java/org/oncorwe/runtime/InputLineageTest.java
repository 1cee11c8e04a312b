package org.oncorwe.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Partition manifests round-trip; a stage's inputs belong together unless one was derived from a since-replaced partition. */
@Tag("unit")
class InputLineageTest {

    private static final String STAGED = "staged_patient/extract_date=2020-10-31";
    private static final String COHORT = "cohort/extract_date=2020-10-31/study=first_line_thp";

    private static void partition(Path root, String path, String runId, Map<String, String> inputs) throws IOException {
        Path dir = Files.createDirectories(root.resolve(path));
        new PartitionManifest(runId, path.substring(0, path.indexOf('/')), path.substring(path.indexOf('/') + 1), "hash", "key1",
                "0.1", inputs).write(dir);
    }

    @Test
    void aManifestRoundTrips() throws IOException {
        Path root = TestPaths.emptyHome("lineage-roundtrip");
        partition(root, COHORT, "R2", Map.of(STAGED, "R1"));
        PartitionManifest m = PartitionManifest.read(root.resolve(COHORT)).orElseThrow();
        assertEquals(new PartitionManifest("R2", "cohort", "extract_date=2020-10-31/study=first_line_thp", "hash", "key1", "0.1",
                Map.of(STAGED, "R1")), m);
    }

    @Test
    void inputsDerivedFromThePublishedPartitionsBelongTogether() throws IOException {
        Path root = TestPaths.emptyHome("lineage-ok");
        partition(root, STAGED, "R1", Map.of());
        partition(root, COHORT, "R2", Map.of(STAGED, "R1"));
        InputLineage l = new InputLineage(root).read(STAGED).read(COHORT).read("lines_of_therapy/extract_date=2020-10-31");
        assertEquals(Map.of(STAGED, "R1", COHORT, "R2"), l.inputs(), "an absent partition is not an input");
        assertEquals(List.of(), l.check(false, "endpoints"));
    }

    @Test
    void aCohortDerivedFromReplacedStagedTablesIsRefusedUnlessMixingIsAllowed() throws IOException {
        Path root = TestPaths.emptyHome("lineage-mixed");
        partition(root, STAGED, "R3", Map.of()); // re-ingested after the cohort was derived from R1
        partition(root, COHORT, "R2", Map.of(STAGED, "R1"));
        InputLineage l = new InputLineage(root).read(STAGED).read(COHORT);
        String conflict = COHORT + " was derived from " + STAGED + " of run R1, but the one read now is of run R3";
        assertEquals("inputs from runs that do not belong together: " + conflict
                        + "; rerun the earlier stage, or run endpoints with --allow-mixed",
                assertThrows(PipelineFailure.class, () -> l.check(false, "endpoints")).getMessage());
        assertEquals(List.of(conflict), l.check(true, "endpoints"));
    }
}
