package org.oncorwe.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest stage in Spark on the hand-checked fixture: its hand-computed counts and rejects, types, privacy. */
@Tag("spark")
class IngestStageTest {

    static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand");
    static final LocalDate DATE = LocalDate.of(2020, 10, 31);
    private static Path staging;
    private static SparkSession spark;
    private static final List<String> LOG = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @BeforeAll
    static void ingest() {
        spark = SharedSpark.get();
        captureLogs();
        staging = TestPaths.emptyHome("ingest-stage");
        ExtractLayout layout = ExtractLayout.inspect(HAND.resolve("2020-10-31"), Optional.empty(), 100, 32768);
        PseudonymKey key = PseudonymKey.development();
        IngestStage.run(spark, layout, Dictionaries.load(TestPaths.home().resolve("conf/dictionaries")),
                RowValidator.Settings.defaults(DATE), PatientIngest.Settings.defaults(DATE), key,
                Map.of("pipeline_version", "test", "config_hash", "h", "key_id", key.keyId()), 0.05, 100, staging);
    }

    /** Every log event of the run, at every level our configuration passes, rendered as text. */
    private static void captureLogs() {
        org.apache.logging.log4j.core.LoggerContext context =
                (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        org.apache.logging.log4j.core.appender.AbstractAppender appender =
                new org.apache.logging.log4j.core.appender.AbstractAppender("capture", null, null, true,
                        org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
                    @Override
                    public void append(org.apache.logging.log4j.core.LogEvent event) {
                        LOG.add(event.getMessage().getFormattedMessage()
                                + (event.getThrown() == null ? "" : " " + event.getThrown()));
                    }
                };
        appender.start();
        context.getConfiguration().getLoggers().values().forEach(l -> l.addAppender(appender, null, null));
        context.getConfiguration().getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    static List<CSVRecord> expected(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(HAND.resolve("expected").resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords();
        }
    }

    @Test
    void fileCountsAreTheHandComputedOnes() throws IOException {
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord r : expected("expected_ingest_counts.csv")) {
            want.put(r.get("table"), r.get("rows_read") + "/" + r.get("rows_accepted") + "/" + r.get("rows_rejected") + "/"
                    + r.get("rows_collapsed"));
        }
        Map<String, long[]> got = new TreeMap<>();
        for (Row r : spark.read().parquet(staging.resolve("ingest_report").toString()).filter("kind = 'FILE'").collectAsList()) {
            long[] c = got.computeIfAbsent(r.getAs("table_name"), k -> new long[4]);
            int i = List.of("ROWS_READ", "ROWS_ACCEPTED", "ROWS_REJECTED", "ROWS_COLLAPSED").indexOf((String) r.getAs("code"));
            c[i] += (Long) r.getAs("count");
        }
        Map<String, String> gotText = new TreeMap<>();
        got.forEach((t, c) -> gotText.put(t, c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3]));
        assertEquals(want, gotText);
    }

    @Test
    void rejectsAreTheHandComputedOnesAndHoldNoIdentifier() throws IOException {
        Set<String> want = new HashSet<>();
        for (CSVRecord r : expected("expected_rejects.csv")) {
            want.add(r.get("table") + ":" + r.get("line_number") + ":" + r.get("reason"));
        }
        Set<String> got = new HashSet<>();
        for (Row r : spark.read().parquet(staging.resolve("rejects").toString()).collectAsList()) {
            got.add(r.getAs("table_name") + ":" + r.getAs("line_number") + ":" + r.getAs("reason"));
            String raw = r.getAs("raw_record");
            String reason = r.getAs("reason");
            assertEquals(reason.equals("MALFORMED_ROW") || reason.equals("INVALID_ENCODING"), raw == null, reason);
        }
        assertEquals(want, got);
    }

