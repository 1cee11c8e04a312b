package org.oncorwe.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a configuration comes from, one field per layer above reference.conf.
 *
 * @param home        the repo or install root; {@code conf/application.conf} is read from it
 * @param configFile  the {@code --config FILE} of the command, if any
 * @param environment the process environment ({@code ONCORWE_*} variables are read)
 * @param overrides   the command's {@code -D key=value} options, in the order given
 */
public record ConfigSources(Path home, Optional<Path> configFile, Map<String, String> environment,
                            Map<String, String> overrides) {

    public ConfigSources {
        Objects.requireNonNull(home);
        Objects.requireNonNull(configFile);
        environment = Map.copyOf(environment);
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** Only reference.conf and the home's application.conf. */
    public static ConfigSources of(Path home) {
        return new ConfigSources(home, Optional.empty(), Map.of(), Map.of());
    }

    public Path applicationConf() {
        return home.resolve("conf").resolve("application.conf");
    }
}
