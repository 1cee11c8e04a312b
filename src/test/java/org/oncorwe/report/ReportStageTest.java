package org.oncorwe.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.report.spark.ReportStage;
import org.oncorwe.stats.spark.StatsStage;
import org.oncorwe.stats.stage.StatsSettings;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report on the sample: ingest, cohorts, the endpoints stage and the stats stage with
 * privacy.min_cell_count = 0, then the report stage. Its at-risk numbers follow the rule on
 * internal_km_curve, every figure is a valid PNG and SVG, the page fetches nothing, and each
 * summary table is laid out cell for cell — or, where the stats stage does not write it yet,
 * replaced by the note.
 */
@Tag("spark")
class ReportStageTest {

    private static final List<String> STUDIES = List.of("first_line_thp", "first_line_th_vs_thp");
    private static final Set<String> OURS = Set.of("endpoints", "tumor_response", "toxicity");
    private static Path tables;
    private static Path dir;
    private static String html;
    private static Report.Written written;

    @BeforeAll
    static void runTheStages() throws Exception {
        SparkSession spark = SharedSpark.get();
        tables = TestPaths.emptyHome("report-stage").resolve("tables");
        // the shared endpoints; the stats tables are this test's own (privacy.min_cell_count = 0)
        IngestedExtracts.linkTables(IngestedExtracts.sampleWithEndpoints(), tables,
                name -> StatsStage.TABLES.contains(name) || name.startsWith("internal_"));
        OncoRweConfig c = ConfigLoader.load(new ConfigSources(TestPaths.home(), Optional.empty(), Map.of(),
                Map.of("privacy.min_cell_count", "0")));
        Map<String, String> lineage = Map.of("pipeline_version", "test", "config_hash", c.configHash());
        StatsSettings s = StatsSettings.from(c);
        StatsStage.run(spark, tables, IngestedExtracts.DATE, STUDIES, s, lineage, tables);
        dir = tables.getParent().resolve("report/2020-10-31");
        written = ReportStage.run(spark, tables, IngestedExtracts.DATE, STUDIES, s,
                new ReportStage.Run("test", c.configHash(), c.tree(List.of("stats", "privacy"))), dir).written();
        html = Files.readString(written.index(), StandardCharsets.UTF_8);
    }

    private static Dataset<Row> partition(String table, String study) {
        return SharedSpark.get().read().parquet(tables.resolve(table).resolve("extract_date=2020-10-31/study=" + study).toString());
    }

