package org.oncorwe.cli;

import org.apache.spark.sql.SparkSession;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.config.PseudonymKey;
import org.oncorwe.ingest.ExtractLayout;
import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.ingest.IngestStage;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.rules.PatientIngest;
import org.oncorwe.runtime.FileInventory;
import org.oncorwe.runtime.PipelineVersion;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest stage as the {@code ingest} and {@code run} commands run it: inspect the extract
 * (failing before any work), resolve the pseudonym key, read with Spark into the run's staging
 * folder, and hand back the partitions to publish. Records inputs, key id and row counts in the
 * run manifest.
 */
final class IngestRun {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);

    /** What the ingest staged: the extract date and the partitions to publish. */
    record Staged(LocalDate extractDate, List<Publisher.Partition> partitions, Map<String, Long> rows) {
    }

    private IngestRun() {
    }

    static Staged stage(RunContext run, Path extract, Optional<LocalDate> extractDate, Publisher publisher) {
        OncoRweConfig c = run.config();
        if (!java.nio.file.Files.isDirectory(extract)) {
            throw new org.oncorwe.runtime.PipelineFailure("extract folder not found: " + extract);
        }
        // without the key a run refuses to start, before it looks any further (outputs.md)
        PseudonymKey key = PseudonymKey.resolve(run.invocation().environment(), ExtractLocator.isSynthetic(extract),
                c.get(ConfigKeys.PRIVACY_ALLOW_DEVELOPMENT_KEY));
        if (key.isDevelopment()) {
            LOG.warn("using the development pseudonym key for the synthetic extract (never for real data)");
        }
        run.manifest().keyId(key.keyId());
        LocalDate date = ExtractLocator.extractDate(extract, extractDate);
        run.manifest().put("extract", extract.toString());
        run.manifest().put("extract_date", date.toString());
        ExtractLayout layout = ExtractLayout.inspect(extract, Optional.of(date), c.get(ConfigKeys.INGEST_MAX_LINES_PER_RECORD),
                c.get(ConfigKeys.INGEST_MAX_FIELD_LENGTH));
        run.manifest().inputs(FileInventory.of(extract));
        Dictionaries dictionaries = Dictionaries.load(run.invocation().fromHome(c.get(ConfigKeys.RUNTIME_DICTIONARIES)));
        publisher.recover();
        SparkSession spark = SparkSessions.forStage(c, run.manifest().runId(), org.oncorwe.runtime.Stage.INGEST);
        Map<String, String> lineage = Map.of("pipeline_version", PipelineVersion.get(), "config_hash", c.configHash(),
                "key_id", key.keyId());
        IngestStage.Result result = IngestStage.run(spark, layout, dictionaries, RowValidator.Settings.from(c, date),
                PatientIngest.Settings.from(c, date), key, lineage, c.get(ConfigKeys.INGEST_MAX_UNDECODABLE_FRACTION),
                c.get(ConfigKeys.INGEST_MAX_LINES_PER_RECORD), publisher.staging(run.manifest().runId()));
        List<Publisher.Partition> partitions = new ArrayList<>();
        result.rowsPerTable().forEach((table, n) -> {
            run.manifest().rows(table, n);
            partitions.addAll(publisher.staged(run.manifest().runId(), table, 1));
        });
        Lineage.stamp(run, publisher, partitions, key.keyId(), Map.of()); // read from the raw extract (see the run manifest's inputs)
        return new Staged(date, partitions, result.rowsPerTable());
    }
}
