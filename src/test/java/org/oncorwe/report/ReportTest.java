package org.oncorwe.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole page from hand-made tables, without Spark: figures written, self-contained, at-risk numbers by the rule. */
@Tag("unit")
class ReportTest {

    private static Map<String, Object> km(String endpoint, String factor, String level, double time, long nRisk, long nEvent,
                                          long nCensor, double surv) {
        Map<String, Object> r = new HashMap<>();
        r.putAll(Map.of("endpoint", endpoint, "factor", factor, "level", level, "time", time, "n_risk", nRisk, "n_event", nEvent,
                "n_censor", nCensor, "surv", surv));
        r.put("lower", surv == 0 ? null : Math.max(0, surv - 0.2));
        r.put("upper", surv == 0 ? null : Math.min(1, surv + 0.2));
        return r;
    }

    /** Four subjects on OS: events at 3 and 14 months, censored at 8 and 26. */
    private static List<Map<String, Object>> curve(String endpoint, String factor, String level) {
        return new ArrayList<>(List.of(km(endpoint, factor, level, 3, 4, 1, 0, 0.75), km(endpoint, factor, level, 8, 3, 0, 1, 0.75),
                km(endpoint, factor, level, 14, 2, 1, 0, 0.375), km(endpoint, factor, level, 26, 1, 0, 1, 0.375)));
    }

    @Test
    void writesASelfContainedPageWithEveryFigureBesideIt() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>(curve("os", "all", "all"));
        rows.addAll(curve("pfs", "all", "all"));
        rows.addAll(curve("os", "docetaxel_ge6", ">=6"));
        rows.addAll(curve("os", "docetaxel_ge6", "<6").subList(0, 2));
        Map<String, Object> summary = new HashMap<>(Map.of("endpoint", "os", "factor", "all", "level", "all",
                "median_ci_method", "symmetric", "n", 4L, "events", 2L, "median", 14.0, "median_lower", 6.2, "median_upper", 21.8));
        StudyTables st = new StudyTables("first_line_thp", null, Map.of("docetaxel_ge6", List.of(">=6", "<6")),
                Rows.absent("cohort_attrition"), Rows.of("internal_km_curve", rows),
                Rows.of("internal_survival_summary", List.of(summary)), Rows.absent("survival_test"),
                Rows.absent("hazard_ratio"), Rows.absent("internal_baseline_table"), Rows.absent("internal_response_summary"),
                Rows.absent("internal_ae_summary"), Rows.of("long_term", List.of()), null);
        ReportInput in = new ReportInput(LocalDate.of(2020, 10, 31), "test", "abc", List.of("abc"),
                Map.of("stats", Map.of("median_ci", "r")), Rows.absent("rejects"), Rows.absent("ingest_report"), List.of(st));
        Path dir = TestPaths.emptyHome("report-plain").resolve("report/2020-10-31");
        Report.Written w = Report.write(in, dir);

        String html = Files.readString(w.index(), StandardCharsets.UTF_8);
        List<String> files = ReportFiles.assertValidFigures(dir);
        assertEquals(List.of("first_line_thp_fig1a.png", "first_line_thp_fig1a.svg", "first_line_thp_fig1b.png",
                "first_line_thp_fig1b.svg", "first_line_thp_fig1c.png", "first_line_thp_fig1c.svg"), files);
        ReportFiles.assertSelfContained(html, files);

        List<Map<String, String>> atRisk = HtmlCells.elements(html, "td", "data-at-risk");
        List<String> fig1a = atRisk.stream().filter(c -> c.get("data-endpoint").equals("os") && c.get("data-factor").equals("all"))
                .map(c -> c.get("data-time") + "=" + c.get("data-at-risk")).toList();
        assertEquals(List.of("0.0=4", "12.0=2", "24.0=1", "36.0=0"), fig1a, "ticks every 12 months, SMC-style");
        List<String> under6 = atRisk.stream().filter(c -> "<6".equals(c.get("data-level"))).map(c -> c.get("data-at-risk")).toList();
        assertEquals(List.of("4", "0", "0", "0"), under6, "a curve ending at 8 months has nobody at 12");
        assertTrue(html.contains("Guarantee-time bias"), "Fig 1C's note");
        assertTrue(html.contains("data-method=\"symmetric\""), "the symmetric median row, labelled");
        assertTrue(html.contains("symmetric (SPSS, as the paper)"));
        assertTrue(html.contains("14.0 (6.2–21.8)"));
        for (String table : List.of("internal_baseline_table", "internal_response_summary", "internal_ae_summary", "rejects",
                "ingest_report", "cohort_attrition", "hazard_ratio")) {
            assertTrue(html.contains("table not available: " + table), table);
        }
        assertTrue(html.contains("figure not available"), "Fig 2 without responders");
    }
}
