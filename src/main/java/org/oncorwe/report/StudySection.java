package org.oncorwe.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One study's section of the report: attrition, medians (both CI methods, labelled), the
 * Kaplan–Meier figures with their at-risk tables, the landmark analyses, Fig 2, the forest plot,
 * the comparison's hazard ratios and Tables 1–3. Figures are written beside the report.
 */
final class StudySection {

    static final int KM_WIDTH = 820;
    static final int KM_HEIGHT = 640;
    static final String GUARANTEE_TIME_NOTE = "Guarantee-time bias: a patient had to live long enough to receive six "
            + "docetaxel administrations to be counted in the ≥ 6 group, so this comparison favours it by construction. "
            + "The landmark analysis below counts only docetaxel given before day 126 among patients alive on day 126.";

    private final StudyTables st;
    private final Path dir;
    private final List<Path> files = new ArrayList<>();

    StudySection(StudyTables st, Path dir) {
        this.st = st;
        this.dir = dir;
    }

    List<Path> files() {
        return files;
    }

    String html() {
        StringBuilder h = new StringBuilder();
        String s = st.study();
        h.append("<section class=\"study\"").append(Html.attr("id", s)).append(Html.attr("data-study", s)).append(">\n<h2>Study ")
                .append(Html.escape(s)).append("</h2>\n");
        h.append(attrition());
        h.append(medians());
        h.append("<h3>Kaplan–Meier figures</h3>\n<p class=\"note\">Shaded bands: 95% pointwise confidence intervals (")
                .append("conf_type of the stats stage); vertical ticks: censored patients; numbers at risk every ")
                .append(Html.decimal(st.tickStep(), 0)).append(" months (")
                .append(st.cleopatraStyle() ? "CLEOPATRA-style" : "SMC-style").append(").</p>\n");
        h.append(km("fig1a", "Figure 1A. Overall survival", "os", "all", null));
        h.append(km("fig1b", "Figure 1B. Progression-free survival", "pfs", "all", null));
        if (st.cleopatraStyle()) {
            String f = st.comparisonFactor();
            h.append(km("cmp_pfs_trial", "Trial-definition PFS by " + Labels.factor(f), "pfs_trial", f, null));
            h.append(km("cmp_os", "Overall survival by " + Labels.factor(f), "os", f, null));
            h.append(km("cmp_pfs", "Registry PFS by " + Labels.factor(f), "pfs", f, null));
        }
        h.append(km("fig1c", "Figure 1C. Overall survival by docetaxel administrations", "os", "docetaxel_ge6",
                GUARANTEE_TIME_NOTE));
        h.append(km("fig1c_lm126", "Figure 1C, landmark. Overall survival from day 126 by docetaxel before day 126",
                "os_lm126", "docetaxel_ge6", "Patients alive on day 126; time counted from day 126."));
        h.append(km("fig1d", "Figure 1D. Overall survival by prior anti-HER2 therapy", "os", "prior_anti_her2", null));
        h.append(longTerm());
        h.append(km("fig2_lm1066", "Figure 2, landmark. Overall survival of responders from day 1066 by index line",
                "os_lm1066", "index_line_ongoing", "Responders alive on day 1066; time counted from day 1066."));
        h.append(forest());
        if (st.cleopatraStyle()) {
            h.append(comparison());
        }
        h.append("<h3>Tables</h3>\n");
        for (SummaryTable.Kind kind : SummaryTable.Kind.values()) {
            h.append(SummaryTable.html(kind, st.summary(kind)));
        }
        return h.append("</section>\n").toString();
    }

