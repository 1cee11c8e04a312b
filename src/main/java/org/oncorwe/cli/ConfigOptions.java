package org.oncorwe.cli;

import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.config.OncoRweConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configuration options every subcommand takes. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file merged over conf/application.conf (HOCON or JSON).")
    Path configFile;

    @Option(names = "-D", paramLabel = "key=value", mapFallbackValue = "",
            description = "Set one config key (repeatable); wins over files and ONCORWE_* variables.")
    Map<String, String> overrides = new LinkedHashMap<>();

    OncoRweConfig load(Invocation invocation) {
        Optional<Path> file = Optional.ofNullable(configFile).map(p -> p.toAbsolutePath());
        return ConfigLoader.load(new ConfigSources(invocation.home(), file, invocation.environment(), overrides));
    }
}
