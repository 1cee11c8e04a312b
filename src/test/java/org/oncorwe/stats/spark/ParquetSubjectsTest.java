package org.oncorwe.stats.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.cli.ExitCode;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.stats.CoxData;
import org.oncorwe.stats.CoxModel;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.tables.InputColumns;
import org.oncorwe.stats.tables.SubjectRows;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark reads and aggregates per-subject rows to what plain Java makes of the same rows. */
@Tag("spark")
class ParquetSubjectsTest {

    private static final InputColumns COLUMNS = new InputColumns("time", "status", "group", "strata");

    private static Path goldenCsv(Path dir, String set) throws Exception {
        Path file = dir.resolve(set + ".csv");
        try (InputStream in = ParquetSubjectsTest.class.getResourceAsStream("/golden/survival/input_" + set + ".csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static Dataset<Row> csv(SparkSession spark, Path file) {
        return spark.read().option("header", "true").option("comment", "#").option("inferSchema", "true")
                .csv(file.toString());
    }

    @Test
    void sparkAggregatesEqualThePlainJavaRead() throws Exception {
        SparkSession spark = SharedSpark.get();
        Path dir = TestPaths.emptyHome("parquet-subjects");
        for (String set : new String[] {"colon", "tied"}) {
            Path file = goldenCsv(dir, set);
            SubjectRows.Loaded viaSpark = ParquetSubjects.aggregate(csv(spark, file), set, COLUMNS);
            SubjectRows.Loaded plain = org.oncorwe.stats.tables.CsvSubjects.read(file, COLUMNS);
            assertEquals(plain.data(), viaSpark.data(), set);
            assertEquals(plain.rowsRead(), viaSpark.rowsRead());
        }
    }

    @Test
    void badRowsAreNamedByPosition() throws Exception {
        SparkSession spark = SharedSpark.get();
        Dataset<Row> bad = spark.sql("SELECT * FROM VALUES (1.0, 1), (2.0, 0), (-4.0, 1) AS t(time, status)");
        PipelineFailure e = assertThrows(PipelineFailure.class, () -> ParquetSubjects.aggregate(bad, "in.parquet",
                new InputColumns("time", "status", null, null)));
        assertEquals("in.parquet row 3: time '-4.0' in column time is negative", e.getMessage());
        Dataset<Row> oneTwo = spark.sql("SELECT * FROM VALUES (1.0, 1), (2.0, 2), (3.0, NULL) AS t(time, status)");
        SubjectRows.Loaded loaded = ParquetSubjects.aggregate(oneTwo, "x", new InputColumns("time", "status", null, null));
        assertEquals(1, loaded.rowsDropped());
        assertEquals(1, loaded.data().counts().events());
        assertEquals(SurvivalData.NONE, loaded.data().rows().get(0).group());
    }

    @Test
    void theCommandReadsAndWritesParquet() throws Exception {
        SparkSession spark = SharedSpark.get();
        Path home = TestPaths.emptyHome("survival-parquet");
        Path input = home.resolve("lung.parquet");
        csv(spark, goldenCsv(home, "lung")).write().parquet(input.toString());
        Path out = home.resolve("tables");
        CliRun r = CliRun.of(home, Map.of(), "survival", "--input", input.toString(), "--time", "time",
                "--event", "status", "--group", "group", "--output", out.toString(),
                "-D", "runtime.master=local[2]", "-D", "runtime.shuffle_partitions=4");
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        Dataset<Row> curve = spark.read().parquet(out.resolve("km_curve").toString());
        assertEquals(186, curve.where("factor = 'all'").count()); // survfit(Surv(time, status) ~ 1, lung): 186 times
        assertTrue(Files.isDirectory(out.resolve("survival_test")));
        Row median = spark.read().parquet(out.resolve("survival_summary").toString())
                .where("factor = 'all' AND median_ci_method = 'r'").select("median").first();
        assertEquals(310.0, median.getDouble(0), 0);
    }

    @Test
    void coxPatternsAggregateInSparkToWhatPlainJavaFits() throws Exception {
        SparkSession spark = SharedSpark.get();
        Path file = goldenCsv(TestPaths.emptyHome("cox-patterns"), "veteran");
        List<CoxData.PatternRow> patterns = ParquetSubjects.coxPatterns(csv(spark, file), "veteran", "time",
                "status", null, List.of("group", "strata"));
        SurvivalData data = org.oncorwe.stats.tables.CsvSubjects.read(file, COLUMNS).data();
        List<CoxData.Factor> factors = List.of(new CoxData.Factor("group", data.groups()),
                new CoxData.Factor("strata", data.strata()));
        List<CoxData.PatternRow> plain = data.rows().stream().map(r -> new CoxData.PatternRow(SurvivalData.NONE,
                r.time(), List.of(r.group(), r.stratum()), r.nEvent(), r.nCensor())).toList();
        assertEquals(plain.size(), patterns.size());
        CoxModel.Result viaSpark = CoxModel.withDefaults().fit(CoxData.ofFactors(factors, patterns));
        CoxModel.Result direct = CoxModel.withDefaults().fit(CoxData.ofFactors(factors, plain));
        assertEquals(direct.loglik(), viaSpark.loglik(), 1e-9 * Math.abs(direct.loglik()));
        for (int i = 0; i < direct.terms().size(); i++) {
            assertEquals(direct.terms().get(i).coef(), viaSpark.terms().get(i).coef(), 1e-9);
        }
    }
}
