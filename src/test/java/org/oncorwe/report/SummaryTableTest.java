package org.oncorwe.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables 1–3 laid out from rows of the summary-table contract (hand-written here, in the
 * contract's columns): every cell carries its key and exact values, rows follow row_order and
 * level_order whatever order they come in, a missing table is a note.
 */
@Tag("unit")
class SummaryTableTest {

    private static Map<String, Object> row(String tableRow, int rowOrder, String level, int levelOrder, String group, Long n,
                                           Long denominator, Double median, Double min, Double max, Double p, String test) {
        Map<String, Object> r = new HashMap<>();
        r.put("study", "first_line_th_vs_thp");
        r.put("table_row", tableRow);
        r.put("row_order", rowOrder);
        r.put("level", level);
        r.put("level_order", levelOrder);
        r.put("group", group);
        r.put("n", n);
        r.put("denominator", denominator);
        r.put("pct", n == null || denominator == null || denominator == 0 || median != null ? null : 100.0 * n / denominator);
        r.put("median", median);
        r.put("min", min);
        r.put("max", max);
        r.put("ci_lower", null);
        r.put("ci_upper", null);
        r.put("p_value", p);
        r.put("test", test);
        r.put("suppressed", n != null && n > 0 && n < 5);
        return r;
    }

    /** Table 1 for a comparison: age (continuous), age_group, prior_anti_her2; groups all, TH, THP. */
    private static List<Map<String, Object>> baseline() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("age", 1, "median", 1, "all", 30L, 30L, 58.0, 31.0, 77.0, 0.41, null));
        rows.add(row("age", 1, "median", 1, "TH", 10L, 10L, 60.0, 35.0, 77.0, null, null));
        rows.add(row("age", 1, "median", 1, "THP", 20L, 20L, 57.5, 31.0, 75.0, null, null));
        rows.add(row("age_group", 2, "<=40", 1, "all", 3L, 30L, null, null, null, 0.2831, "fisher"));
        rows.add(row("age_group", 2, "<=40", 1, "TH", 1L, 10L, null, null, null, null, null));
        rows.add(row("age_group", 2, "<=40", 1, "THP", 2L, 20L, null, null, null, null, null));
        rows.add(row("age_group", 2, ">60", 2, "all", 27L, 30L, null, null, null, null, null));
        rows.add(row("age_group", 2, ">60", 2, "TH", 9L, 10L, null, null, null, null, null));
        rows.add(row("age_group", 2, ">60", 2, "THP", 18L, 20L, null, null, null, null, null));
        rows.add(row("prior_anti_her2", 3, "false", 1, "all", 0L, 30L, null, null, null, 1.0, "chisq"));
        rows.add(row("prior_anti_her2", 3, "false", 1, "TH", 0L, 10L, null, null, null, null, null));
        rows.add(row("prior_anti_her2", 3, "false", 1, "THP", 0L, 20L, null, null, null, null, null));
        return rows;
    }

    @Test
    void everyCellCarriesItsKeyAndTheTablesValues() {
        List<Map<String, Object>> rows = baseline();
        List<Map<String, Object>> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new java.util.Random(7));
        String html = SummaryTable.html(SummaryTable.Kind.BASELINE, Rows.of("internal_baseline_table", shuffled));
        List<Map<String, String>> cells = HtmlCells.elements(html, "td", "data-table", "data-row", "data-level", "data-group");
        assertEquals(rows.size(), cells.size(), html);
        for (Map<String, String> c : cells) {
            Map<String, Object> r = rows.stream().filter(x -> x.get("table_row").equals(c.get("data-row"))
                    && x.get("level").equals(c.get("data-level")) && x.get("group").equals(c.get("data-group"))).findFirst().orElseThrow();
            assertEquals("baseline_table", c.get("data-table"));
            for (String column : List.of("n", "denominator", "pct", "median", "min", "max")) {
                String attribute = c.get("data-" + column);
                assertEquals(r.get(column) == null ? null : r.get(column).toString(), attribute, column + " of " + c);
            }
            assertEquals(Objects.equals(r.get("suppressed"), true), "true".equals(c.get("data-suppressed")));
        }
        // display order: row_order, then level_order, then the groups all, TH, THP
        List<String> order = cells.stream().map(c -> c.get("data-row") + "/" + c.get("data-level") + "/" + c.get("data-group")).toList();
        assertEquals(List.of("age/median/all", "age/median/TH", "age/median/THP", "age_group/<=40/all", "age_group/<=40/TH",
                "age_group/<=40/THP", "age_group/>60/all", "age_group/>60/TH", "age_group/>60/THP", "prior_anti_her2/false/all",
                "prior_anti_her2/false/TH", "prior_anti_her2/false/THP"), order);
        assertEquals("58.0 (31.0–77.0)", cells.get(0).get("text"));
        assertEquals("1 (10.0%)", cells.get(4).get("text"), "n (pct%) with one decimal");
        List<Map<String, String>> p = HtmlCells.elements(html, "td", "data-p-value");
        assertEquals(List.of("0.41", "0.2831", "1.0"), p.stream().map(c -> c.get("data-p-value")).toList(), "one p per table_row");
        assertEquals("fisher", p.get(1).get("data-test"));
        assertTrue(html.contains("<th>TH (N = 10)</th>"), html);
    }

    @Test
    void adverseEventsArePivotedByGrade() {
        List<Map<String, Object>> rows = new ArrayList<>();
        int i = 0;
        for (String level : List.of("any", "grade_1_2", "grade_3", "grade_4", "grade_3_4", "grade_5")) {
            rows.add(row("neutropenia", 1, level, ++i, "all", (long) (20 - i), 50L, null, null, null, null, null));
            rows.add(row("diarrhea", 2, level, i, "all", (long) i, 50L, null, null, null, null, null));
        }
        String html = SummaryTable.html(SummaryTable.Kind.ADVERSE_EVENTS, Rows.of("internal_ae_summary", rows));
        List<Map<String, String>> cells = HtmlCells.elements(html, "td", "data-row");
        assertEquals(12, cells.size());
        assertEquals("neutropenia", cells.get(0).get("data-row"));
        assertEquals("any", cells.get(0).get("data-level"));
        assertEquals("19", cells.get(0).get("data-n"));
        assertEquals("diarrhea", cells.get(6).get("data-row"), "one line per term, in row_order");
        assertEquals("38.0", cells.get(0).get("data-pct"));
        assertTrue(html.contains("<th>Grade 3–4</th>"));
    }

    @Test
    void aMissingTableIsANoteNotAFailure() {
        String html = SummaryTable.html(SummaryTable.Kind.RESPONSE, Rows.absent("internal_response_summary"));
        assertTrue(html.contains("table not available: internal_response_summary"), html);
        assertTrue(html.contains("data-missing-table=\"internal_response_summary\""));
        assertTrue(SummaryTable.html(SummaryTable.Kind.RESPONSE, Rows.of("internal_response_summary", List.of()))
                .contains("table not available"), "a table without the study's rows too");
    }

    @Test
    void htmlHelpersEscapeAndFormatAsPapersPrint() {
        assertEquals("&lt;=40 &amp; &quot;x&quot;", Html.escape("<=40 & \"x\""));
        assertEquals("< 0.001", Html.pValue(0.0004));
        assertEquals("0.043", Html.pValue(0.0431));
        assertEquals("NA", Html.pValue(null));
        assertEquals("58.3 (36.6–80.0)", Html.withInterval(58.3, 36.6, 80.0));
        assertEquals("NA", Html.decimal(Double.NaN));
        assertEquals("", Html.attr("data-n", null));
        assertEquals(" data-level=\"&gt;=6\"", Html.attr("data-level", ">=6"));
    }
}
