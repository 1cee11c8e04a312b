package org.oncorwe.bi;

import com.typesafe.config.Config;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.bi.spark.PublishedSchemas;
import org.oncorwe.testing.PublishedRun;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What BI tools see of a published run (the hand fixture, every study): every table read with
 * DuckDB's JDBC driver — not Spark — through the DuckDB block of docs/latest-views.sql, with the
 * types docs/output-schema.md states and the row counts the run manifest recorded; every published
 * partition folder holding _SUCCESS and _run.json; and the Spark SQL block giving the same counts.
 */
@Tag("spark")
class BiReadersTest {

    private static Path out;
    private static Config manifest;
    private static List<PublishedTable> tables;

    @BeforeAll
    static void publish() {
        PublishedRun.Published run = PublishedRun.hand();
        out = run.output();
        manifest = run.manifest();
        tables = PublishedSchemas.read(SharedSpark.get(), out);
    }

    private static Connection duckDb(Path root) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            for (String sql : LatestViews.statements(LatestViews.sql(tables), "DuckDB")) {
                s.execute(sql.replace(LatestViews.OUT, root.toString()));
            }
        }
        return c;
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** column → DuckDB type, in DuckDB's column order. */
    private static Map<String, String> describe(Statement s, String table) throws SQLException {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        try (ResultSet r = s.executeQuery("DESCRIBE " + table)) {
            while (r.next()) {
                types.put(r.getString("column_name"), r.getString("column_type"));
            }
        }
        return types;
    }

    @Test
    void everyPublishedTableIsReadByDuckDbWithTheDocumentedTypesAndTheRunsRowCounts() throws SQLException {
        Map<String, Long> expectedRows = new TreeMap<>();
        manifest.getConfig("rows").root().unwrapped().forEach((k, v) -> expectedRows.put(k, ((Number) v).longValue()));
        expectedRows.remove("report_figures"); // the report's figure files, not a table
        assertEquals(expectedRows.keySet(), new java.util.TreeSet<>(tables.stream().map(PublishedTable::name).toList()),
                "every table the run counted is published and read");
        try (Connection c = duckDb(out); Statement s = c.createStatement()) {
            for (PublishedTable t : tables) {
                Map<String, String> expected = new java.util.LinkedHashMap<>();
                t.allColumns().forEach(col -> expected.put(col.name(), col.duckDbType()));
                assertEquals(expected, describe(s, t.name()), t.name());
                assertEquals(expectedRows.get(t.name()), count(s, t.name()), t.name());
                assertEquals(expectedRows.get(t.name()), count(s, t.name() + "_latest"), t.name() + "_latest: one extract date");
            }
            // the BI types of a few columns, as outputs.md states them (not through BiTypes)
            Map<String, String> drugs = describe(s, "staged_drug_administration");
            assertEquals("TIMESTAMP", drugs.get("administration_date"));
            assertEquals("BOOLEAN", drugs.get("administration_given"));
            assertEquals("BIGINT", drugs.get("line_number"));
            Map<String, String> endpoints = describe(s, "endpoints");
            assertEquals("INTEGER", endpoints.get("os_days"));
            assertEquals("DOUBLE", endpoints.get("os_months"));
            assertEquals("INTEGER", endpoints.get("os_event"));
            assertEquals("DATE", endpoints.get("next_line_start"));
            assertEquals("VARCHAR", endpoints.get("best_response"));
            assertEquals("DATE", endpoints.get("extract_date"));
            assertEquals("VARCHAR", endpoints.get("study"));
            try (ResultSet r = s.executeQuery("SELECT count(DISTINCT study), min(extract_date) FROM endpoints")) {
                r.next();
                assertEquals(4, r.getInt(1));
                assertEquals(java.sql.Date.valueOf("2020-10-31"), r.getDate(2));
            }
        }
    }

    @Test
    void theLatestViewHoldsOnlyTheNewestExtractDate() throws IOException, SQLException {
        Path root = TestPaths.emptyHome("bi-latest");
        Path table = out.resolve("endpoints");
        TestPaths.copyTree(table, root.resolve("endpoints"));
        // an older extract date holding one study only
        TestPaths.copyTree(table.resolve("extract_date=2020-10-31/study=first_line_thp"),
                root.resolve("endpoints/extract_date=2020-09-30/study=first_line_thp"));
        for (PublishedTable t : tables) {
            if (!t.name().equals("endpoints")) {
                TestPaths.copyTree(out.resolve(t.name()), root.resolve(t.name()));
            }
        }
        long rows = manifest.getLong("rows.endpoints");
        try (Connection c = duckDb(root); Statement s = c.createStatement()) {
            long older = count(s, "endpoints WHERE extract_date = DATE '2020-09-30'");
            assertTrue(older > 0);
            assertEquals(rows + older, count(s, "endpoints"));
            assertEquals(rows, count(s, "endpoints_latest"));
        }
    }

    @Test
    void everyPublishedPartitionFolderHasItsSuccessMarkerAndRunManifest() throws IOException {
        List<Path> leaves = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(p -> p.getFileName().toString().endsWith(".parquet")).map(Path::getParent).distinct().forEach(leaves::add);
        }
        leaves.add(out.resolve("report/2020-10-31"));
        assertTrue(leaves.size() >= 60, "26 tables, 4 studies each for most, and the report: " + leaves.size());
        for (Path dir : leaves) {
            String where = out.relativize(dir).toString();
            assertTrue(!where.startsWith("_"), "nothing readable left in staging: " + where);
            assertTrue(Files.isRegularFile(dir.resolve("_SUCCESS")), where);
            org.oncorwe.runtime.PartitionManifest m = org.oncorwe.runtime.PartitionManifest.read(dir).orElseThrow(
                    () -> new AssertionError("no _run.json in " + where));
            assertTrue(m.runId().matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}"), where);
            assertEquals(manifest.getString("key_id"), m.keyId(), where);
        }
    }

    @Test
    void theSparkSqlBlockRegistersEveryTableAndItsLatestView() {
        SparkSession spark = SharedSpark.get();
        for (String sql : LatestViews.statements(LatestViews.sql(tables), "Spark SQL")) {
            spark.sql(sql.replace(LatestViews.OUT, out.toString()));
        }
        for (PublishedTable t : tables) {
            assertEquals(manifest.getLong("rows." + t.name()), spark.sql("SELECT count(*) FROM " + t.name() + "_latest")
                    .first().getLong(0), t.name());
        }
        assertEquals("date", spark.table("cohort").schema().apply("extract_date").dataType().simpleString());
    }
}
