package org.oncorwe.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tables 1–3 as the paper lays them out, from the internal summary tables (contract: one row per
 * (table_row, level, group) cell, row_order and level_order the paper's). Table 1 and 2: one line
 * per level under its characteristic, one column per group, p beside the characteristic; Table 3:
 * one line per CTCAE term, one column per (group, grade level). Each cell carries its key and
 * exact values as data attributes (decision 205). A table that is not there is a note.
 */
public final class SummaryTable {

    /** The three tables, in report order. */
    public enum Kind {
        BASELINE("internal_baseline_table", "Table 1. Baseline characteristics"),
        RESPONSE("internal_response_summary", "Table 2. Response"),
        ADVERSE_EVENTS("internal_ae_summary", "Table 3. Adverse events (CTCAE v5.0)");

        private final String table;
        private final String title;

        Kind(String table, String title) {
            this.table = table;
            this.title = title;
        }

        public String table() {
            return table;
        }

        public String title() {
            return title;
        }

        /** The published table's name (data-table): the internal copy has the same layout. */
        public String published() {
            return table.substring("internal_".length());
        }
    }

    public static final String NOT_AVAILABLE = "table not available";

    private static final Map<String, String> ROW_LABELS = Map.ofEntries(
            Map.entry("age", "Age at index, median (range)"), Map.entry("age_group", "Age group"),
            Map.entry("menopausal_status", "Menopausal status"), Map.entry("hr_status", "Hormone receptor"),
            Map.entry("disease_setting", "Disease setting"), Map.entry("relapse_context", "Of relapsed"),
            Map.entry("perioperative_chemo", "Perioperative chemotherapy (of curative surgery)"),
            Map.entry("prior_anti_her2", "Anti-HER2 therapy before index"),
            Map.entry("docetaxel_admins", "Docetaxel administrations, median (range)"),
            Map.entry("docetaxel_group", "Docetaxel administrations"),
            Map.entry("dfi_months", "Disease-free interval, months, median (range)"),
            Map.entry("dfi_group", "Disease-free interval, months"), Map.entry("visceral_mets", "Visceral metastases"),
            Map.entry("bone_mets", "Bone metastases"), Map.entry("brain_mets", "Brain metastases"),
            Map.entry("measurable", "Patients with measurable lesions"), Map.entry("bor", "Best overall response"),
            Map.entry("orr", "Objective response (CR + PR)"), Map.entry("cr_rate", "Complete response"),
            Map.entry("dcr", "Disease control"), Map.entry("dor_months", "Duration of response, months, median (range)"),
            Map.entry("long_term_responder", "Long-term responders (of responders)"),
            Map.entry("thp_cycles", "THP cycles, median (range)"));

    private static final Map<String, String> AE_LEVELS = Map.of("any", "Any grade", "grade_1_2", "Grade 1–2",
            "grade_3", "Grade 3", "grade_4", "Grade 4", "grade_3_4", "Grade 3–4", "grade_5", "Grade 5");

    private SummaryTable() {
    }

    /** The table's HTML: a note when the table or the study's rows are missing. */
    public static String html(Kind kind, Rows rows) {
        StringBuilder out = new StringBuilder();
        out.append("<h4>").append(Html.escape(kind.title())).append("</h4>\n");
        if (!rows.present() || rows.isEmpty()) {
            out.append("<p class=\"note missing\"").append(Html.attr("data-missing-table", kind.table())).append(">")
                    .append(NOT_AVAILABLE).append(": ").append(Html.escape(kind.table()))
                    .append(" was not found for this study and extract date (the stats stage writes it).</p>\n");
            return out.toString();
        }
        List<Map<String, Object>> sorted = sorted(rows);
        List<String> groups = groups(sorted);
        return out.append(kind == Kind.ADVERSE_EVENTS ? byGrade(kind, sorted, groups) : byLevel(kind, sorted, groups))
                .toString();
    }

    /** Rows in display order: row_order, then level_order (file order where it is absent). */
    static List<Map<String, Object>> sorted(Rows rows) {
        List<Map<String, Object>> list = new ArrayList<>(rows.list());
        Comparator<Map<String, Object>> order = Comparator.comparing(r -> orderOf(r, "row_order"));
        list.sort(order.thenComparing(r -> orderOf(r, "level_order")));
        return list;
    }

    private static long orderOf(Map<String, Object> r, String column) {
        Long v = Rows.count(r, column);
        return v == null ? Long.MAX_VALUE : v;
    }

    /** `all` first, then the comparison's groups as they come. */
    static List<String> groups(List<Map<String, Object>> rows) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add("all");
        rows.forEach(r -> groups.add(Rows.text(r, "group")));
        groups.remove(null);
        return new ArrayList<>(groups);
    }

    private static String byLevel(Kind kind, List<Map<String, Object>> rows, List<String> groups) {
        StringBuilder t = new StringBuilder("<table class=\"summary\"").append(Html.attr("data-table", kind.published()))
                .append(">\n<thead><tr><th>Characteristic</th>");
        groups.forEach(g -> t.append("<th>").append(Html.escape(groupLabel(g, rows))).append("</th>"));
        t.append("<th>p</th></tr></thead>\n<tbody>\n");
        Map<String, Map<String, Map<String, Map<String, Object>>>> cells = new LinkedHashMap<>(); // row → level → group
        for (Map<String, Object> r : rows) {
            cells.computeIfAbsent(Rows.text(r, "table_row"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(Rows.text(r, "level"), k -> new LinkedHashMap<>()).put(Rows.text(r, "group"), r);
        }
        for (var row : cells.entrySet()) {
            Map<String, Object> first = row.getValue().values().iterator().next().get("all");
            if (first == null) {
                first = row.getValue().values().iterator().next().values().iterator().next();
            }
            boolean single = row.getValue().size() == 1 && "median".equals(row.getValue().keySet().iterator().next());
            t.append("<tr class=\"characteristic\"><th colspan=\"").append(single ? 1 : groups.size() + 1).append("\">")
                    .append(Html.escape(rowLabel(row.getKey()))).append("</th>");
            if (single) {
                appendCells(t, kind, row.getKey(), "median", row.getValue().get("median"), groups);
            }
            t.append(pCell(kind, row.getKey(), first)).append("</tr>\n");
            if (single) {
                continue;
            }
            for (var level : row.getValue().entrySet()) {
                t.append("<tr><td class=\"level\">").append(Html.escape(levelLabel(level.getKey()))).append("</td>");
                appendCells(t, kind, row.getKey(), level.getKey(), level.getValue(), groups);
                t.append("<td></td></tr>\n");
            }
        }
        return t.append("</tbody></table>\n").toString();
    }

    private static void appendCells(StringBuilder t, Kind kind, String row, String level, Map<String, Map<String, Object>> byGroup,
                                    List<String> groups) {
        for (String g : groups) {
            t.append(cell(kind, row, level, g, byGroup.get(g)));
        }
    }

    private static String byGrade(Kind kind, List<Map<String, Object>> rows, List<String> groups) {
        List<String> levels = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> cells = new LinkedHashMap<>(); // term → level|group
        for (Map<String, Object> r : rows) {
            String level = Rows.text(r, "level");
            if (!levels.contains(level)) {
                levels.add(level);
            }
            cells.computeIfAbsent(Rows.text(r, "table_row"), k -> new LinkedHashMap<>()).put(level + "|" + Rows.text(r, "group"), r);
        }
        StringBuilder t = new StringBuilder("<table class=\"summary\"").append(Html.attr("data-table", kind.published()))
                .append(">\n<thead>");
        if (groups.size() > 1) {
            t.append("<tr><th></th>");
            groups.forEach(g -> t.append("<th colspan=\"").append(levels.size()).append("\">")
                    .append(Html.escape(groupLabel(g, rows))).append("</th>"));
            t.append("<th></th></tr>");
        }
        t.append("<tr><th>Adverse event</th>");
        for (String ignored : groups) {
            levels.forEach(l -> t.append("<th>").append(Html.escape(AE_LEVELS.getOrDefault(l, l))).append("</th>"));
        }
        t.append("<th>p</th></tr></thead>\n<tbody>\n");
        for (var term : cells.entrySet()) {
            t.append("<tr><th class=\"term\">").append(Html.escape(levelLabel(term.getKey()))).append("</th>");
            Map<String, Object> pRow = null;
            for (String g : groups) {
                for (String l : levels) {
                    Map<String, Object> r = term.getValue().get(l + "|" + g);
                    t.append(cell(kind, term.getKey(), l, g, r));
                    if (pRow == null && r != null && r.get("p_value") != null) {
                        pRow = r;
                    }
                }
            }
            t.append(pCell(kind, term.getKey(), pRow)).append("</tr>\n");
        }
        return t.append("</tbody></table>\n").toString();
    }

    /** One cell: "n (pct%)", "median (min–max)", a rate's CI; its key and exact values as data attributes. */
    static String cell(Kind kind, String row, String level, String group, Map<String, Object> r) {
        StringBuilder c = new StringBuilder("<td class=\"cell\"").append(Html.attr("data-table", kind.published()))
                .append(Html.attr("data-row", row)).append(Html.attr("data-level", level)).append(Html.attr("data-group", group));
        if (r == null) {
            return c.append(">–</td>").toString();
        }
        for (String column : List.of("n", "denominator", "pct", "median", "min", "max", "ci_lower", "ci_upper")) {
            c.append(Html.attr("data-" + column.replace('_', '-'), r.get(column)));
        }
        if (Boolean.TRUE.equals(r.get("suppressed"))) {
            c.append(" data-suppressed=\"true\"");
        }
        c.append(">").append(Html.escape(text(r)));
        if (Boolean.TRUE.equals(r.get("suppressed"))) {
            c.append("<sup title=\"suppressed in the published table\">†</sup>");
        }
        return c.append("</td>").toString();
    }

    static String text(Map<String, Object> r) {
        if (r.get("median") != null || "median".equals(r.get("level"))) {
            return Html.decimal(Rows.number(r, "median")) + " (" + Html.decimal(Rows.number(r, "min")) + "–"
                    + Html.decimal(Rows.number(r, "max")) + ")";
        }
        Long n = Rows.count(r, "n");
        String s = (n == null ? "NA" : Long.toString(n)) + " (" + Html.decimal(Rows.number(r, "pct")) + "%)";
        if (r.get("ci_lower") != null || r.get("ci_upper") != null) {
            s += " [" + Html.decimal(Rows.number(r, "ci_lower")) + "–" + Html.decimal(Rows.number(r, "ci_upper")) + "]";
        }
        return s;
    }

    private static String pCell(Kind kind, String row, Map<String, Object> r) {
        Double p = r == null ? null : Rows.number(r, "p_value");
        if (p == null) {
            return "<td class=\"p\"></td>";
        }
        return "<td class=\"p\"" + Html.attr("data-table", kind.published()) + Html.attr("data-row", row)
                + Html.attr("data-p-value", p) + Html.attr("data-test", r.get("test")) + ">" + Html.escape(Html.pValue(p))
                + (r.get("test") == null ? "" : " (" + Html.escape(r.get("test")) + ")") + "</td>";
    }

    private static String groupLabel(String group, List<Map<String, Object>> rows) {
        Long n = rows.stream().filter(r -> Objects.equals(group, r.get("group")) && r.get("denominator") != null)
                .map(r -> Rows.count(r, "denominator")).max(Long::compare).orElse(null);
        String name = "all".equals(group) ? "All" : group;
        return n == null ? name : name + " (N = " + n + ")";
    }

    static String rowLabel(String row) {
        return ROW_LABELS.getOrDefault(row, row.replace('_', ' '));
    }

    static String levelLabel(String level) {
        if (level == null) {
            return "missing";
        }
        return switch (level) {
            case "true" -> "yes";
            case "false" -> "no";
            default -> level.replace('_', ' ');
        };
    }
}
