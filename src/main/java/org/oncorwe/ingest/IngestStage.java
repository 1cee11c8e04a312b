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
import org.apache.spark.storage.StorageLevel;
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
import org.oncorwe.runtime.StepLog;

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
 * {@link RowCodec}'s bytes (decision 264). The raw patient_id is replaced by patient_key in the reading task; no
 * output, reject or log line holds it, nor a name or national ID.
 */
public final class IngestStage {

    /** What one ingest wrote, for the manifest and the caller. */
    public record Result(Map<String, Long> rowsPerTable, Map<String, FileStats> files) {
    }

    private static final StructType READ = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("patient_key", DataTypes.StringType, true)
            .add("table_name", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("line_number", DataTypes.LongType, false)
            .add("raw_record", DataTypes.StringType, true)
            .add("payload", DataTypes.BinaryType, false);

    private static final StructType OUTCOME = new StructType()
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
            .add("payload", DataTypes.BinaryType, true);

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
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, RowValidator> validators = new HashMap<>();
        for (TableContract t : ExtractContract.TABLES) {
            validators.put(t.name(), new RowValidator(t, rowSettings, dictionaries));
        }
        List<ExtractLayout.TableFile> files = layout.allFiles();
        String extract = layout.extract().toString(); // a Path is not Serializable
        String charset = layout.charset().name();
        // tasks get file indexes; the files themselves travel in the (Java-serialized) closure, not through Kryo
        List<Integer> indexes = java.util.stream.IntStream.range(0, files.size()).boxed().toList();
        JavaRDD<Row> read = jsc.parallelize(indexes, Math.max(1, files.size()))
                .flatMap((FlatMapFunction<Integer, Row>) i -> readFile(Path.of(extract), files.get(i),
                        java.nio.charset.Charset.forName(charset), maxLinesPerRecord, validators.get(files.get(i).table()), key));
        Dataset<Row> records = spark.createDataFrame(read, READ).persist(StorageLevel.MEMORY_AND_DISK());

        Map<String, FileStats> stats = new TreeMap<>();
        for (Row r : records.filter("kind = 'stats'").collectAsList()) {
            FileStats s = RowCodec.decodeFileStats(r.getAs("payload"));
            stats.put(s.path(), s);
        }
        long rowsRead = stats.values().stream().mapToLong(FileStats::records).sum();
        progress.step("read", rowsRead, rowsRead);
        ExtractIntegrity.check(layout, stats, maxUndecodableFraction);

        Dataset<Row> outcomes = records.filter("kind = 'row'")
                .groupByKey((MapFunction<Row, String>) r -> r.isNullAt(1) ? "" : r.getString(1), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (patientKey, rows) ->
                        applyRules(patientKey, rows, ruleSettings).iterator(), Encoders.row(OUTCOME))
                .persist(StorageLevel.MEMORY_AND_DISK());

        // every table's row count from one aggregate over the persisted outcomes: each table is then
        // written in one pass, not counted in a second (decision 265)
        Map<String, Long> counts = new HashMap<>();
        for (Row r : outcomes.groupBy("table_name", "status").count().collectAsList()) {
            counts.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
        }
        Map<String, Long> written = new LinkedHashMap<>();
        for (TableContract t : ExtractContract.TABLES) {
            StagedTable staged = new StagedTable(t);
            JavaRDD<Row> rows = outcomes.filter(outcomes.col("table_name").equalTo(t.name())
                            .and(outcomes.col("status").equalTo("ACCEPTED")))
                    .toJavaRDD().map(r -> {
                        RowOutcome o = RowCodec.decodeRowOutcome(r.getAs("payload"));
                        return staged.row(r.getAs("patient_key"), o.file(), o.lineNumber(), o.values(), lineage);
                    });
            Dataset<Row> df = spark.createDataFrame(rows, staged.schema())
                    .withColumn("extract_date", org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(layout.extractDate())));
            long n = counts.getOrDefault(t.name() + "/ACCEPTED", 0L);
            if (n > 0) { // an absent or fully rejected table publishes no partition
                df.write().mode(SaveMode.Overwrite).partitionBy("extract_date").parquet(staging.resolve(staged.name()).toString());
            }
            written.put(staged.name(), n);
        }
        Dataset<Row> rejects = StagedTable.withLineage(outcomes.filter("status = 'REJECTED'")
                .selectExpr("table_name", "source_file", "line_number", "reason", "detail", "raw_record"), lineage, layout.extractDate());
        long rejected = counts.entrySet().stream().filter(e -> e.getKey().endsWith("/REJECTED")).mapToLong(Map.Entry::getValue).sum();
        if (rejected > 0) {
            rejects.write().mode(SaveMode.Overwrite).partitionBy("extract_date").parquet(staging.resolve("rejects").toString());
        }
        written.put("rejects", rejected);

