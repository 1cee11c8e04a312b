package org.oncorwe.cli;

import org.oncorwe.config.CanonicalJson;
import org.oncorwe.config.ConfigError;
import org.oncorwe.config.ConfigKey;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints resolved configuration without starting Spark (the launcher reads the driver memory
 * with it). Read-only: writes no run manifest.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the resolved configuration (reference.conf < conf/application.conf < --config "
                + "< ONCORWE_* < -D) without starting Spark.",
        subcommands = {ConfigCommand.Get.class, ConfigCommand.Show.class})
final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    private static Invocation invocation(CommandSpec spec) {
        return ((Main) spec.root().userObject()).invocation();
    }

    private static Integer guarded(CommandSpec spec, Callable<Integer> body) {
        try {
            return body.call();
        } catch (ConfigError e) {
            invocation(spec).err().println("error: " + PipelineCommand.oneLine(e));
            return ExitCode.USAGE;
        } catch (Exception e) {
            invocation(spec).err().println("error: " + PipelineCommand.oneLine(e));
            return ExitCode.FAILED;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one key's resolved value.")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions configOptions;

        @Parameters(index = "0", paramLabel = "KEY", description = "Dotted key, e.g. stats.median_ci.")
        String key;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                ConfigKey<?> k = ConfigKeys.byPath(key);
                if (k == null) {
                    throw new ConfigError("unknown config key " + key);
                }
                OncoRweConfig config = configOptions.load(invocation(spec));
                Object value = config.canonical(k);
                invocation(spec).out().println(value instanceof Map || value instanceof Collection
                        ? CanonicalJson.write(value) : String.valueOf(value));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print every key's resolved value (key = value lines, or JSON) and the config_hash.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions configOptions;

        @picocli.CommandLine.Option(names = "--json", description = "Print the resolved configuration as JSON.")
        boolean json;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                OncoRweConfig config = configOptions.load(invocation(spec));
                var out = invocation(spec).out();
                if (json) {
                    out.print(CanonicalJson.writePretty(config.tree()));
                } else {
                    for (ConfigKey<?> k : ConfigKeys.ALL) {
                        Object value = config.canonical(k);
                        out.println(k.path() + " = " + (value instanceof Map || value instanceof Collection
                                || value instanceof String ? CanonicalJson.write(value) : String.valueOf(value)));
                    }
                    out.println("# config_hash = " + config.configHash());
                }
                return ExitCode.OK;
            });
        }
    }
}
