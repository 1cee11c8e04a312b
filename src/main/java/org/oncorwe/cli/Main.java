package org.oncorwe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The one entry point: {@code oncorwe <subcommand> [options]}, locally or under spark-submit. */
@Command(name = "oncorwe", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "OncoRWE: raw cancer-registry extracts to real-world evidence "
                + "(first-line THP cohorts, lines of therapy, PFS/OS, RECIST, CTCAE, survival statistics).",
        subcommands = {RunCommand.class, IngestCommand.class, CohortCommand.class, EndpointsCommand.class,
                StatsCommand.class, ReportCommand.class, SurvivalCommand.class, GenerateCommand.class,
                ExportCommand.class, SchemaCommand.class, ScheduleCommand.class, BenchCommand.class, ConfigCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 run failed, 2 usage or configuration error, 3 not implemented yet."})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Invocation invocation;

    Main(Invocation invocation) {
        this.invocation = invocation;
    }

    Invocation invocation() {
        return invocation;
    }

    @Override
    public Integer call() {
        invocation.err().println("error: a subcommand is required");
        spec.commandLine().usage(invocation.err());
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        System.exit(execute(Invocation.fromSystem(), args));
    }

    /** Runs one command line and returns its exit code (what {@link #main} exits with). */
    public static int execute(Invocation invocation, String... args) {
        CommandLine cli = new CommandLine(new Main(invocation));
        cli.setOut(invocation.out());
        cli.setErr(invocation.err());
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("error: " + ex.getMessage() + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println("error: " + PipelineCommand.oneLine(ex));
            return ExitCode.FAILED;
        });
        int code = cli.execute(args);
        invocation.out().flush();
        invocation.err().flush();
        return code;
    }

    /** --version: the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"oncorwe " + org.oncorwe.runtime.PipelineVersion.get()};
        }
    }
}
