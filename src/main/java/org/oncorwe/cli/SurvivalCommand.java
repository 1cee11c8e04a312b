package org.oncorwe.cli;

import org.oncorwe.stats.ConfidenceIntervalType;
import org.oncorwe.stats.MedianCiMethod;
import org.oncorwe.stats.TieMethod;
import picocli.CommandLine;
import org.oncorwe.runtime.NotImplementedYet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        throw new NotImplementedYet("the survival engine, issues #4 and #5");
    }

    /** Reads an option token the way config does: case-insensitive, '-' as '_'. */
    static <E extends Enum<E>> E token(String value, Class<E> type) {
        String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of "
                + java.util.Arrays.stream(type.getEnumConstants())
                .map(org.oncorwe.config.ConfigKey::token).toList());
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
