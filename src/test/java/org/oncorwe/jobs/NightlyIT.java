package org.oncorwe.jobs;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.Scripts;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jobs/schedule/nightly.sh with the real launcher on the packaged jar: one real run end to end
 * (published, then skipped), and the choice, rerun, backfill and failure paths with a stub in
 * place of the run (NIGHTLY_RUNNER) so that each costs no Spark start.
 */
@Tag("spark")
@Tag("slow") // left out of CI's Spark 4.0.0 compatibility pass (decision 227)
class NightlyIT {

    private static final Path HOME = TestPaths.home();
    private final Path work = TestPaths.emptyHome("nightly");
    private final Path root = work.resolve("extracts");
    private final Path out = work.resolve("out");
    private final Path calls = work.resolve("runner.log");

    private Path extract(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        try (Stream<Path> files = Files.list(IngestedExtracts.HAND.resolve("2020-10-31"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private Scripts.Result nightly(boolean stub, int stubExit, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("MVN", "false", "PATH", System.getenv("PATH")));
        if (stub) {
            env.put("NIGHTLY_RUNNER", Scripts.writeExecutable(work.resolve("runner"),
                    "echo \"$*\" >> '" + calls + "'\nexit " + stubExit + "\n").toString());
        }
        List<String> command = new ArrayList<>(List.of("jobs/schedule/nightly.sh", "--root", root.toString(), "--output",
                out.toString(), "--config", HOME.resolve("conf/sample.conf").toString(), "-D",
                "ingest.max_undecodable_fraction=0.05"));
        command.addAll(List.of(args));
        return Scripts.run(HOME, env, command);
    }

    private List<String> runnerCalls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void picksTheNewestDateFolderIgnoringOtherNamesAndBackfillsAnOlderOne() throws IOException {
        extract("2020-09-30");
        extract("2020-10-31");
        Files.createDirectories(root.resolve("2020-13-01"));
        Files.createDirectories(root.resolve("latest"));
        Scripts.Result r = nightly(true, 0, "--", "--study", "all");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("run --extract " + root.resolve("2020-10-31") + " --output " + out + " --config "
                + HOME.resolve("conf/sample.conf") + " -D ingest.max_undecodable_fraction=0.05 --study all"), runnerCalls());
        assertTrue(r.out().contains("nightly: run " + root.resolve("2020-10-31") + " extract_date=2020-10-31 fingerprint="),
                r.out());
        assertTrue(r.out().contains(": not published yet\n"), r.out());

        Scripts.Result backfill = nightly(true, 0, "--extract-date", "2020-09-30");
        assertEquals(0, backfill.exitCode(), backfill.err());
        assertTrue(runnerCalls().get(1).startsWith("run --extract " + root.resolve("2020-09-30") + " "), runnerCalls().toString());
    }

    @Test
    void aFailedRunExitsNonZeroWithOneLine() throws IOException {
        extract("2020-10-31");
        Scripts.Result r = nightly(true, 1);
        assertEquals(1, r.exitCode());
        assertEquals("nightly: FAILED: the run of " + root.resolve("2020-10-31") + " exited 1 (run manifest and log under "
                + out + "/_runs)", r.err().strip());
        Scripts.Result none = Scripts.run(HOME, Map.of("MVN", "false", "PATH", System.getenv("PATH")), List.of(
                "jobs/schedule/nightly.sh", "--root", work.resolve("empty").toString(), "--output", out.toString()));
        assertEquals(1, none.exitCode(), "a missing extract root alerts");
    }

    @Test
    void aRealRunPublishesThenTheSameInputsAreSkippedAndChangedOnesRerun() throws IOException {
        Path extract = extract("2020-10-31");
        Scripts.Result first = nightly(false, 0, "--", "--study", "first_line_thp");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("nightly: published " + extract + " (extract date 2020-10-31) under " + out), first.out());
        assertTrue(Files.isRegularFile(out.resolve("endpoints/extract_date=2020-10-31/study=first_line_thp/_SUCCESS")));

        Scripts.Result again = nightly(false, 0, "--", "--study", "first_line_thp");
        assertEquals(0, again.exitCode(), again.err());
        String skip = again.out().lines().filter(l -> l.startsWith("nightly: skip ")).findFirst().orElseThrow(
                () -> new AssertionError(again.out()));
        assertTrue(skip.matches("nightly: skip " + java.util.regex.Pattern.quote(extract.toString())
                + " extract_date=2020-10-31 fingerprint=[0-9a-f]{64}: already published by run \\d{8}T\\d{6}Z-[0-9a-f]{8}"), skip);

        Files.writeString(extract.resolve("notes.txt"), "a file the extract did not have");
        Scripts.Result changed = nightly(true, 0);
        assertEquals(0, changed.exitCode(), changed.err());
        assertTrue(changed.out().contains(": inputs changed since run "), changed.out());
        assertEquals(1, runnerCalls().size(), "rerun");
    }
}
