package org.oncorwe.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.PseudonymKey;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.rules.PatientIngest;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ingest stage in Spark on the whole bundled sample: its rejects are exactly the planted ones
 * of the generator's truth, its collapsed and finding counts equal the truth's, and every file
 * reconciles (the stage fails otherwise).
 */
@Tag("spark")
class IngestSampleTest {

    static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like");
    static final Set<String> REJECTS = Set.of("PATIENT_REJECTED", "DUPLICATE_CONFLICT", "UNKNOWN_PATIENT", "NON_NUMERIC_VALUE",
            "INVALID_DATE", "INVALID_GRADE_FOR_TERM");

    @Test
    void rejectsCollapsesAndFindingsAreThePlantedOnes() throws IOException {
        SparkSession spark = SharedSpark.get();
        Path staging = TestPaths.emptyHome("ingest-sample");
        LocalDate date = LocalDate.of(2020, 10, 31);
        ExtractLayout layout = ExtractLayout.inspect(SAMPLE.resolve("2020-10-31"), Optional.empty(), 100, 32768);
        PseudonymKey key = PseudonymKey.development();
        IngestStage.Result result = IngestStage.run(spark, layout, Dictionaries.load(TestPaths.home().resolve("conf/dictionaries")),
                RowValidator.Settings.defaults(date), PatientIngest.Settings.defaults(date), key,
                Map.of("pipeline_version", "test", "config_hash", "h", "key_id", key.keyId()), 0.01, 100, staging);

        Set<String> plantedRejects = new HashSet<>();
        Map<String, Long> plantedOther = new TreeMap<>();
        long patients = 0;
        try (Reader r = Files.newBufferedReader(SAMPLE.resolve("truth/2020-10-31/damage.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord d : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                String table = d.get("file").replaceAll("(/part-\\d+)?\\.csv$", "");
                if (REJECTS.contains(d.get("expected"))) {
                    plantedRejects.add(table + ":" + d.get("file") + ":" + d.get("line_number") + ":" + d.get("expected"));
                } else {
                    plantedOther.merge(d.get("expected"), 1L, Long::sum);
                }
            }
        }
        try (Reader r = Files.newBufferedReader(SAMPLE.resolve("truth/2020-10-31/patients.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord p : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                patients += p.get("expected_step").equals("REJECTED") ? 0 : 1;
            }
        }
        Set<String> rejects = new HashSet<>();
        for (Row r : spark.read().parquet(staging.resolve("rejects").toString()).collectAsList()) {
            rejects.add(r.getAs("table_name") + ":" + r.getAs("source_file") + ":" + r.getAs("line_number") + ":" + r.getAs("reason"));
        }
        assertEquals(plantedRejects, rejects);

        Map<String, Long> counted = new HashMap<>();
        for (Row r : spark.read().parquet(staging.resolve("ingest_report").toString()).collectAsList()) {
            String kind = r.getAs("kind");
            String code = r.getAs("code");
            if (kind.equals("FILE") && code.equals("ROWS_COLLAPSED")) {
                counted.merge("COLLAPSED", r.getAs("count"), Long::sum);
            } else if (kind.equals("FINDING")) {
                counted.merge(code, r.getAs("count"), Long::sum);
            }
        }
        counted.remove("COLLAPSED", 0L);
        assertEquals(plantedOther, new TreeMap<>(counted));
        assertEquals(patients, result.rowsPerTable().get("staged_patient"));
    }
}
