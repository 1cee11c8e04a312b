package org.oncorwe.cli;

import org.oncorwe.config.ConfigError;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.ScheduledExtract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What jobs/schedule/nightly.sh asks before it runs: which extract under a root, and whether it is
 * already published with the same inputs. Prints one line ({@code run ...} or {@code skip ...});
 * no Spark, no run manifest (it changes nothing).
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Decide a scheduled run without running it: the newest extract folder under --root (or "
                + "--extract-date's), and 'run' unless the newest successful run of that extract date under --output "
                + "read the same inputs (input_fingerprint), else 'skip'. Prints one line; no Spark.")
final class ScheduleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--root", paramLabel = "DIR", required = true, description = "The folder holding yyyy-MM-dd extract folders.")
    Path root;

    @Option(names = "--output", paramLabel = "DIR", description = "The output root (default: runtime.output).")
    Path output;

    @Option(names = "--extract-date", paramLabel = "yyyy-MM-dd", description = "This extract date (a backfill), not the newest.")
    LocalDate extractDate;

    @Option(names = "--force", description = "Run even when already published.")
    boolean force;

    @Override
    public Integer call() {
        Invocation invocation = ((Main) spec.root().userObject()).invocation();
        try {
            OncoRweConfig config = configOptions.load(invocation);
            Path out = output != null ? output.toAbsolutePath() : invocation.fromHome(config.get(ConfigKeys.RUNTIME_OUTPUT));
            ScheduledExtract.Decision d = ScheduledExtract.decide(root.toAbsolutePath(), Optional.ofNullable(extractDate), out, force);
            invocation.out().println(d.line());
            return ExitCode.OK;
        } catch (ConfigError e) {
            invocation.err().println("error: " + PipelineCommand.oneLine(e));
            return ExitCode.USAGE;
        } catch (PipelineFailure | java.io.UncheckedIOException e) {
            invocation.err().println("error: " + PipelineCommand.oneLine(e));
            return ExitCode.FAILED;
        }
    }
}
