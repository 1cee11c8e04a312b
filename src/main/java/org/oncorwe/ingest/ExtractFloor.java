package org.oncorwe.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.oncorwe.config.PseudonymKey;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.rules.SourcedRow;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The floor of the benchmarks (docs/benchmarks.md, issue #12): what any ingest must cost at least.
 * Reads every file of the extract with the ingest's reader, decoder and partitioning (one task per
 * file part, {@link FileScanner}: strict decoding, RFC 4180 records, sha256 of every byte) and
 * writes every record's contract columns as Parquet with the ingest's compression — no typing, no
 * rules, no shuffle. patient_id and the PHI columns are not written (no output holds an identifier);
 * the ingest's keyed hash of patient_id is therefore not in the floor, which stays a lower bound.
 * With {@link PerRow} ({@code bench floor --per-row}) every record also goes through what the
 * contract asks of each record by itself — the floor of any ingest that implements the contract
 * (decision 274); its output is the same.
 */
public final class ExtractFloor {

    private static final StructType SCHEMA = new StructType()
            .add("table_name", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("line_number", DataTypes.LongType, false)
            .add("fields", DataTypes.createArrayType(DataTypes.StringType, true), false);

    private ExtractFloor() {
    }

    /**
     * Records read and written (the output folder holds them partitioned by table_name); with the
     * per-row work, how many records its column rules rejected or that had no patient_id.
     */
    public record Result(long records, int files, OptionalLong rowRejects) {
    }

    /**
     * The ingest's work on one record by itself, which the contract asks of any ingest (decision 274):
     * the column rules of its table (typing, dictionaries, units, identity) and the keyed hash of its
     * patient_id, as the ingest's reading task runs them — without its shuffle encoding or anything after.
     */
    public record PerRow(Map<String, RowValidator> validators, PseudonymKey key) implements Serializable {
        public PerRow(Dictionaries dictionaries, RowValidator.Settings settings, PseudonymKey key) {
            this(RowValidator.forContract(settings, dictionaries), key);
        }
    }

    /**
     * The floor; with {@code perRow}, also the ingest's per-record work on every record read: the
     * same files, tasks and Parquet, so the difference in time is that work's.
     */
    public static Result run(SparkSession spark, ExtractLayout layout, int maxLinesPerRecord, Path output,
                             Optional<PerRow> perRow) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // a cross-check of the work, not an output: a retried task would add its records twice (a
        // benchmark on a healthy machine does not retry; the bench run's log would say so)
        LongAccumulator rowRejects = spark.sparkContext().longAccumulator("row rejects");
        PerRow work = perRow.orElse(null);
        List<ExtractLayout.TableFile> files = layout.allFiles();
        String extract = layout.extract().toString();
        String charset = layout.charset().name();
        List<Integer> indexes = java.util.stream.IntStream.range(0, files.size()).boxed().toList();
        JavaRDD<Row> rows = jsc.parallelize(indexes, Math.max(1, files.size()))
                .flatMap((FlatMapFunction<Integer, Row>) i -> records(Path.of(extract), files.get(i), Charset.forName(charset),
                        maxLinesPerRecord, work, rowRejects));
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).partitionBy("table_name").parquet(output.toString());
        long records = spark.read().parquet(output.toString()).count();
        return new Result(records, files.size(), perRow.isPresent() ? OptionalLong.of(rowRejects.value()) : OptionalLong.empty());
    }

    private static Iterator<Row> records(Path extract, ExtractLayout.TableFile f, Charset charset, int maxLinesPerRecord,
                                         PerRow perRow, LongAccumulator rowRejects) {
        RowValidator validator = perRow == null ? null : perRow.validators().get(f.table());
        FileScanner.Stream records = FileScanner.open(extract, f.path(), charset, maxLinesPerRecord, Integer.MAX_VALUE);
        // identifiers never reach an output, the floor's included: the patient_id and PHI columns are not written
        List<String> columns = f.binding().table().columns().stream()
                .filter(c -> !c.phi() && !c.name().equals(org.oncorwe.ingest.contract.TableContract.PATIENT_ID))
                .map(org.oncorwe.ingest.contract.Column::name).toList();
        return new Iterator<>() {
            private boolean finished;

            @Override
            public boolean hasNext() {
                if (records.hasNext()) {
                    return true;
                }
                if (!finished) {
                    finished = true;
                    records.finish(); // closes the file
                }
                return false;
            }

            @Override
            public Row next() {
                RawRecord r = records.next();
                List<String> fields = new java.util.ArrayList<>(columns.size());
                java.util.Map<String, String> row = r.defect() == null ? f.binding().row(r.values()) : null;
                if (row != null) {
                    for (String c : columns) {
                        fields.add(row.get(c));
                    }
                }
                if (validator != null) { // what the ingest's reading task does to the record, its result counted
                    SourcedRow sourced = SourcedRow.read(f.path(), r, row, validator);
                    String patientKey = sourced.patientId() == null ? null : perRow.key().patientKey(sourced.patientId());
                    if (sourced.rowReject() != null || patientKey == null) {
                        rowRejects.add(1);
                    }
                }
                return RowFactory.create(f.table(), f.path(), r.lineNumber(), scala.jdk.javaapi.CollectionConverters.asScala(fields).toSeq());
            }
        };
    }
}
