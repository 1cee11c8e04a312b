package org.oncorwe.ingest;

import org.oncorwe.runtime.PipelineFailure;

import java.util.Locale;
import java.util.Map;

/**
 * The whole-extract checks that need every file read once (registry-extract.md): each file the
 * manifest lists has that many records and that sha256 (a truncated transfer must never make a
 * silently smaller cohort), and no file has more than {@code ingest.max_undecodable_fraction}
 * of its records undecodable. Runs before anything is published; one clear message each.
 */
public final class ExtractIntegrity {

    private ExtractIntegrity() {
    }

    public static void check(ExtractLayout layout, Map<String, FileStats> read, double maxUndecodableFraction) {
        for (Map.Entry<String, ExtractLayout.ManifestEntry> e : layout.manifest().entrySet()) {
            FileStats stats = read.get(e.getKey());
            if (stats == null) {
                continue; // listed but not a table file the contract reads (checked to exist by the layout)
            }
            if (stats.records() != e.getValue().rows()) {
                throw new PipelineFailure(String.format(Locale.ROOT,
                        "%s has %d records but extract_manifest.json says %d: incomplete or altered extract",
                        e.getKey(), stats.records(), e.getValue().rows()));
            }
            if (!stats.sha256().equalsIgnoreCase(e.getValue().sha256())) {
                throw new PipelineFailure(e.getKey() + ": sha256 differs from extract_manifest.json: incomplete or altered extract");
            }
        }
        for (FileStats stats : read.values()) {
            if (stats.records() > 0 && (double) stats.invalidEncoding() / stats.records() > maxUndecodableFraction) {
                throw new PipelineFailure(String.format(Locale.ROOT,
                        "%s: %d of %d records cannot be decoded as %s (more than %.1f %%): wrong encoding or damaged file",
                        stats.path(), stats.invalidEncoding(), stats.records(), layout.charset().name(),
                        100 * maxUndecodableFraction));
            }
        }
    }
}
