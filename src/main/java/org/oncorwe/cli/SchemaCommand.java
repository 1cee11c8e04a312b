package org.oncorwe.cli;

import org.apache.spark.sql.SparkSession;
import org.oncorwe.bi.LatestViews;
import org.oncorwe.bi.OutputSchemaDoc;
import org.oncorwe.bi.PublishedTable;
import org.oncorwe.bi.spark.PublishedSchemas;
import org.oncorwe.config.ConfigError;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The published tables' schemas as docs/output-schema.md (markdown) or docs/latest-views.sql (sql),
 * read from what the code wrote under an output root.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the schemas of the tables published under --output: --format markdown "
                + "(docs/output-schema.md) or sql (docs/latest-views.sql: tables and <table>_latest views for "
                + "Spark SQL, DuckDB and Trino).")
final class SchemaCommand extends PipelineCommand {

    @Option(names = "--output", paramLabel = "DIR", description = "The output root to read (default: runtime.output).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", description = "markdown (default) or sql.")
    String format;

    @Override
    protected Optional<Path> outputOption() {
        return Optional.ofNullable(output);
    }

    @Override
    protected int execute(RunContext run) {
        if (!format.equals("markdown") && !format.equals("sql")) {
            throw new ConfigError("--format: markdown or sql, got '" + format + "'");
        }
        run.publisher().recover();
        SparkSession spark = SparkSessions.create(run.config(), "oncorwe " + run.manifest().runId());
        List<PublishedTable> tables = PublishedSchemas.read(spark, run.outputRoot());
        if (tables.isEmpty()) {
            throw new PipelineFailure("no published table under " + run.outputRoot() + " (run the pipeline first, or give --output)");
        }
        run.invocation().out().print(format.equals("sql") ? LatestViews.sql(tables) : OutputSchemaDoc.markdown(tables));
        return ExitCode.OK;
    }
}
