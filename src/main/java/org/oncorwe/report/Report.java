package org.oncorwe.report;

import org.oncorwe.config.CanonicalJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report: {@code index.html}, one self-contained page (styles inline, every figure an SVG
 * data: URI, no script, nothing fetched), and every figure as PNG and SVG beside it
 * (outputs.md; decisions 200–201). Plain Java over {@link ReportInput}: no Spark.
 */
public final class Report {

    public static final String INDEX = "index.html";

    private static final String STYLE = """
            body{font-family:sans-serif;max-width:1100px;margin:1em auto;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{border-bottom:2px solid #1f4e9a;margin-top:2em}h4{margin-bottom:.3em}
            table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:2px 6px;font-size:.9em}
            th{background:#f2f5fa;text-align:left}td.cell,td.n-risk{text-align:right}td.level{padding-left:1.5em}
            img.figure{max-width:100%;border:1px solid #eee}.note{color:#555;font-size:.9em}
            .missing{color:#a33;font-weight:bold}.files{font-size:.8em;color:#777}pre{background:#f7f7f7;padding:.5em;max-height:14em;overflow:auto}
            """;

    /** The written page and the figure files beside it. */
    public record Written(Path index, List<Path> figures) {
    }

    private Report() {
    }

    public static Written write(ReportInput in, Path dir) {
        List<Path> figures = new ArrayList<>();
        StringBuilder sections = new StringBuilder();
        for (StudyTables st : in.studies()) {
            StudySection section = new StudySection(st, dir);
            sections.append(section.html());
            figures.addAll(section.files());
        }
        String page = page(in, sections.toString());
        Path index = dir.resolve(INDEX);
        try {
            Files.createDirectories(dir);
            Files.writeString(index, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + index, e);
        }
        return new Written(index, figures);
    }

    static String page(ReportInput in, String sections) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>OncoRWE report ").append(in.extractDate()).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>OncoRWE report, extract ").append(in.extractDate()).append("</h1>\n");
        h.append("<p class=\"note\">For the study team: unsuppressed results (outputs.md). Do not circulate outside the study team; ")
                .append("the published tables carry the small-cell suppression.</p>\n");
        h.append("<nav><ul>\n<li><a href=\"#options\">Options of the run</a></li>\n<li><a href=\"#data-quality\">Data quality</a></li>\n");
        in.studies().forEach(s -> h.append("<li><a href=\"#").append(Html.escape(s.study())).append("\">Study ")
                .append(Html.escape(s.study())).append("</a></li>\n"));
        h.append("</ul></nav>\n");
        h.append(options(in));
        h.append(dataQuality(in));
        h.append(sections);
        return h.append("</body>\n</html>\n").toString();
    }

    private static String options(ReportInput in) {
        StringBuilder h = new StringBuilder("<section id=\"options\">\n<h2>Options of the run</h2>\n<table>\n");
        h.append("<tr><th>pipeline_version</th><td>").append(Html.escape(in.pipelineVersion())).append("</td></tr>\n");
        h.append("<tr><th>config_hash of this report</th><td data-config-hash>").append(Html.escape(in.configHash())).append("</td></tr>\n");
        h.append("<tr><th>config_hash of the tables read</th><td>").append(Html.escape(String.join(", ", in.tableConfigHashes())))
                .append("</td></tr>\n</table>\n");
        if (!in.tableConfigHashes().isEmpty() && !in.tableConfigHashes().equals(List.of(in.configHash()))) {
            h.append("<p class=\"note missing\">The tables were made with other analysis options than this report's ")
                    .append("configuration: the options below are the report's, not necessarily the tables'.</p>\n");
        }
        h.append("<pre>").append(Html.escape(CanonicalJson.writePretty(in.options()))).append("</pre>\n</section>\n");
        return h.toString();
    }

    private static String dataQuality(ReportInput in) {
        StringBuilder h = new StringBuilder("<section id=\"data-quality\">\n<h2>Data quality</h2>\n<h3>Rows per input file</h3>\n");
        if (!in.ingestReport().present()) {
            h.append(StudySection.missing("ingest_report"));
        } else {
            Map<String, Map<String, Long>> files = new TreeMap<>();
            for (Map<String, Object> r : in.ingestReport().where("kind", "FILE").list()) {
                files.computeIfAbsent(Rows.text(r, "table_name"), k -> new TreeMap<>())
                        .merge(Rows.text(r, "code"), Rows.count(r, "count"), Long::sum);
            }
            List<String> codes = List.of("ROWS_READ", "ROWS_ACCEPTED", "ROWS_REJECTED", "ROWS_COLLAPSED");
            h.append("<table class=\"ingest\"><thead><tr><th>Table</th>");
            codes.forEach(c -> h.append("<th>").append(c).append("</th>"));
            h.append("</tr></thead><tbody>\n");
            files.forEach((table, counts) -> {
                h.append("<tr><td>").append(Html.escape(table)).append("</td>");
                codes.forEach(c -> h.append("<td").append(Html.attr("data-code", c)).append(">")
                        .append(counts.getOrDefault(c, 0L)).append("</td>"));
                h.append("</tr>\n");
            });
            h.append("</tbody></table>\n");
        }
        h.append("<h3>Rejected rows by reason</h3>\n");
        if (!in.rejects().present()) {
            h.append(StudySection.missing("rejects"));
        } else {
            Map<String, Long> reasons = new TreeMap<>();
            in.rejects().list().forEach(r -> reasons.merge(Rows.text(r, "table_name") + "\u0000" + Rows.text(r, "reason"),
                    Rows.count(r, "count"), Long::sum));
            h.append("<table class=\"rejects\"><thead><tr><th>Table</th><th>Reason</th><th>Rows</th></tr></thead><tbody>\n");
            reasons.forEach((k, n) -> {
                String[] parts = k.split("\u0000", 2);
                h.append("<tr><td>").append(Html.escape(parts[0])).append("</td><td>").append(Html.escape(parts[1]))
                        .append("</td><td>").append(n).append("</td></tr>\n");
            });
            h.append("</tbody></table>\n<p class=\"note\">").append(reasons.values().stream().mapToLong(Long::longValue).sum())
                    .append(" rejected rows in all.</p>\n");
        }
        return h.append("</section>\n").toString();
    }
}
