package org.oncorwe.cli;

import org.oncorwe.config.ConfigError;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.runtime.NotImplementedYet;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.RunManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A subcommand that does work and so leaves a run manifest, whatever its outcome. It resolves
 * the configuration once, runs {@link #execute}, maps the outcome to an exit code and turns any
 * error into one line on stderr (the stack trace goes to {@code _runs/<run_id>.log}).
 */
abstract class PipelineCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    /** The command's --output, when it has one; the manifest is written under it. */
    protected Optional<Path> outputOption() {
        return Optional.empty();
    }

    protected abstract int execute(RunContext run) throws Exception;

    @Override
    public final Integer call() {
        Invocation invocation = ((Main) spec.root().userObject()).invocation();
        String name = spec.qualifiedName(" ").substring(spec.root().name().length()).trim();
        RunManifest manifest = RunManifest.start(name,
                spec.root().commandLine().getParseResult().originalArgs());
        Path output = outputOption().map(Path::toAbsolutePath).orElse(invocation.fromHome("out"));
        int exit;
        String status;
        Throwable failure = null;
        try {
            OncoRweConfig config = configOptions.load(invocation);
            manifest.config(config);
            output = outputOption().map(Path::toAbsolutePath)
                    .orElse(invocation.fromHome(config.get(ConfigKeys.RUNTIME_OUTPUT)));
            exit = execute(new RunContext(invocation, config, manifest, output));
            status = exit == ExitCode.OK ? "OK" : "FAILED";
        } catch (ConfigError e) {
            failure = e;
            exit = ExitCode.USAGE;
            status = "CONFIG_ERROR";
        } catch (NotImplementedYet e) {
            failure = e;
            exit = ExitCode.NOT_IMPLEMENTED;
            status = "NOT_IMPLEMENTED";
        } catch (Exception | LinkageError e) {
            failure = e;
            exit = ExitCode.FAILED;
            status = "FAILED";
        }
        String error = failure == null ? null : oneLine(failure);
        try {
            Path written = manifest.write(output, exit, status, error);
            if (failure instanceof NotImplementedYet) {
                invocation.err().println(name + ": not implemented yet: " + error);
            } else if (failure != null && expected(failure)) {
                invocation.err().println("error: " + error);
            } else if (failure != null) {
                // an unexpected failure: its stack trace beside the manifest, one line on the terminal
                Path log = written.resolveSibling(manifest.runId() + ".log");
                Files.writeString(log, stackTrace(failure), StandardCharsets.UTF_8);
                invocation.err().println("error: " + error + " (details: " + log + ")");
            }
            LOG.debug("run manifest {}", written);
        } catch (IOException | RuntimeException e) {
            invocation.err().println("error: " + (error == null ? "" : error + "; ") + "cannot write the run manifest: "
                    + oneLine(e));
            return exit == ExitCode.OK ? ExitCode.FAILED : exit;
        }
        return exit;
    }

    /** Failures the pipeline reports on purpose, whose message says it all. */
    private static boolean expected(Throwable e) {
        return e instanceof ConfigError || e instanceof PipelineFailure || e instanceof NotImplementedYet;
    }

    /** One line for a person: our own failures by their message, anything else with its type. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String text = expected(e) ? message : e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static String stackTrace(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
