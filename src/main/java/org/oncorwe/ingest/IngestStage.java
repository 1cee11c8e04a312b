package org.oncorwe.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncorwe.config.CanonicalJson;
import org.oncorwe.config.PseudonymKey;
import org.oncorwe.ingest.contract.Column;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.HeaderBinding;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.rules.PatientIngest;
import org.oncorwe.ingest.rules.RowOutcome;
import org.oncorwe.ingest.rules.SourcedRow;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.StepLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ingest stage's Spark shell (issue #6): one task per file reads its raw bytes
 * ({@link FileScanner}) and runs the per-row steps ({@link SourcedRow#read}); rows are grouped by
 * patient_key and each patient's rows go through the cross-row rules ({@link PatientIngest});
 * accepted rows become {@code staged_<table>}, rejects and counts {@code rejects} and
 * {@code ingest_report}. What Spark shuffles is rows (decision 76): a record travels inside in
 * {@link RowCodec}'s bytes (decision 264). The extract is read once: its rows go straight into the
 * shuffle, each file's counts and checksum beside them, and the extract is checked as a whole
 * ({@link ExtractIntegrity}) once the outcomes are written to the run's scratch and before any
 * table is (decisions 266, 271). The raw patient_id is replaced by patient_key in the reading task; no output,
 * reject or log line holds it, nor a name or national ID.
 */
public final class IngestStage {

    /** What one ingest wrote, for the manifest and the caller. */
    public record Result(Map<String, Long> rowsPerTable, Map<String, FileStats> files) {
    }

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    /** The outcomes' scratch folder in the run's staging (a leading underscore: never a table, never published). */
    static final String OUTCOMES = "_outcomes";
    /** CSV bytes per partition of the patient shuffle: ≈ 3 × that in shuffled rows, a reduce task's sort in memory. */
    static final long EXTRACT_BYTES_PER_PARTITION = 32L << 20;
    static final long MAX_SHUFFLE_PARTITIONS = 4000;
    /**
     * The outcomes' scratch is written once and read once, whole, by partition folder (decision 272): Parquet's
     * per-column dictionaries and min/max statistics took ≈ 8 % of the read-and-rules step's CPU at
     * 100 000 patients and serve no reader of it. Still Snappy.
     */
    static final Map<String, String> SCRATCH_PARQUET = Map.of(
            "parquet.enable.dictionary", "false",
            "parquet.column.statistics.enabled", "false",
            "parquet.size.statistics.enabled", "false",
            "parquet.page.write-checksum.enabled", "false");

    private static final StructType READ = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("patient_key", DataTypes.StringType, true)
            .add("table_name", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("line_number", DataTypes.LongType, false)
            .add("raw", DataTypes.BinaryType, true)
            .add("payload", DataTypes.BinaryType, false);

    /** What the per-patient rules give back: one row per record, and one STATS row per file. */
    private static final StructType OUTCOME_BASE = new StructType()
            .add("table_name", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("line_number", DataTypes.LongType, false)
            .add("patient_key", DataTypes.StringType, true)
            .add("status", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("reject_column", DataTypes.StringType, true)
            .add("detail", DataTypes.StringType, true)
            .add("raw_record", DataTypes.StringType, true)
            .add("findings", DataTypes.createArrayType(new StructType()
                    .add("code", DataTypes.StringType).add("column_name", DataTypes.StringType)
                    .add("value", DataTypes.StringType)), false)
            .add("stats", DataTypes.BinaryType, true);
    /** Each contract table's position among the outcome's staged struct columns. */
    private static final Map<String, Integer> TABLE_INDEX = java.util.stream.IntStream.range(0, ExtractContract.TABLES.size())
            .boxed().collect(java.util.stream.Collectors.toUnmodifiableMap(i -> ExtractContract.TABLES.get(i).name(), i -> i));
    /** The status of a file's {@link FileStats} row among the outcomes. */
    private static final String STATS = "STATS";
    /** The group key of a file's stats row: patient keys are hex, the unknown patient's is "". */
    private static final String STATS_KEY = "\u0001";

    private IngestStage() {
    }

    /**
     * Reads the extract and writes every ingest table under {@code staging} (partitioned by
     * extract_date); fails before writing anything when the extract as a whole is broken.
     */
    public static Result run(SparkSession spark, ExtractLayout layout, Dictionaries dictionaries,
                             RowValidator.Settings rowSettings, PatientIngest.Settings ruleSettings, PseudonymKey key,
                             Map<String, String> lineage, double maxUndecodableFraction, int maxLinesPerRecord,
                             Path staging) {
        StepLog progress = StepLog.of("ingest");
        String configured = spark.conf().get(SHUFFLE_PARTITIONS);
        spark.conf().set(SHUFFLE_PARTITIONS, Integer.toString(shufflePartitions(extractBytes(layout),
                Integer.parseInt(configured))));
        try {
            return run(spark, layout, dictionaries, rowSettings, ruleSettings, key, lineage, maxUndecodableFraction,
                    maxLinesPerRecord, staging, progress);
        } finally {
            spark.conf().set(SHUFFLE_PARTITIONS, configured);
        }
    }

    /**
     * The patient shuffle's partitions, sized to the extract (decision 270): one per
     * {@link #EXTRACT_BYTES_PER_PARTITION} of CSV, never fewer than {@code runtime.shuffle_partitions}
     * (AQE still coalesces small ones) nor more than {@link #MAX_SHUFFLE_PARTITIONS}.
     */
    static int shufflePartitions(long extractBytes, int configured) {
        long sized = (extractBytes + EXTRACT_BYTES_PER_PARTITION - 1) / EXTRACT_BYTES_PER_PARTITION;
        return (int) Math.max(configured, Math.min(MAX_SHUFFLE_PARTITIONS, sized));
    }

    private static long extractBytes(ExtractLayout layout) {
        long bytes = 0;
        for (ExtractLayout.TableFile f : layout.allFiles()) {
            try {
                bytes += Files.size(layout.extract().resolve(f.path()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f.path(), e);
            }
        }
        return bytes;
    }

    private static Result run(SparkSession spark, ExtractLayout layout, Dictionaries dictionaries,
                              RowValidator.Settings rowSettings, PatientIngest.Settings ruleSettings, PseudonymKey key,
                              Map<String, String> lineage, double maxUndecodableFraction, int maxLinesPerRecord,
                              Path staging, StepLog progress) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, RowValidator> validators = RowValidator.forContract(rowSettings, dictionaries);
        List<ExtractLayout.TableFile> files = layout.allFiles();
        String extract = layout.extract().toString(); // a Path is not Serializable
        String charset = layout.charset().name();
        // tasks get file indexes; the files themselves travel in the (Java-serialized) closure, not through Kryo
        List<Integer> indexes = java.util.stream.IntStream.range(0, files.size()).boxed().toList();
        JavaRDD<Row> read = jsc.parallelize(indexes, Math.max(1, files.size()))
                .flatMap((FlatMapFunction<Integer, Row>) i -> readFile(Path.of(extract), files.get(i),
                        java.nio.charset.Charset.forName(charset), maxLinesPerRecord, validators.get(files.get(i).table()), key));

        // one pass over the extract (decision 266): records go straight into the shuffle by patient,
        // each file's stats row beside them under a key of its own; the outcomes are written once, as
        // Parquet in the run's staging by status and table (decision 271), accepted rows already as
        // their staged table's struct, so each table's write reads its own folder and column
        List<StagedTable> staged = ExtractContract.TABLES.stream().map(StagedTable::new).toList();
        StructType outcomeSchema = OUTCOME_BASE;
        for (StagedTable t : staged) {
            outcomeSchema = outcomeSchema.add(t.name(), t.schema(), true);
        }
        Dataset<Row> outcomes = spark.createDataFrame(read, READ)
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0).equals("stats") ? STATS_KEY + r.getString(3)
                        : r.isNullAt(1) ? "" : r.getString(1), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (groupKey, rows) -> groupKey.startsWith(STATS_KEY)
                        ? statsRow(rows.next()).iterator()
                        : applyRules(groupKey, rows, ruleSettings, staged, lineage).iterator(), Encoders.row(outcomeSchema));
        Path scratch = staging.resolve(OUTCOMES);
        try {
            // read once, by partition folder only: no dictionaries, statistics or page checksums to build
            outcomes.write().mode(SaveMode.Overwrite).options(SCRATCH_PARQUET).partitionBy("status", "table_name")
                    .parquet(scratch.toString());
            return writeTables(spark, layout, spark.read().parquet(scratch.toString()), staged, lineage, maxUndecodableFraction,
                    staging, progress);
        } finally {
            try {
                Publisher.deleteTree(scratch);
                if (Files.isDirectory(staging)) {
                    try (var left = Files.list(staging)) {
                        if (left.findAny().isEmpty()) { // a broken extract: the scratch was all it staged
                            Files.delete(staging);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + scratch, e);
            }
        }
    }

    /** From the outcomes written once: the integrity check, then every staged table, rejects and the report. */
    private static Result writeTables(SparkSession spark, ExtractLayout layout, Dataset<Row> outcomes, List<StagedTable> staged,
                                      Map<String, String> lineage, double maxUndecodableFraction, Path staging,
                                      StepLog progress) {
        Map<String, FileStats> stats = new TreeMap<>();
        for (Row r : outcomes.filter(outcomes.col("status").equalTo(STATS)).select("stats").collectAsList()) {
            FileStats s = RowCodec.decodeFileStats(r.getAs("stats"));
            stats.put(s.path(), s);
        }
        long rowsRead = stats.values().stream().mapToLong(FileStats::records).sum();
        progress.step("read_and_rules", rowsRead, rowsRead);
        ExtractIntegrity.check(layout, stats, maxUndecodableFraction);
        Dataset<Row> rows = outcomes.filter(outcomes.col("status").notEqual(STATS));

        // every table's row count from one aggregate over the written outcomes: each table is then
        // written in one pass, not counted in a second (decision 265)
        // (by file too: the same aggregate gives ingest_report its per-file counts)
        List<Row> perFile = rows.groupBy("table_name", "source_file", "status").count().collectAsList();
        Map<String, Long> counts = new HashMap<>();
        for (Row r : perFile) {
            counts.merge(r.getString(0) + "/" + r.getString(2), r.getLong(3), Long::sum);
        }
        Map<String, Long> written = new LinkedHashMap<>();
        for (int i = 0; i < staged.size(); i++) {
            StagedTable t = staged.get(i);
            String table = ExtractContract.TABLES.get(i).name();
            long n = counts.getOrDefault(table + "/ACCEPTED", 0L);
            if (n > 0) { // an absent or fully rejected table publishes no partition
                rows.filter(rows.col("table_name").equalTo(table).and(rows.col("status").equalTo("ACCEPTED")))
                        .select(t.name() + ".*")
                        .withColumn("extract_date", org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(layout.extractDate())))
                        .write().mode(SaveMode.Overwrite).partitionBy("extract_date").parquet(staging.resolve(t.name()).toString());
            }
            written.put(t.name(), n);
        }
        Dataset<Row> rejects = StagedTable.withLineage(rows.filter("status = 'REJECTED'")
                .selectExpr("table_name", "source_file", "line_number", "reason", "detail", "raw_record"), lineage, layout.extractDate());
        long rejected = counts.entrySet().stream().filter(e -> e.getKey().endsWith("/REJECTED")).mapToLong(Map.Entry::getValue).sum();
        if (rejected > 0) {
            rejects.write().mode(SaveMode.Overwrite).partitionBy("extract_date").parquet(staging.resolve("rejects").toString());
        }
        written.put("rejects", rejected);

        IngestReport report = IngestReport.from(rows, perFile, stats, layout);
        written.put("ingest_report", report.write(spark, lineage, layout.extractDate(), staging.resolve("ingest_report")));
        progress.step("write", rowsRead, written.values().stream().mapToLong(Long::longValue).sum());
        return new Result(written, stats);
    }

    /**
     * One task: a whole file as a lazy stream of rows of the READ schema (never the whole file in
     * memory), its FileStats last, once the stream is exhausted.
     */
    private static Iterator<Row> readFile(Path extract, ExtractLayout.TableFile f, java.nio.charset.Charset charset,
                                          int maxLinesPerRecord, RowValidator validator, PseudonymKey key) {
        HeaderBinding binding = f.binding();
        TableContract table = validator.table();
        // no field-length limit in the reader: the validator finds FIELD_TOO_LONG and keeps patient_id (decision 87)
        FileScanner.Stream records = FileScanner.open(extract, f.path(), charset, maxLinesPerRecord, Integer.MAX_VALUE);
        return new Iterator<>() {
            private boolean statsSent;

            @Override
            public boolean hasNext() {
                return records.hasNext() || !statsSent;
            }

            @Override
            public Row next() {
                if (records.hasNext()) {
                    RawRecord record = records.next();
                    Map<String, String> raw = record.defect() == null ? binding.row(record.values()) : null;
                    SourcedRow row = SourcedRow.read(f.path(), record, raw, validator);
                    String patientKey = row.patientId() == null ? null : key.patientKey(row.patientId());
                    // the raw text travels as bytes; its JSON is built only for the few rows rejected (decision 272)
                    return RowFactory.create("row", patientKey, table.name(), f.path(), record.lineNumber(),
                            raw == null ? null : RowCodec.encodeRaw(table, raw), RowCodec.encode(row));
                }
                if (statsSent) {
                    throw new java.util.NoSuchElementException();
                }
                statsSent = true;
                return RowFactory.create("stats", null, table.name(), f.path(), 0L, null, RowCodec.encode(records.finish()));
            }
        };
    }

    /** JSON of the row's known non-PHI contract columns, patient_id replaced by patient_key (outputs.md, rejects). */
    static String rawRecord(TableContract table, Map<String, String> raw, String patientKey) {
        Map<String, Object> json = new TreeMap<>();
        for (Column c : table.columns()) {
            if (c.phi()) {
                continue;
            }
            if (c.name().equals(TableContract.PATIENT_ID)) {
                json.put("patient_key", patientKey);
            } else if (raw.containsKey(c.name())) {
                json.put(c.name(), raw.get(c.name()));
            }
        }
        return CanonicalJson.write(json);
    }

    private static List<Row> statsRow(Row r) {
        Object[] row = new Object[OUTCOME_BASE.size() + ExtractContract.TABLES.size()];
        row[0] = r.getString(2);
        row[1] = r.getString(3);
        row[2] = 0L;
        row[4] = STATS;
        row[9] = scala.jdk.javaapi.CollectionConverters.asScala(List.<Row>of()).toSeq();
        row[10] = r.getAs("payload");
        return List.of(RowFactory.create(row));
    }

    private static List<Row> applyRules(String patientKey, Iterator<Row> rows, PatientIngest.Settings settings,
                                        List<StagedTable> staged, Map<String, String> lineage) {
        List<SourcedRow> sourced = new ArrayList<>();
        Map<String, byte[]> raw = new HashMap<>();
        String patientId = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            SourcedRow s = RowCodec.decodeSourcedRow(r.getAs("payload"));
            sourced.add(s);
            raw.put(s.file() + ":" + s.lineNumber(), r.getAs("raw"));
            if (patientId == null && !patientKey.isEmpty()) {
                patientId = s.patientId();
            }
        }
        PatientIngest.Result result = PatientIngest.apply(patientId, sourced, settings);
        String key = patientKey.isEmpty() ? null : patientKey;
        List<Row> out = new ArrayList<>();
        for (RowOutcome o : result.rows()) {
            List<Row> findings = new ArrayList<>();
            for (RowFinding f : o.findings()) {
                findings.add(RowFactory.create(f.finding().name(), f.column(), f.value()));
            }
            boolean rejected = o.status() == RowOutcome.Status.REJECTED;
            String reason = rejected ? o.reject().reason().name() : null;
            // MALFORMED_ROW and INVALID_ENCODING rejects carry no raw record (outputs.md)
            boolean unreadable = "MALFORMED_ROW".equals(reason) || "INVALID_ENCODING".equals(reason);
            Object[] row = new Object[OUTCOME_BASE.size() + staged.size()];
            row[0] = o.table();
            row[1] = o.file();
            row[2] = o.lineNumber();
            row[3] = key;
            row[4] = o.status().name();
            row[5] = reason;
            row[6] = rejected ? o.reject().column() : null;
            row[7] = rejected ? o.reject().detail() : null;
            byte[] rawText = rejected && !unreadable ? raw.get(o.file() + ":" + o.lineNumber()) : null;
            if (rawText != null) {
                TableContract table = ExtractContract.table(o.table()).orElseThrow();
                row[8] = rawRecord(table, RowCodec.decodeRaw(table, rawText), key);
            }
            row[9] = scala.jdk.javaapi.CollectionConverters.asScala(findings).toSeq();
            if (o.accepted()) { // the staged row, without the raw patient_id: it never leaves the task
                int t = TABLE_INDEX.get(o.table());
                row[OUTCOME_BASE.size() + t] = staged.get(t).row(key, o.file(), o.lineNumber(), o.values(), lineage);
            }
            out.add(RowFactory.create(row));
        }
        return out;
    }
}
