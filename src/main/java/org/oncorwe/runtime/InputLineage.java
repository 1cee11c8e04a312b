package org.oncorwe.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The partitions a stage reads and the runs that wrote them. Inputs belong together when every
 * input partition that was itself derived from another input of this stage was derived from the
 * partition published now: an endpoints run must not pair a cohort derived from yesterday's
 * staged tables with today's re-ingested ones. A stage refuses such a mix unless told
 * {@code --allow-mixed}.
 */
public final class InputLineage {

    private final Path root;
    private final Map<String, String> runs = new TreeMap<>();
    private final Map<String, PartitionManifest> manifests = new TreeMap<>();

    /** Inputs under {@code root}: the published tables, or a run's staging folder. */
    public InputLineage(Path root) {
        this.root = root;
    }

    /** Notes one input partition ({@code table/extract_date=D[/study=S]}) if it exists, with the run that wrote it. */
    public InputLineage read(String partition) {
        Path dir = root.resolve(partition);
        if (Files.isDirectory(dir)) {
            Optional<PartitionManifest> m = PartitionManifest.read(dir);
            runs.put(partition, m.map(PartitionManifest::runId).orElse("unknown"));
            m.ifPresent(x -> manifests.put(partition, x));
        }
        return this;
    }

    /** Every input partition read, with the run that wrote it ("unknown" without a manifest). */
    public Map<String, String> inputs() {
        return Map.copyOf(runs);
    }

    /** One line per input derived from another input of this stage that has since been replaced. */
    public List<String> conflicts() {
        List<String> out = new ArrayList<>();
        manifests.forEach((partition, m) -> m.inputs().forEach((source, run) -> {
            String now = runs.get(source);
            if (now != null && !now.equals("unknown") && !now.equals(run)) {
                out.add(partition + " was derived from " + source + " of run " + run + ", but the one read now is of run " + now);
            }
        }));
        return out;
    }

    /** Fails on the first conflict unless mixing is allowed; returns the conflicts (for the run manifest). */
    public List<String> check(boolean allowMixed, String stage) {
        List<String> conflicts = conflicts();
        if (!conflicts.isEmpty() && !allowMixed) {
            throw new PipelineFailure("inputs from runs that do not belong together: " + conflicts.get(0)
                    + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "") + "; rerun the earlier stage, or "
                    + "run " + stage + " with --allow-mixed");
        }
        return conflicts;
    }
}
