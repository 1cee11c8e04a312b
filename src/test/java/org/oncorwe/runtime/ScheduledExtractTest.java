package org.oncorwe.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nightly's decision: which extract folder, and run or skip by the inputs' fingerprint. */
@Tag("unit")
class ScheduledExtractTest {

    private final Path home = TestPaths.emptyHome("scheduled");
    private final Path root = home.resolve("extracts");
    private final Path out = home.resolve("out");

    private Path extract(String name, String content) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("patient.csv"), content);
        return dir;
    }

    private void published(Path extract, String date, String status) {
        RunManifest m = RunManifest.start("run", java.util.List.of());
        m.put("extract_date", date);
        m.inputs(FileInventory.of(extract));
        m.write(out, status.equals("OK") ? 0 : 1, status, null);
    }

    @Test
    void picksTheLargestNameThatIsADateAndIgnoresOthers() throws IOException {
        extract("2020-09-30", "a");
        extract("2020-10-31", "b");
        extract("2020-13-01", "not a date");
        extract("latest", "x");
        extract("2099-12-31.tmp", "x");
        ScheduledExtract.Decision d = ScheduledExtract.decide(root, Optional.empty(), out, false);
        assertTrue(d.run());
        assertEquals(root.resolve("2020-10-31"), d.extract());
        assertEquals(LocalDate.of(2020, 10, 31), d.extractDate());
        assertEquals("not published yet", d.reason());
    }

    @Test
    void skipsWhatTheLastSuccessfulRunReadAndRerunsChangedInputs() throws IOException {
        Path e = extract("2020-10-31", "b");
        published(e, "2020-10-31", "OK");
        ScheduledExtract.Decision skip = ScheduledExtract.decide(root, Optional.empty(), out, false);
        assertFalse(skip.run());
        assertTrue(skip.line().startsWith("skip " + e + " extract_date=2020-10-31 fingerprint="
                + FileInventory.fingerprint(FileInventory.of(e)) + ": already published by run "), skip.line());
        assertTrue(ScheduledExtract.decide(root, Optional.empty(), out, true).run(), "--force");

        Files.writeString(e.resolve("patient.csv"), "b changed");
        ScheduledExtract.Decision rerun = ScheduledExtract.decide(root, Optional.empty(), out, false);
        assertTrue(rerun.run());
        assertTrue(rerun.reason().startsWith("inputs changed since run "), rerun.reason());
    }

    @Test
    void aFailedRunOrAnotherDateDoesNotCountAsPublished() throws IOException {
        Path older = extract("2020-09-30", "a");
        Path newer = extract("2020-10-31", "b");
        published(older, "2020-09-30", "OK");
        published(newer, "2020-10-31", "FAILED");
        assertTrue(ScheduledExtract.decide(root, Optional.empty(), out, false).run());
        ScheduledExtract.Decision backfill = ScheduledExtract.decide(root, Optional.of(LocalDate.of(2020, 9, 30)), out, false);
        assertEquals(older, backfill.extract());
        assertFalse(backfill.run(), "the older date is published with these inputs");
    }

    @Test
    void noExtractIsAFailure() throws IOException {
        Files.createDirectories(root.resolve("incoming"));
        assertEquals("no extract folder (yyyy-MM-dd) under " + root, assertThrows(PipelineFailure.class,
                () -> ScheduledExtract.decide(root, Optional.empty(), out, false)).getMessage());
        assertEquals("extract folder not found: " + root.resolve("2020-01-31"), assertThrows(PipelineFailure.class,
                () -> ScheduledExtract.decide(root, Optional.of(LocalDate.of(2020, 1, 31)), out, false)).getMessage());
    }
}