    /**
     * A reject's raw_record is its record's non-PHI contract columns as read, patient_id replaced by
     * patient_key — for rows the column rules reject in the reading task and for rows the cross-row
     * rules reject after the shuffle, whose raw text travels as bytes (decision 272).
     */
    @Test
    void rawRecordsAreTheRecordsAsRead() throws IOException {
        PseudonymKey key = PseudonymKey.development();
        ExtractLayout layout = ExtractLayout.inspect(HAND.resolve("2020-10-31"), Optional.empty(), 100, 32768);
        Map<String, String> want = new TreeMap<>();
        for (ExtractLayout.TableFile f : layout.allFiles()) {
            org.oncorwe.ingest.contract.TableContract table = org.oncorwe.ingest.contract.ExtractContract.table(f.table()).orElseThrow();
            try (Reader r = Files.newBufferedReader(HAND.resolve("2020-10-31").resolve(f.path()), StandardCharsets.UTF_8);
                 org.apache.commons.csv.CSVParser parser = CSVFormat.RFC4180.parse(r)) {
                long start = 1;
                int columns = -1;
                for (CSVRecord record : parser) {
                    columns = columns < 0 ? record.size() : columns;
                    if (start > 1 && record.size() == columns) { // a malformed row's reject has no raw_record
                        Map<String, String> raw = f.binding().row(record.toList());
                        String id = raw.get("patient_id") == null || raw.get("patient_id").isBlank() ? null : raw.get("patient_id").trim();
                        want.put(f.path() + ":" + start, IngestStage.rawRecord(table, raw, id == null ? null : key.patientKey(id)));
                    }
                    start = parser.getCurrentLineNumber() + 1;
                }
            }
        }
        Set<String> reasons = new HashSet<>();
        for (Row r : spark.read().parquet(staging.resolve("rejects").toString()).filter("raw_record IS NOT NULL").collectAsList()) {
            String at = r.getAs("source_file") + ":" + r.getAs("line_number");
            assertEquals(want.get(at), r.getAs("raw_record"), at);
            assertFalse(((String) r.getAs("raw_record")).contains("patient_name"), at);
            reasons.add(r.getAs("reason"));
        }
        // both sides of the shuffle: a column rule's reject and two of the cross-row rules'
        assertTrue(reasons.containsAll(Set.of("INVALID_CODE", "EVENT_AFTER_DEATH", "PATIENT_REJECTED")), reasons.toString());
    }

    @Test
    void stagedColumnsHaveTheTypesOfOutputsMd() {
        Dataset<Row> patient = spark.read().parquet(staging.resolve("staged_patient").toString());
        assertEquals(DataTypes.DateType, patient.schema().apply("birth_date").dataType());
        assertEquals(DataTypes.DateType, patient.schema().apply("extract_date").dataType());
        assertEquals(DataTypes.LongType, patient.schema().apply("line_number").dataType());
        assertEquals(28, patient.count());
        Dataset<Row> drugs = spark.read().parquet(staging.resolve("staged_drug_administration").toString());
        assertEquals(DataTypes.TimestampNTZType, drugs.schema().apply("admin_date").dataType());
        assertEquals(DataTypes.DoubleType, drugs.schema().apply("dose").dataType());
        Dataset<Row> labs = spark.read().parquet(staging.resolve("staged_lab_result").toString());
        assertEquals(StagedTable.EXACT, labs.schema().apply("value_canonical").dataType());
        for (String phi : List.of("patient_id", "patient_name", "resident_no")) {
            assertFalse(List.of(patient.schema().fieldNames()).contains(phi), phi);
        }
    }

    @Test
    void noInputIdentifierInAnyOutputStringColumn() throws IOException {
        Set<String> identifiers = new HashSet<>();
        for (String line : Files.readAllLines(HAND.resolve("2020-10-31/patient.csv"), StandardCharsets.UTF_8).subList(1, 32)) {
            String[] f = line.split(",", -1);
            for (int i = 0; i < Math.min(3, f.length); i++) {
                if (f[i].length() > 3) {
                    identifiers.add(f[i].replace("\"", "").trim());
                }
            }
        }
        identifiers.add("HND-9999");
        assertTrue(identifiers.size() > 50, identifiers.toString());
        assertTrue(LOG.stream().anyMatch(l -> l.startsWith("stage=ingest step=read")), "the capture sees our log lines");
        for (String line : LOG) {
            for (String id : identifiers) {
                assertFalse(line.contains(id), () -> "a log line holds " + id + ": " + line);
            }
        }
        try (Stream<Path> tables = Files.list(staging)) {
            for (Path table : tables.filter(Files::isDirectory).toList()) {
                Dataset<Row> df = spark.read().parquet(table.toString());
                for (StructField f : df.schema().fields()) {
                    if (f.dataType() != DataTypes.StringType) {
                        continue;
                    }
                    for (Row r : df.select(f.name()).distinct().collectAsList()) {
                        String v = r.getString(0);
                        for (String id : identifiers) {
                            assertTrue(v == null || !v.contains(id), () -> table.getFileName() + "." + f.name() + " holds " + id);
                        }
                    }
                }
            }
        }
    }
}
