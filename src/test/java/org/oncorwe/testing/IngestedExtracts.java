package org.oncorwe.testing;

import org.oncorwe.config.PseudonymKey;
import org.oncorwe.ingest.ExtractLayout;
import org.oncorwe.ingest.IngestStage;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.rules.PatientIngest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled sample and the hand fixture, each ingested once per test JVM with the development
 * key (the sample's ingest is the suite's most expensive step): downstream stages' tests read
 * these staged tables.
 */
public final class IngestedExtracts {

    public static final LocalDate DATE = LocalDate.of(2020, 10, 31);
    public static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like");
    public static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand");

    /** Where an ingest wrote its staged tables, and what it counted. */
    public record Ingested(Path tables, IngestStage.Result result) {
    }

    private static Ingested sample;
    private static Ingested hand;
    private static boolean sampleCohorts;
    private static boolean handCohorts;
    private static Path sampleEndpoints;
    private static Path handEndpoints;

    private IngestedExtracts() {
    }

    public static synchronized Ingested sample() {
        if (sample == null) {
            sample = ingest(SAMPLE.resolve("2020-10-31"), "ingested-sample", 0.01);
        }
        return sample;
    }

    /** The hand fixture holds undecodable rows on purpose: read with a 5 % limit (decision 75). */
    public static synchronized Ingested hand() {
        if (hand == null) {
            hand = ingest(HAND.resolve("2020-10-31"), "ingested-hand", 0.05);
        }
        return hand;
    }

    /** The sample's staged tables with the cohort tables of every configured study beside them, as {@code run} leaves them. */
    public static synchronized Path sampleWithCohorts() {
        Path tables = sample().tables();
        if (!sampleCohorts) {
            deriveCohorts(tables);
            sampleCohorts = true;
        }
        return tables;
    }

    /** The hand fixture's staged tables with the cohort tables of every configured study beside them. */
    public static synchronized Path handWithCohorts() {
        Path tables = hand().tables();
        if (!handCohorts) {
            deriveCohorts(tables);
            handCohorts = true;
        }
        return tables;
    }

    /**
     * A folder of the sample's staged and cohort tables (linked) with the endpoints, tumor_response and
     * toxicity tables of every configured study, derived once per JVM with the reference config.
     * Read-only for tests: a test that writes tables links these into a folder of its own.
     */
    public static synchronized Path sampleWithEndpoints() {
        if (sampleEndpoints == null) {
            sampleEndpoints = deriveEndpoints(sampleWithCohorts(), "sample-with-endpoints");
        }
        return sampleEndpoints;
    }

    /** As {@link #sampleWithEndpoints()}, for the hand fixture. */
    public static synchronized Path handWithEndpoints() {
        if (handEndpoints == null) {
            handEndpoints = deriveEndpoints(handWithCohorts(), "hand-with-endpoints");
        }
        return handEndpoints;
    }

    /** Links every table folder under {@code from} into {@code to} (created), except those {@code skip} accepts. */
    public static void linkTables(Path from, Path to, java.util.function.Predicate<String> skip) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(from)) {
            java.nio.file.Files.createDirectories(to);
            for (Path t : s.filter(java.nio.file.Files::isDirectory).sorted().toList()) {
                String name = t.getFileName().toString();
                if (!skip.test(name) && !java.nio.file.Files.exists(to.resolve(name))) {
                    java.nio.file.Files.createSymbolicLink(to.resolve(name), t.toRealPath());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path deriveEndpoints(Path cohorts, String name) {
        var config = referenceConfig();
        Path root = TestPaths.emptyHome(name);
        Path derived = root.resolve("derived");
        org.oncorwe.endpoints.EndpointsStage.run(SharedSpark.get(), cohorts, DATE,
                java.util.List.copyOf(config.get(org.oncorwe.config.ConfigKeys.COHORT_STUDIES).keySet()),
                org.oncorwe.endpoints.PatientEndpoints.Params.from(config), org.oncorwe.endpoints.Toxicity.Params.from(config),
                config.get(org.oncorwe.config.ConfigKeys.STATS_DAYS_PER_MONTH),
                Map.of("pipeline_version", "test", "config_hash", "h"), derived);
        Path tables = root.resolve("tables");
        linkTables(cohorts, tables, n -> false);
        linkTables(derived, tables, n -> false);
        return tables;
    }

    /** The reference configuration (every study, default options). */
    public static org.oncorwe.config.OncoRweConfig referenceConfig() {
        return org.oncorwe.config.ConfigLoader.load(org.oncorwe.config.ConfigSources.of(TestPaths.home()));
    }

    private static void deriveCohorts(Path tables) {
        var config = referenceConfig();
        org.oncorwe.cohort.CohortStage.run(SharedSpark.get(), tables, DATE,
                java.util.List.copyOf(config.get(org.oncorwe.config.ConfigKeys.COHORT_STUDIES).values()),
                org.oncorwe.cohort.CohortSettings.from(config), Map.of("pipeline_version", "test", "config_hash", "h"), tables);
    }

    /** The pseudonym the development key gives a raw patient_id (for comparing with fixtures written by id). */
    public static String patientKey(String patientId) {
        return PseudonymKey.development().patientKey(patientId);
    }

    /**
     * Ingests an extract into a fresh folder with the shared session, the development key, the reference
     * dictionaries and the defaults (100 lines per record, 32 768 characters a field): the path every
     * ingested extract of the tests takes.
     */
    public static Ingested ingest(Path extract, String name, double maxUndecodable) {
        Path tables = TestPaths.emptyHome(name);
        ExtractLayout layout = ExtractLayout.inspect(extract, Optional.empty(), 100, 32768);
        PseudonymKey key = PseudonymKey.development();
        IngestStage.Result result = IngestStage.run(SharedSpark.get(), layout,
                Dictionaries.load(TestPaths.home().resolve("conf/dictionaries")), RowValidator.Settings.defaults(DATE),
                PatientIngest.Settings.defaults(DATE), key, Map.of("pipeline_version", "test", "config_hash", "h", "key_id",
                        key.keyId()), maxUndecodable, 100, tables);
        return new Ingested(tables, result);
    }
}
