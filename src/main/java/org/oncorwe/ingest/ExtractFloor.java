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

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The floor of the benchmarks (docs/benchmarks.md, issue #12): what any ingest must cost at least.
 * Reads every file of the extract with the ingest's reader, decoder and partitioning (one task per
 * file part, {@link FileScanner}: strict decoding, RFC 4180 records, sha256 of every byte) and
 * writes every record's contract columns as Parquet with the ingest's compression — no typing, no
 * rules, no shuffle. patient_id and the PHI columns are not written (no output holds an identifier);
 * the ingest's keyed hash of patient_id is therefore not in the floor, which stays a lower bound.
 */
public final class ExtractFloor {

    private static final StructType SCHEMA = new StructType()
            .add("table_name", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("line_number", DataTypes.LongType, false)
            .add("fields", DataTypes.createArrayType(DataTypes.StringType, true), false);

    private ExtractFloor() {
    }

    /** Records read and written; the output folder holds them partitioned by table_name. */
    public record Result(long records, int files) {
    }

    public static Result run(SparkSession spark, ExtractLayout layout, int maxLinesPerRecord, Path output) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<ExtractLayout.TableFile> files = layout.allFiles();
        String extract = layout.extract().toString();
        String charset = layout.charset().name();
        List<Integer> indexes = java.util.stream.IntStream.range(0, files.size()).boxed().toList();
        JavaRDD<Row> rows = jsc.parallelize(indexes, Math.max(1, files.size()))
                .flatMap((FlatMapFunction<Integer, Row>) i -> records(Path.of(extract), files.get(i), Charset.forName(charset),
                        maxLinesPerRecord));
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).partitionBy("table_name").parquet(output.toString());
        long records = spark.read().parquet(output.toString()).count();
        return new Result(records, files.size());
    }

    private static Iterator<Row> records(Path extract, ExtractLayout.TableFile f, Charset charset, int maxLinesPerRecord) {
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
                if (r.defect() == null) {
                    java.util.Map<String, String> row = f.binding().row(r.values());
                    for (String c : columns) {
                        fields.add(row.get(c));
                    }
                }
                return RowFactory.create(f.table(), f.path(), r.lineNumber(), scala.jdk.javaapi.CollectionConverters.asScala(fields).toSeq());
            }
        };
    }
}
