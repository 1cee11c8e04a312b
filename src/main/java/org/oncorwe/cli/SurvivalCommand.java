package org.oncorwe.cli;

import org.oncorwe.stats.ConfidenceIntervalType;
import org.oncorwe.stats.MedianCiMethod;
import org.oncorwe.stats.TieMethod;
import org.oncorwe.config.ConfigKey;
import org.oncorwe.runtime.FileInventory;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.SurvivalQuantiles;
import org.oncorwe.stats.spark.SparkSurvivalIo;
import org.oncorwe.stats.tables.CsvSubjects;
import org.oncorwe.stats.tables.CsvTables;
import org.oncorwe.stats.tables.InputColumns;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.stats.tables.SubjectRows;
import org.oncorwe.stats.tables.SurvivalReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The statistics engine as a command for analysts, on any CSV or Parquet table (outputs.md). */
@Command(name = "survival", mixinStandardHelpOptions = true,
        description = "Kaplan-Meier, median and quantiles with CIs, landmarks, RMST, log-rank and Cox on any "
                + "CSV or Parquet table; writes km_curve, survival_summary, survival_landmark, survival_test "
                + "and hazard_ratio (study = adhoc), agreeing with R's survival package.")
final class SurvivalCommand extends PipelineCommand {

    /** Output table format. */
    enum Format { PARQUET, CSV }

    @Option(names = "--input", paramLabel = "FILE_OR_DIR", required = true,
            description = "CSV file or Parquet file/folder with one row per subject.")
    Path input;

    @Option(names = "--time", paramLabel = "COL", required = true, description = "Time column (any unit; kept as given).")
    String time;

    @Option(names = "--event", paramLabel = "COL", required = true,
            description = "Event column: 0/1 or true/false (a column of only 1 and 2 reads as R's Surv: 2 = event).")
    String event;

    @Option(names = "--group", paramLabel = "COL",
            description = "Group column (a factor; reference = first level in code-point, or numeric, order).")
    String group;

    @Option(names = "--strata", paramLabel = "COL", description = "Strata column (stratified log-rank and Cox).")
    String strata;

    @Option(names = "--conf-type", paramLabel = "log|log-log|plain", defaultValue = "log",
            converter = ConfTypeConverter.class, description = "Kaplan-Meier CI transformation (default: log, as R).")
    ConfidenceIntervalType confType;

    @Option(names = "--median-ci", paramLabel = "r|symmetric", defaultValue = "r",
            converter = MedianCiConverter.class, description = "Median CI method (default: r).")
    MedianCiMethod medianCi;

    @Option(names = "--ties", paramLabel = "efron|breslow", defaultValue = "efron",
            converter = TiesConverter.class, description = "Cox tie handling (default: efron, as R).")
    TieMethod ties;

    @Option(names = "--times", paramLabel = "T", split = ",",
            description = "Landmark times for survival_landmark (R's summary(fit, times =)).")
    List<Double> times = new ArrayList<>();

    @Option(names = "--tau", paramLabel = "T", description = "RMST horizon (RMST only with --tau).")
    Double tau;

