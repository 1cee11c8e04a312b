package org.oncorwe.cli;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.runtime.StepLog;
import org.oncorwe.synth.DamageRates;
import org.oncorwe.synth.GeneratorSettings;
import org.oncorwe.synth.Profile;
import org.oncorwe.synth.SyntheticRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic registry extract (DIR/<extract-date>/) and the truth it planted "
                + "(DIR/truth/<extract-date>/). Same seed and options, same bytes. Defect rates: dev.damage_*.")
final class GenerateCommand extends PipelineCommand {

    @Option(names = "--patients", paramLabel = "N", defaultValue = "1000", description = "Registry patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20201031", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--extract-date", paramLabel = "yyyy-MM-dd", defaultValue = "2020-10-31", description = "Extract date (default: ${DEFAULT-VALUE}).")
    LocalDate extractDate;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "smc", description = "Calibration profile: smc or cleopatra (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--no-damage", description = "Write no defects (every dev.damage_* rate 0).")
    boolean noDamage;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Folder to write the extract and its truth into.")
    Path output;

    @Override
    protected int execute(RunContext run) {
        Profile chosen;
        try {
            chosen = Profile.valueOf(profile.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.oncorwe.runtime.PipelineFailure("unknown profile '" + profile + "' (smc or cleopatra)");
        }
        GeneratorSettings settings = new GeneratorSettings(patients, seed, extractDate, chosen,
                noDamage ? DamageRates.none() : DamageRates.from(run.config()), run.config().get(ConfigKeys.DEV_ROWS_PER_PART));
        StepLog progress = StepLog.of("generate");
        SyntheticRegistry.Result result = SyntheticRegistry.generate(settings, output.toAbsolutePath());
        long rows = result.recordsPerFile().values().stream().mapToLong(Long::longValue).sum();
        progress.step("write_extract", patients, rows);
        result.recordsPerFile().forEach((file, n) -> run.manifest().rows(file, n));
        run.println("extract: " + result.extractDir() + " (" + patients + " patients, " + rows + " rows)");
        run.println("truth: " + result.truthDir());
        return ExitCode.OK;
    }
}
