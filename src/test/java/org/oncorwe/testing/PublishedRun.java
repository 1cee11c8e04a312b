package org.oncorwe.testing;

import com.typesafe.config.Config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One whole {@code run} of the hand fixture with every study, through the CLI, once per test JVM:
 * the published output the BI-reader tests and the CLI tests read (a full run costs minutes on
 * 2 cores; CI runs it once). Tests may add runs beside it but must not change its rows.
 */
public final class PublishedRun {

    /** The output root, what the run printed, and its run manifest. */
    public record Published(Path output, CliRun run, Config manifest) {
    }

    private static Published hand;

    private PublishedRun() {
    }

    public static synchronized Published hand() {
        if (hand == null) {
            SharedSpark.get();
            Path out = TestPaths.emptyHome("published-hand").resolve("out");
            CliRun run = CliRun.of(TestPaths.home(), Map.of(), "run", "--extract",
                    IngestedExtracts.HAND.resolve("2020-10-31").toString(), "--output", out.toString(), "--config",
                    TestPaths.home().resolve("conf/sample.conf").toString(), "-D", "ingest.max_undecodable_fraction=0.05",
                    "--study", "all");
            if (run.exitCode() != 0) {
                throw new AssertionError("the hand fixture's run failed: " + run.err());
            }
            hand = new Published(out, run, CliRun.onlyManifest(out));
        }
        return hand;
    }
}