    @Option(names = "--timefix", paramLabel = "true|false", defaultValue = "true", arity = "1",
            description = "Merge times closer than sqrt(machine epsilon) relatively, as R (default: true).")
    boolean timefix;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Folder to write the tables into.")
    Path output;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
            converter = FormatConverter.class, description = "parquet (default) or csv (one DIR/<table>.csv each).")
    Format format;

    @Option(names = "--timings", description = "Print 'timing <step> <seconds>' lines.")
    boolean timings;

    @Override
    protected int execute(RunContext run) {
        checkOptions();
        InputColumns columns = new InputColumns(time, event, group, strata);
        if (!Files.exists(input)) {
            throw new PipelineFailure("no input " + input);
        }
        // Spark only for Parquet in or out: a CSV run starts no session
        SparkSurvivalIo spark = new SparkSurvivalIo(run.config());
        SubjectRows.Loaded loaded = isCsv(input) ? CsvSubjects.read(input, columns) : spark.readParquet(input, columns);
        run.manifest().inputs(inventory(input));
        run.manifest().put("rows_read", loaded.rowsRead());
        run.manifest().put("rows_dropped", loaded.rowsDropped());
        SurvivalData data = timefix ? loaded.data().timeFixed() : loaded.data();
        if (data.subjects() == 0) {
            throw new PipelineFailure(input + ": no row with a time, an event" + (group == null ? "" : ", a group")
                    + (strata == null ? "" : ", a stratum") + " (" + loaded.rowsDropped() + " rows dropped)");
        }
        SurvivalReport.Result result = SurvivalReport.of(data,
                new SurvivalReport.Options(time, group, strata, confType, times, tau, ties));
        for (OutputTable table : result.tables()) {
            if (format == Format.CSV) {
                CsvTables.write(output, table);
            } else {
                spark.writeParquet(output, table);
            }
            run.manifest().rows(table.name(), table.size());
        }
        report(run, loaded, result);
        return ExitCode.OK;
    }

    private void checkOptions() {
        for (Double t : times) {
            if (!(t >= 0) || t.isInfinite()) {
                throw new PipelineFailure("--times: " + t + " is not a finite time >= 0");
            }
        }
        if (tau != null && !(tau > 0 && !tau.isInfinite())) {
            throw new PipelineFailure("--tau: " + tau + " is not a finite time > 0");
        }
        if (group != null && group.equals(strata)) {
            throw new PipelineFailure("--group and --strata name the same column " + group);
        }
    }

    private static boolean isCsv(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static List<FileInventory.Entry> inventory(Path input) {
        if (Files.isDirectory(input)) {
            return FileInventory.of(input);
        }
        try {
            return List.of(new FileInventory.Entry(input.getFileName().toString(), Files.size(input),
                    FileInventory.sha256(input)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per curve (median by --median-ci), then the timings when asked. */
    private void report(RunContext run, SubjectRows.Loaded loaded, SurvivalReport.Result result) {
        run.println(String.format(Locale.ROOT, "survival: %d subjects, %d rows dropped (missing values), tables in %s",
                loaded.rowsRead() - loaded.rowsDropped(), loaded.rowsDropped(), output));
        for (SurvivalReport.Curve c : result.curves()) {
            SurvivalQuantiles.Estimate m = c.medians().get(medianCi);
            run.println(String.format(Locale.ROOT, "%s=%s n=%d events=%d median=%s (%s; %s CI %s-%s)", c.factor(),
                    c.level(), c.fit().subjects(), c.fit().events(), number(m.value()), ConfigKey.token(confType),
                    ConfigKey.token(medianCi), number(m.lower()), number(m.upper())));
        }
        if (timings) {
            result.timings().forEach((step, seconds) ->
                    run.println(String.format(Locale.ROOT, "timing %s %.6f", step, seconds)));
        }
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "NA" : String.format(Locale.ROOT, "%.6g", x);
    }

    /** Reads an option token the way config does: case-insensitive, '-' as '_'. */
    static <E extends Enum<E>> E token(String value, Class<E> type) {
        return org.oncorwe.config.ConfigKey.parseOption(value, type).orElseThrow(() ->
                new CommandLine.TypeConversionException("'" + value + "' is not one of "
                        + java.util.Arrays.stream(type.getEnumConstants()).map(org.oncorwe.config.ConfigKey::token).toList()));
    }

    static final class ConfTypeConverter implements CommandLine.ITypeConverter<ConfidenceIntervalType> {
        @Override
        public ConfidenceIntervalType convert(String value) {
            return token(value, ConfidenceIntervalType.class);
        }
    }

    static final class MedianCiConverter implements CommandLine.ITypeConverter<MedianCiMethod> {
        @Override
        public MedianCiMethod convert(String value) {
            return token(value, MedianCiMethod.class);
        }
    }

    static final class TiesConverter implements CommandLine.ITypeConverter<TieMethod> {
        @Override
        public TieMethod convert(String value) {
            return token(value, TieMethod.class);
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return token(value, Format.class);
        }
    }
}
