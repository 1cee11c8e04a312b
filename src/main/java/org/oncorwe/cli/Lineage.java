package org.oncorwe.cli;

import org.oncorwe.runtime.InputLineage;
import org.oncorwe.runtime.PartitionManifest;
import org.oncorwe.runtime.PipelineVersion;
import org.oncorwe.runtime.Publisher;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** How the stage commands record what they read and stamp what they wrote (PartitionManifest per partition). */
final class Lineage {

    private Lineage() {
    }

    /**
     * The stage's inputs under {@code tables}: each table's partition of the extract date, checked to
     * belong together (else the run fails unless --allow-mixed); recorded in the run manifest.
     */
    static Map<String, String> inputs(RunContext run, Path tables, LocalDate extractDate, List<String> partitions,
                                      boolean allowMixed, String stage) {
        InputLineage lineage = new InputLineage(tables);
        partitions.forEach(p -> lineage.read(p.replace("{date}", "extract_date=" + extractDate)));
        List<String> mixed = lineage.check(allowMixed, stage);
        run.manifest().put("inputs_read", lineage.inputs());
        if (!mixed.isEmpty()) {
            run.manifest().put("mixed_inputs", mixed);
        }
        return lineage.inputs();
    }

    /** Writes the partition manifest into every partition the stage staged. */
    static void stamp(RunContext run, Publisher publisher, List<Publisher.Partition> partitions, String keyId,
                      Map<String, String> inputs) {
        String runId = run.manifest().runId();
        for (Publisher.Partition p : partitions) {
            new PartitionManifest(runId, p.table(), p.path(), run.config().configHash(), keyId, PipelineVersion.get(), inputs)
                    .write(publisher.staging(runId).resolve(p.table()).resolve(p.path()));
        }
    }
}
