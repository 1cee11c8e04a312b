package org.oncorwe.cli;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.PseudonymKey;
import org.oncorwe.ingest.ExtractLocator;
import org.oncorwe.runtime.FileInventory;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.Stage;
import org.oncorwe.runtime.StepLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The whole pipeline on one extract. Runs the stages built so far, names the ones still pending,
 * and publishes only after the last stage succeeded.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on one extract: ingest, cohort, endpoints, stats, report. "
                + "Without --extract: the newest extract of the bundled synthetic sample (dev.sample_dir).")
final class RunCommand extends StageCommand {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--extract", paramLabel = "DIR", description = "The extract folder (holding patient.csv, ...).")
    Path extract;

    @Override
    protected int execute(RunContext run) {
        Path sampleDir = run.invocation().fromHome(run.config().get(ConfigKeys.DEV_SAMPLE_DIR));
        Optional<Path> found = extract != null ? Optional.of(extract.toAbsolutePath()) : ExtractLocator.newest(sampleDir);
        List<String> pending = Stage.pending().stream().map(Stage::command).toList();
        run.manifest().put("pending_stages", pending);
        if (found.isEmpty()) {
            run.println("no extract to run: " + sampleDir + " holds no yyyy-MM-dd extract yet "
                    + "(the synthetic sample comes with the generator); give --extract DIR");
            run.println("pending: " + String.join(" ", pending));
            return ExitCode.OK;
        }
        Path dir = found.get();
        if (!Files.isDirectory(dir)) {
            throw new PipelineFailure("extract folder not found: " + dir);
        }
        LocalDate extractDate = ExtractLocator.extractDate(dir, Optional.ofNullable(stage.extractDate));
        run.manifest().put("extract", dir.toString());
        run.manifest().put("extract_date", extractDate.toString());
        PseudonymKey key = PseudonymKey.resolve(run.invocation().environment(), ExtractLocator.isSynthetic(dir),
                run.config().get(ConfigKeys.PRIVACY_ALLOW_DEVELOPMENT_KEY));
        if (key.isDevelopment()) {
            LOG.warn("using the development pseudonym key for the synthetic extract {} (never for real data)", dir);
        }
        run.manifest().keyId(key.keyId());
        StepLog progress = StepLog.of("run");
        List<FileInventory.Entry> inputs = FileInventory.of(dir);
        run.manifest().inputs(inputs);
        progress.step("inventory_inputs", inputs.size(), inputs.size());
        run.println("extract: " + dir + " (extract date " + extractDate + ", " + inputs.size() + " files)");
        run.println("pending: " + String.join(" ", pending));
        run.println("outputs: " + run.outputRoot());
        run.println("report: " + run.outputRoot().resolve("report").resolve(extractDate.toString()).resolve("index.html")
                + (pending.contains(Stage.REPORT.command()) ? " (pending)" : ""));
        return ExitCode.OK;
    }
}
