package org.oncorwe.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
        IngestedExtracts.Ingested ingested = IngestedExtracts.sample(); // shared with the downstream stages' tests
        Path staging = ingested.tables();
        IngestStage.Result result = ingested.result();

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