    private static List<String> sortedStrings(Dataset<Row> d) {
        return d.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** The summary-table cells of one study's section. */
    private static List<Map<String, String>> sectionCells(String study, String table) {
        int start = html.indexOf("<section class=\"study\" id=\"" + study + "\"");
        int end = html.indexOf("</section>", start);
        return HtmlCells.elements(html.substring(start, end), "td", "data-table", "data-row", "data-level", "data-group").stream()
                .filter(c -> c.get("data-table").equals(table)).toList();
    }

    @Test
    void atRiskNumbersAreTheFirstCurveRowAtOrAfterEachTick() {
        List<Map<String, String>> cells = HtmlCells.elements(html, "td", "data-at-risk");
        assertTrue(cells.size() > 50, "at-risk cells: " + cells.size());
        int checked = 0;
        for (String study : STUDIES) {
            List<Row> km = partition("internal_km_curve", study).select("endpoint", "factor", "level", "time", "n_risk")
                    .collectAsList();
            for (Map<String, String> c : cells.stream().filter(x -> x.get("data-study").equals(study)
                    && !x.get("data-factor").equals("long_term_responder")).toList()) {
                double t = Double.parseDouble(c.get("data-time"));
                long expected = km.stream().filter(r -> r.getString(0).equals(c.get("data-endpoint"))
                                && r.getString(1).equals(c.get("data-factor")) && r.getString(2).equals(c.get("data-level"))
                                && r.getDouble(3) >= t).min(Comparator.comparingDouble(r -> r.getDouble(3)))
                        .map(r -> r.getLong(4)).orElse(0L);
                assertEquals(expected, Long.parseLong(c.get("data-at-risk")), () -> "at-risk cell " + c);
                checked++;
            }
            // at 0 everyone is at risk: the study's patients with an OS time, counted from the endpoints table
            long patients = partition("endpoints", study).filter(col("os_days").isNotNull()).count();
            assertEquals(String.valueOf(patients), cells.stream().filter(x -> x.get("data-study").equals(study)
                    && x.get("data-endpoint").equals("os") && x.get("data-factor").equals("all") && x.get("data-time").equals("0.0"))
                    .findFirst().orElseThrow().get("data-at-risk"));
        }
        assertTrue(checked > 50);
        List<String> vsTicks = cells.stream().filter(x -> x.get("data-study").equals("first_line_th_vs_thp")
                && x.get("data-endpoint").equals("os") && x.get("data-factor").equals("all")).map(x -> x.get("data-time")).toList();
        assertEquals(List.of("0.0", "5.0", "10.0"), vsTicks.subList(0, 3), "CLEOPATRA-style: every 5 months");
        List<String> thpTicks = cells.stream().filter(x -> x.get("data-study").equals("first_line_thp")
                && x.get("data-endpoint").equals("os") && x.get("data-factor").equals("all")).map(x -> x.get("data-time")).toList();
        assertEquals(List.of("0.0", "12.0", "24.0"), thpTicks.subList(0, 3), "SMC-style: every 12 months");
    }

    @Test
    void longTermRespondersAreTheEndpointsResponders() {
        Dataset<Row> responders = partition("endpoints", "first_line_thp").filter(col("responder").equalTo(true)
                .and(col("long_term_responder").isNotNull()));
        for (boolean longTerm : List.of(false, true)) {
            long n = responders.filter(col("long_term_responder").equalTo(longTerm)).count();
            List<Map<String, String>> zero = HtmlCells.elements(html, "td", "data-at-risk").stream()
                    .filter(x -> x.get("data-study").equals("first_line_thp") && x.get("data-factor").equals("long_term_responder")
                            && x.get("data-level").equals(String.valueOf(longTerm)) && x.get("data-time").equals("0.0")).toList();
            if (n > 0) {
                assertEquals(String.valueOf(n), zero.get(0).get("data-at-risk"), "responders, long-term " + longTerm);
            }
        }
    }

    @Test
    void everyFigureIsAValidPngAndSvgAndThePageFetchesNothing() throws Exception {
        List<String> files = ReportFiles.assertValidFigures(dir);
        for (String study : STUDIES) {
            for (String fig : List.of("fig1a", "fig1b", "attrition", "forest_os")) {
                assertTrue(files.contains(study + "_" + fig + ".png") && files.contains(study + "_" + fig + ".svg"), study + fig);
            }
        }
        assertTrue(files.contains("first_line_th_vs_thp_cmp_pfs_trial.png"), "curves by index_label");
        assertEquals(files.size(), written.figures().size());
        ReportFiles.assertSelfContained(html, files);
    }

    @Test
    void summaryTablesAreLaidOutCellForCell() {
        for (String study : STUDIES) {
            for (SummaryTable.Kind kind : SummaryTable.Kind.values()) {
                Path p = tables.resolve(kind.table()).resolve("extract_date=2020-10-31/study=" + study);
                assertTrue(Files.isDirectory(p), "the stats stage writes " + p);
                assertFalse(html.contains("data-missing-table=\"" + kind.table() + "\""), kind.table());
                List<Row> rows = partition(kind.table(), study).collectAsList();
                // with privacy.min_cell_count = 0 the published table is the internal one, row for row, but
                // for min and max, which are never published (single patients' values, decision 193)
                Dataset<Row> published = partition(kind.published(), study);
                assertEquals(0, published.filter(col("min").isNotNull().or(col("max").isNotNull())).count());
                assertEquals(sortedStrings(partition(kind.table(), study).drop("min", "max")),
                        sortedStrings(published.drop("min", "max")), kind.published() + " of " + study);
                List<Map<String, String>> cells = sectionCells(study, kind.published());
                assertEquals(rows.size(), cells.size(), kind.table() + " cells of " + study);
                for (Row r : rows) {
                    Map<String, String> cell = cells.stream().filter(c -> c.get("data-row").equals(r.getAs("table_row"))
                            && c.get("data-level").equals(r.getAs("level")) && c.get("data-group").equals(r.getAs("group")))
                            .findFirst().orElseThrow(() -> new AssertionError("no cell for " + r));
                    for (String column : List.of("n", "denominator", "pct", "median", "min", "max", "ci_lower", "ci_upper")) {
                        Object v = r.getAs(column);
                        assertEquals(v == null ? null : v.toString(), cell.get("data-" + column.replace('_', '-')),
                                column + " of " + cell);
                    }
                }
            }
        }
    }

    @Test
    void mediansOfBothMethodsAndTheComparisonAreShown() {
        assertTrue(html.contains("data-endpoint=\"os\" data-factor=\"all\" data-level=\"all\" data-method=\"symmetric\""));
        assertTrue(html.contains("Guarantee-time bias"));
        assertTrue(html.contains("data-strata=\"prior_anti_her2\""), "the stratified, adjusted comparison rows");
        assertFalse(html.contains("patient_id"));
        assertTrue(html.contains("data-config-hash"));
        List<String> sections = new ArrayList<>();
        HtmlCells.elements(html, "section", "data-study").forEach(s -> sections.add(s.get("data-study")));
        assertEquals(STUDIES, sections);
    }
}
