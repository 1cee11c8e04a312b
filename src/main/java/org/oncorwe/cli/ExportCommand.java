package org.oncorwe.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;

/**
 * A published table as one CSV (what R and spreadsheet users read; no R package reads Parquet
 * here): one extract date (the newest by default), optionally some studies, with a header row,
 * the partition columns first, rows sorted by every column, and values written for R's
 * {@code read.csv}: dates {@code yyyy-MM-dd}, date-times {@code yyyy-MM-dd HH:mm:ss}, numbers in
 * full precision, booleans {@code true/false}, null as an empty field, lists joined with '+'.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a published table as CSV (for R and spreadsheet users).")
final class ExportCommand extends StageCommand {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    @Option(names = "--table", paramLabel = "NAME", required = true, description = "Published table name (e.g. km_curve).")
    String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "Output format: csv (default).")
    String format;

    @Option(names = "--to", paramLabel = "FILE", description = "CSV file to write (default: standard output).")
    Path to;

    @Override
    protected int execute(RunContext run) throws IOException {
        if (!format.equalsIgnoreCase("csv")) {
            throw new org.oncorwe.config.ConfigError("--format: only csv is supported, got '" + format + "'");
        }
        if (!table.matches("[a-z0-9_]+")) {
            throw new org.oncorwe.config.ConfigError("--table: a table name is lower case letters, digits and '_', got '" + table + "'");
        }
        run.publisher().recover();
        Path dir = run.outputRoot().resolve(table);
        LocalDate date = stage.extractDate != null ? stage.extractDate : ExtractLocator.newestPartition(dir)
                .orElseThrow(() -> new PipelineFailure("no published table " + table + " under " + run.outputRoot()));
        Path partition = dir.resolve("extract_date=" + date);
        if (!Files.isDirectory(partition)) {
            throw new PipelineFailure("table " + table + " has no partition for extract date " + date);
        }
        run.manifest().put("extract_date", date.toString());
        SparkSession spark = SparkSessions.create(run.config(), "oncorwe " + run.manifest().runId());
        Dataset<Row> rows = spark.read().option("basePath", dir.toString()).parquet(partition.toString());
        List<String> studies = stage.studies.stream().filter(s -> !s.equalsIgnoreCase("all")).toList();
        if (!studies.isEmpty()) {
            if (!Arrays.asList(rows.columns()).contains("study")) {
                throw new org.oncorwe.config.ConfigError("--study: table " + table + " has no study partitions");
            }
            rows = rows.filter(col("study").isin(studies.toArray()));
        }
        Dataset<Row> ordered = partitionColumnsFirst(rows);
        long n;
        if (to == null) {
            n = write(ordered, run.invocation().out());
        } else {
            Path target = to.toAbsolutePath();
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.createDirectories(target.getParent());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                n = write(ordered, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            run.println(table + ": " + n + " rows to " + target);
        }
        run.manifest().rows(table, n);
        return ExitCode.OK;
    }

    /** extract_date and study (when the table has them) first, the file's columns after; sorted by every column. */
    private static Dataset<Row> partitionColumnsFirst(Dataset<Row> rows) {
        List<String> names = Arrays.asList(rows.columns());
        List<String> first = java.util.stream.Stream.of("extract_date", "study").filter(names::contains).toList();
        List<Column> order = new java.util.ArrayList<>(first.stream().map(org.apache.spark.sql.functions::col).toList());
        names.stream().filter(c -> !first.contains(c)).forEach(c -> order.add(col(c)));
        Dataset<Row> selected = rows.select(order.toArray(Column[]::new));
        return selected.orderBy(order.toArray(Column[]::new));
    }

    private static long write(Dataset<Row> rows, Writer out) {
        long n = 0;
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(rows.columns()).build());
            Iterator<Row> it = rows.toLocalIterator(); // partition by partition: the driver never holds the table
            while (it.hasNext()) {
                Row r = it.next();
                for (int i = 0; i < r.size(); i++) {
                    csv.print(text(r.get(i)));
                }
                csv.println();
                n++;
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (v instanceof java.sql.Timestamp t) {
            return DATE_TIME.format(t.toLocalDateTime());
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof scala.collection.Seq<?> s) {
            return String.join("+", scala.jdk.javaapi.CollectionConverters.asJava(s).stream().map(ExportCommand::text).toList());
        }
        return v.toString();
    }
}