    private String attrition() {
        StringBuilder h = new StringBuilder("<h3>Cohort attrition</h3>\n");
        if (!st.attrition().present() || st.attrition().isEmpty()) {
            return h.append(missing("cohort_attrition")).toString();
        }
        List<Map<String, Object>> rows = new ArrayList<>(st.attrition().list());
        rows.sort((a, b) -> Long.compare(Rows.count(a, "step_order"), Rows.count(b, "step_order")));
        List<AttritionDiagram.Step> steps = rows.stream().map(r -> new AttritionDiagram.Step(Rows.text(r, "step"),
                Rows.count(r, "n_remaining"), Rows.count(r, "n_excluded"))).toList();
        String id = st.study() + "_attrition";
        FigureFiles.Written w = write(new AttritionDiagram("Cohort attrition: " + st.study(), steps), id, KM_WIDTH,
                AttritionDiagram.height(steps.size()));
        h.append(img(w, "Cohort attrition of " + st.study()));
        h.append("<table class=\"attrition\"><thead><tr><th>Step</th><th>Remaining</th><th>Excluded</th></tr></thead><tbody>\n");
        for (AttritionDiagram.Step s : steps) {
            h.append("<tr").append(Html.attr("data-step", s.step())).append("><td>").append(Html.escape(s.step())).append("</td><td>")
                    .append(s.remaining()).append("</td><td>").append(s.excluded()).append("</td></tr>\n");
        }
        return h.append("</tbody></table>\n").toString();
    }

    private String medians() {
        StringBuilder h = new StringBuilder("<h3>Medians (months)</h3>\n");
        if (!st.survivalSummary().present()) {
            return h.append(missing("internal_survival_summary")).toString();
        }
        h.append("<p class=\"note\">Two confidence intervals for each median: <b>r</b> is R's print.survfit (the curve's ")
                .append("CI where it crosses 0.5); <b>symmetric</b> is median ± 1.96·se, the SPSS convention the SMC paper ")
                .append("prints (domain-rules §7).</p>\n<table class=\"medians\"><thead><tr><th>Endpoint</th><th>Group</th>")
                .append("<th>CI method</th><th>n</th><th>Events</th><th>Median (95% CI)</th></tr></thead><tbody>\n");
        List<String> factors = st.cleopatraStyle() ? List.of("all", st.comparisonFactor()) : List.of("all");
        for (String endpoint : List.of("os", "pfs", "pfs_trial", "dor", "followup")) {
            for (String factor : factors) {
                for (String level : levels(factor)) {
                    for (String method : List.of("r", "symmetric")) {
                        Rows one = st.survivalSummary().where("endpoint", endpoint, "factor", factor, "median_ci_method", method);
                        if (!"all".equals(factor)) {
                            one = one.where("level", level);
                        }
                        if (one.isEmpty()) {
                            continue;
                        }
                        Map<String, Object> r = one.list().get(0);
                        h.append("<tr").append(Html.attr("data-endpoint", endpoint)).append(Html.attr("data-factor", factor))
                                .append(Html.attr("data-level", level)).append(Html.attr("data-method", method))
                                .append(Html.attr("data-median", r.get("median"))).append(Html.attr("data-median-lower", r.get("median_lower")))
                                .append(Html.attr("data-median-upper", r.get("median_upper"))).append("><td>")
                                .append(Html.escape(Labels.endpoint(endpoint))).append("</td><td>")
                                .append(Html.escape(Labels.level(factor, level))).append("</td><td>")
                                .append("symmetric".equals(method) ? "symmetric (SPSS, as the paper)" : "r (R print.survfit)")
                                .append("</td><td>").append(Html.escape(r.get("n"))).append("</td><td>").append(Html.escape(r.get("events")))
                                .append("</td><td>").append(Html.escape(Html.withInterval(Rows.number(r, "median"),
                                        Rows.number(r, "median_lower"), Rows.number(r, "median_upper")))).append("</td></tr>\n");
                    }
                }
            }
        }
        return h.append("</tbody></table>\n").toString();
    }

    /** The configured levels of a factor ("all" for the pooled curve). */
    private List<String> levels(String factor) {
        return "all".equals(factor) ? List.of("all") : st.levels().getOrDefault(factor, List.of());
    }

    private String km(String name, String title, String endpoint, String factor, String note) {
        List<KmCurve> curves = new ArrayList<>();
        if (st.kmCurve().present()) {
            for (String level : levels(factor)) {
                Rows rows = st.kmCurve().where("endpoint", endpoint, "factor", factor);
                if (!"all".equals(factor)) {
                    rows = rows.where("level", level);
                }
                if (!rows.isEmpty()) {
                    curves.add(KmCurve.of(Labels.level(factor, level), endpoint, factor, "all".equals(factor) ? "all" : level, rows));
                }
            }
        }
        String subtitle = "all".equals(factor) ? null : logrank(endpoint, factor);
        return kmFigure(new KmFigure(st.study() + "_" + name, title, Labels.endpoint(endpoint), curves, st.tickStep(), subtitle),
                note);
    }