        IngestReport report = IngestReport.from(spark, outcomes, stats, layout);
        written.put("ingest_report", report.write(spark, lineage, layout.extractDate(), staging.resolve("ingest_report")));
        progress.step("write", rowsRead, written.values().stream().mapToLong(Long::longValue).sum());
        records.unpersist();
        outcomes.unpersist();
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
                    SourcedRow row = SourcedRow.read(f.path(), record, binding, validator);
                    String patientKey = row.patientId() == null ? null : key.patientKey(row.patientId());
                    String raw = record.defect() == null ? rawRecord(table, binding.row(record.values()), patientKey) : null;
                    return RowFactory.create("row", patientKey, table.name(), f.path(), record.lineNumber(), raw, RowCodec.encode(row));
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

    private static List<Row> applyRules(String patientKey, Iterator<Row> rows, PatientIngest.Settings settings) {
        List<SourcedRow> sourced = new ArrayList<>();
        Map<String, String> raw = new HashMap<>();
        String patientId = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            SourcedRow s = RowCodec.decodeSourcedRow(r.getAs("payload"));
            sourced.add(s);
            raw.put(s.file() + ":" + s.lineNumber(), r.getAs("raw_record"));
            if (patientId == null && !patientKey.isEmpty()) {
                patientId = s.patientId();
            }
        }
        PatientIngest.Result result = PatientIngest.apply(patientId, sourced, settings);
        List<Row> out = new ArrayList<>();
        for (RowOutcome o : result.rows()) {
            List<Row> findings = new ArrayList<>();
            for (RowFinding f : o.findings()) {
                findings.add(RowFactory.create(f.finding().name(), f.column(), f.value()));
            }
            String key = patientKey.isEmpty() ? null : patientKey;
            boolean rejected = o.status() == RowOutcome.Status.REJECTED;
            String reason = rejected ? o.reject().reason().name() : null;
            // MALFORMED_ROW and INVALID_ENCODING rejects carry no raw record (outputs.md)
            boolean unreadable = "MALFORMED_ROW".equals(reason) || "INVALID_ENCODING".equals(reason);
            out.add(RowFactory.create(o.table(), o.file(), o.lineNumber(), key, o.status().name(), reason,
                    rejected ? o.reject().column() : null, rejected ? o.reject().detail() : null,
                    rejected && !unreadable ? raw.get(o.file() + ":" + o.lineNumber()) : null,
                    scala.jdk.javaapi.CollectionConverters.asScala(findings).toSeq(),
                    o.accepted() ? RowCodec.encode(withoutPatientId(o)) : null));
        }
        return out;
    }

    /** The outcome as staged rows need it: the raw patient_id never leaves the task. */
    private static RowOutcome withoutPatientId(RowOutcome o) {
        Map<String, Object> values = new LinkedHashMap<>(o.values());
        values.remove(TableContract.PATIENT_ID);
        return new RowOutcome(o.table(), o.file(), o.lineNumber(), null, o.status(), values, o.findings(), o.reject());
    }
}
