package org.oncorwe.stats.stage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.cohort.CohortSettings;
import org.oncorwe.cohort.CohortStage;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.config.PseudonymKey;
import org.oncorwe.endpoints.EndpointsStage;
import org.oncorwe.endpoints.PatientEndpoints;
import org.oncorwe.endpoints.Toxicity;
import org.oncorwe.ingest.ExtractLayout;
import org.oncorwe.ingest.IngestStage;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.rules.PatientIngest;
import org.oncorwe.stats.spark.StatsStage;
import org.oncorwe.synth.DamageRates;
import org.oncorwe.synth.GeneratorSettings;
import org.oncorwe.synth.Profile;
import org.oncorwe.synth.SyntheticRegistry;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #9: "on a seeded cleopatra run of 2 000 patients the stratified trial-PFS HR of THP vs TH
 * lies in [0.52, 0.72]". A generated registry (profile cleopatra, seed 20120109) goes through the
 * real Spark stages — ingest, cohort (first_line_th_vs_thp), endpoints, stats — and the published
 * hazard_ratio rows of index_label=THP on pfs_trial stratified by prior_anti_her2 are read: the
 * unadjusted stratified model (CLEOPATRA's) and the adjusted one.
 *
 * <p>lab_result, measurement and adverse_event are left out of the extract (optional tables, as
 * decision 185 leaves them out of CleopatraProfileTest): the comparison reads none of them and the
 * generator writes none after a patient's last contact, so no endpoint can move; they would triple
 * the ingest. Measured: HR 0.659 stratified, 0.662 adjusted; 517 s wall at load 16 on the shared 2-core
 * machine, about 2 minutes uncontended (docs/statistics.md).
 */
@Tag("spark")
@Tag("slow") // left out of CI's Spark 4.0.0 compatibility pass (decision 227)
class CleopatraComparisonTest {

    static final String STUDY = "first_line_th_vs_thp";
    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);
    private static Dataset<Row> hazardRatios;

    @BeforeAll
    static void runThePipeline() throws IOException {
        SparkSession spark = SharedSpark.get();
        OncoRweConfig config = IngestedExtracts.referenceConfig();
        Path home = TestPaths.emptyHome("cleopatra-pipeline");
        SyntheticRegistry.Result generated = SyntheticRegistry.generate(new GeneratorSettings(2000, 20120109L, EXTRACT,
                Profile.CLEOPATRA, DamageRates.from(config), 200_000), home.resolve("generated"));
        List<String> left = List.of("lab_result", "measurement", "adverse_event.csv");
        for (String table : left) {
            try (Stream<Path> files = Files.walk(generated.extractDir().resolve(table))) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        // and out of the manifest, which names every file it expects
        Path manifest = generated.extractDir().resolve("extract_manifest.json");
        Config m = ConfigFactory.parseFile(manifest.toFile());
        for (String file : m.getObject("files").keySet()) {
            if (left.stream().anyMatch(t -> file.equals(t) || file.startsWith(t + "/"))) {
                m = m.withoutPath(ConfigUtil.joinPath("files", file));
            }
        }
        Files.writeString(manifest, m.root().render(ConfigRenderOptions.concise()));
        Path tables = home.resolve("tables");
        PseudonymKey key = PseudonymKey.development();
        Map<String, String> lineage = Map.of("pipeline_version", "test", "config_hash", "h", "key_id", key.keyId());
        IngestStage.run(spark, ExtractLayout.inspect(generated.extractDir(), Optional.empty(), 100, 32768),
                Dictionaries.load(TestPaths.home().resolve("conf/dictionaries")), RowValidator.Settings.defaults(EXTRACT),
                PatientIngest.Settings.defaults(EXTRACT), key, lineage, 0.01, 100, tables);
        CohortStage.run(spark, tables, EXTRACT, List.of(config.get(ConfigKeys.COHORT_STUDIES).get(STUDY)),
                CohortSettings.from(config), lineage, tables);
        EndpointsStage.run(spark, tables, EXTRACT, List.of(STUDY), PatientEndpoints.Params.from(config),
                Toxicity.Params.from(config), config.get(ConfigKeys.STATS_DAYS_PER_MONTH), lineage, tables);
        Path staging = home.resolve("staging");
        StatsStage.run(spark, tables, EXTRACT, List.of(STUDY), StatsSettings.from(config), lineage, staging);
        hazardRatios = spark.read().parquet(staging.resolve("hazard_ratio/extract_date=" + EXTRACT + "/study=" + STUDY)
                .toString());
    }

    private static Row thp(String endpoint, boolean adjusted) {
        Dataset<Row> rows = hazardRatios.filter(col("endpoint").equalTo(endpoint).and(col("term").isin("THP", "index_label=THP"))
                .and(col("strata").equalTo("prior_anti_her2"))
                .and(adjusted ? col("adjusted_for").isNotNull() : col("adjusted_for").isNull()));
        List<Row> out = rows.collectAsList();
        assertEquals(1, out.size(), endpoint + (adjusted ? " adjusted" : " stratified") + ": " + out);
        return out.get(0);
    }

    private static void assertCleopatrasRange(Row r) {
        double hr = r.getAs("hr");
        System.out.println("THP vs TH: " + r.getAs("endpoint") + " " + r.getAs("term") + " adjusted_for "
                + r.getAs("adjusted_for") + ": HR " + hr + " (" + r.getAs("hr_lower") + "-" + r.getAs("hr_upper") + ")");
        assertTrue(hr >= 0.52 && hr <= 0.72, () -> "HR " + hr + " outside [0.52, 0.72]: " + r);
        assertEquals("TH", r.getAs("reference"));
        assertTrue(r.<Boolean>getAs("converged"));
    }

    @Test
    void theStratifiedTrialPfsHazardRatioOfThpVsThIsCleopatras() {
        assertCleopatrasRange(thp("pfs_trial", false));
    }

    @Test
    void theAdjustedStratifiedTrialPfsHazardRatioIsToo() {
        assertCleopatrasRange(thp("pfs_trial", true));
    }
}