    private String logrank(String endpoint, String factor) {
        if (!st.survivalTest().present()) {
            return null;
        }
        Rows t = st.survivalTest().where("endpoint", endpoint, "factor", factor, "test", "logrank");
        return t.isEmpty() ? null : "Log-rank " + Html.pLabel(Rows.number(t.list().get(0), "p_value"));
    }

    private String longTerm() {
        List<KmCurve> curves = new ArrayList<>();
        for (String level : List.of("false", "true")) {
            Rows rows = st.longTermCurve().where("level", level);
            if (!rows.isEmpty()) {
                curves.add(KmCurve.of(Labels.level("long_term_responder", level), "os", "long_term_responder", level, rows));
            }
        }
        String subtitle = st.longTermLogrankP() == null ? null : "Log-rank " + Html.pLabel(st.longTermLogrankP());
        return kmFigure(new KmFigure(st.study() + "_fig2", "Figure 2. Overall survival of long-term vs other responders",
                Labels.endpoint("os"), curves, st.tickStep(), subtitle), "Responders only; long-term responders stayed on "
                + "the index line for at least 35 months (endpoints.long_term_responder). Computed by the report from the "
                + "endpoints table with the stats engine (decision 204).");
    }

    private String kmFigure(KmFigure f, String note) {
        StringBuilder h = new StringBuilder("<figure class=\"km\"").append(Html.attr("id", f.id())).append(">\n");
        h.append("<figcaption><b>").append(Html.escape(f.title())).append("</b>")
                .append(f.subtitle() == null ? "" : ". " + Html.escape(f.subtitle())).append("</figcaption>\n");
        if (f.curves().isEmpty()) {
            return h.append("<p class=\"note missing\">figure not available: no curve rows for this study</p>\n</figure>\n").toString();
        }
        FigureFiles.Written w = write(KmChart.figure(f), f.id(), KM_WIDTH, KM_HEIGHT);
        h.append(img(w, f.title()));
        List<Double> ticks = f.ticks();
        h.append("<table class=\"at-risk\"").append(Html.attr("data-figure", f.id())).append("><thead><tr><th>Number at risk</th>");
        ticks.forEach(t -> h.append("<th>").append(Html.decimal(t, 0)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (KmCurve c : f.curves()) {
            h.append("<tr><th>").append(Html.escape(c.label())).append("</th>");
            List<Long> numbers = AtRisk.at(c.points(), ticks);
            for (int i = 0; i < ticks.size(); i++) {
                h.append("<td class=\"n-risk\"").append(Html.attr("data-study", st.study())).append(Html.attr("data-endpoint", c.endpoint()))
                        .append(Html.attr("data-factor", c.factor())).append(Html.attr("data-level", c.level()))
                        .append(Html.attr("data-time", ticks.get(i))).append(Html.attr("data-at-risk", numbers.get(i))).append(">")
                        .append(numbers.get(i)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        if (note != null) {
            h.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
        }
        return h.append("</figure>\n").toString();
    }

    private String forest() {
        StringBuilder h = new StringBuilder("<h3>Subgroup hazard ratios (overall survival)</h3>\n");
        if (!st.hazardRatio().present()) {
            return h.append(missing("hazard_ratio")).toString();
        }
        List<ForestRow> rows = new ArrayList<>();
        Rows univariable = st.hazardRatio().where("endpoint", "os").filter(r -> r.get("strata") == null
                && r.get("adjusted_for") == null && !Objects.equals(r.get("factor"), "all"));
        for (Map<String, Object> r : univariable.list()) {
            String factor = Rows.text(r, "factor");
            rows.add(new ForestRow(Labels.factor(factor) + ": " + Labels.shortLevel(factor, Rows.text(r, "term")) + " vs "
                    + Labels.shortLevel(factor, Rows.text(r, "reference")), Rows.number(r, "hr"), Rows.number(r, "hr_lower"),
                    Rows.number(r, "hr_upper"), Rows.number(r, "p_value")));
        }
        if (rows.isEmpty()) {
            return h.append("<p class=\"note missing\">figure not available: no univariable hazard ratios</p>\n").toString();
        }
        String id = st.study() + "_forest_os";
        FigureFiles.Written w = write(ForestChart.figure("Overall survival: hazard ratios by subgroup", rows), id, KM_WIDTH,
                120 + 30 * rows.size());
        h.append(img(w, "Forest plot of subgroup hazard ratios"));
        h.append("<table class=\"forest\"><thead><tr><th>Subgroup</th><th>HR (95% CI)</th><th>p (Wald)</th></tr></thead><tbody>\n");
        for (ForestRow r : rows) {
            h.append("<tr").append(Html.attr("data-hr", r.hr())).append("><td>").append(Html.escape(r.label())).append("</td><td>")
                    .append(Html.escape(Html.decimal(r.hr(), 2) + " (" + Html.decimal(r.lower(), 2) + "–" + Html.decimal(r.upper(), 2) + ")"))
                    .append("</td><td>").append(Html.escape(Html.pValue(r.pValue()))).append("</td></tr>\n");
        }
        return h.append("</tbody></table>\n").toString();
    }

    private String comparison() {
        String f = st.comparisonFactor();
        StringBuilder h = new StringBuilder("<h3>Comparison by ").append(Html.escape(Labels.factor(f)))
                .append(" (observational, CLEOPATRA-style)</h3>\n");
        if (!st.hazardRatio().present()) {
            return h.append(missing("hazard_ratio")).toString();
        }
        h.append("<table class=\"comparison\"><thead><tr><th>Endpoint</th><th>Term</th><th>Reference</th><th>Strata</th>")
                .append("<th>Adjusted for</th><th>HR (95% CI)</th><th>p</th></tr></thead><tbody>\n");
        for (Map<String, Object> r : st.hazardRatio().where("factor", f).list()) {
            h.append("<tr").append(Html.attr("data-endpoint", r.get("endpoint"))).append(Html.attr("data-strata", r.get("strata")))
                    .append(Html.attr("data-hr", r.get("hr"))).append("><td>").append(Html.escape(r.get("endpoint"))).append("</td><td>")
                    .append(Html.escape(r.get("term"))).append("</td><td>").append(Html.escape(r.get("reference"))).append("</td><td>")
                    .append(Html.escape(r.get("strata"))).append("</td><td>").append(Html.escape(r.get("adjusted_for"))).append("</td><td>")
                    .append(Html.escape(Html.decimal(Rows.number(r, "hr"), 2) + " (" + Html.decimal(Rows.number(r, "hr_lower"), 2) + "–"
                            + Html.decimal(Rows.number(r, "hr_upper"), 2) + ")")).append("</td><td>")
                    .append(Html.escape(Html.pValue(Rows.number(r, "p_value")))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (st.survivalTest().present()) {
            h.append("<ul class=\"tests\">\n");
            for (Map<String, Object> r : st.survivalTest().where("factor", f).filter(r -> Rows.text(r, "test").startsWith("logrank"))
                    .list()) {
                h.append("<li>").append(Html.escape(r.get("endpoint") + ": " + r.get("test")
                        + (r.get("strata") == null ? "" : " (strata " + r.get("strata") + ")") + ", "
                        + Html.pLabel(Rows.number(r, "p_value")))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return h.toString();
    }

    private FigureFiles.Written write(Figure figure, String id, int width, int height) {
        FigureFiles.Written w = FigureFiles.write(figure, dir, id, width, height);
        files.add(w.png());
        files.add(w.svg());
        return w;
    }

    private static String img(FigureFiles.Written w, String alt) {
        return "<img class=\"figure\"" + Html.attr("alt", alt) + Html.attr("data-file", w.png().getFileName()) + " src=\""
                + w.dataUri() + "\">\n<p class=\"files\">Files beside this report: " + Html.escape(w.png().getFileName()) + ", "
                + Html.escape(w.svg().getFileName()) + "</p>\n";
    }

    static String missing(String table) {
        return "<p class=\"note missing\"" + Html.attr("data-missing-table", table) + ">" + SummaryTable.NOT_AVAILABLE + ": "
                + Html.escape(table) + " was not found for this extract date.</p>\n";
    }
}
