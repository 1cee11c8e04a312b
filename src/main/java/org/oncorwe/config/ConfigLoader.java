package org.oncorwe.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the configuration once, on the driver, through one precedence chain:
 * reference.conf &lt; conf/application.conf &lt; --config FILE &lt; environment ONCORWE_* &lt; -D key=value.
 * Every layer above reference.conf is checked for unknown keys; every key is then read with
 * its type, so a bad value fails here, naming the key, before any work starts.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static OncoRweConfig load(ConfigSources sources) {
        Config reference = reference();
        List<Config> layers = new ArrayList<>(); // lowest first
        parseFileIfPresent(sources.applicationConf()).ifPresent(layers::add);
        sources.configFile().ifPresent(f -> layers.add(parseRequiredFile(f)));
        EnvironmentMapping.configVariables(sources.environment()).forEach((variable, value) ->
                layers.add(single(EnvironmentMapping.pathOf(variable).orElseThrow(), value,
                        "environment variable " + variable)));
        sources.overrides().forEach((path, value) ->
                layers.add(single(path.trim(), value, "-D " + path.trim())));

        Config merged = reference;
        for (Config layer : layers) {
            rejectUnknownKeys(layer);
            merged = layer.withFallback(merged);
        }
        try {
            merged = merged.resolve();
        } catch (ConfigException e) {
            throw new ConfigError("cannot resolve configuration: " + e.getMessage(), e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            values.put(key.path(), key.read(merged));
        }
        return new OncoRweConfig(values);
    }

    /** Our sections of every reference.conf on the classpath (other libraries' keys are not ours to check). */
    static Config reference() {
        Config all = ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), "reference.conf");
        Config ours = ConfigFactory.empty();
        for (String section : ConfigKeys.SECTIONS) {
            ours = ours.withFallback(all.withOnlyPath(section));
        }
        return ours;
    }

    private static Optional<Config> parseFileIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(parseRequiredFile(file)) : Optional.empty();
    }

    private static Config parseRequiredFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("config file not found: " + file);
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigError("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One key from a string (environment or -D): lists accept [a, b] or a,b; scalars stay text. */
    private static Config single(String path, String value, String origin) {
        ConfigKey<?> key = ConfigKeys.byPath(path);
        Optional<ConfigKey<?>> freeForm = freeFormParent(path);
        if (key == null && freeForm.isEmpty()) {
            throw unknownKey(path, origin);
        }
        String hoconPath;
        ConfigValue v;
        if (key == null && freeForm.get().kind() == ConfigKey.Kind.RECORDS) {
            hoconPath = path; // a record's field: cohort.studies.<id>.<field>
            v = value.trim().startsWith("[") ? listValue(path, value, origin) : ConfigValueFactory.fromAnyRef(value, origin);
        } else if (key == null) {
            String subKey = path.substring(freeForm.get().path().length() + 1);
            List<String> elements = new ArrayList<>(ConfigUtil.splitPath(freeForm.get().path()));
            elements.add(subKey);
            hoconPath = ConfigUtil.joinPath(elements);
            v = ConfigValueFactory.fromAnyRef(value, origin);
        } else {
            hoconPath = path;
            v = key.kind() == ConfigKey.Kind.LIST ? listValue(path, value, origin)
                    : ConfigValueFactory.fromAnyRef(value, origin);
        }
        return ConfigFactory.empty(origin).withValue(hoconPath, v);
    }

    private static ConfigValue listValue(String path, String value, String origin) {
        String trimmed = value.trim();
        if (trimmed.startsWith("[")) {
            try {
                return ConfigFactory.parseString("v = " + trimmed, ConfigParseOptions.defaults().setOriginDescription(origin))
                        .getValue("v");
            } catch (ConfigException e) {
                throw new ConfigError("config key " + path + ": cannot read list '" + value + "' (from " + origin + ")");
            }
        }
        List<String> items = trimmed.isEmpty() ? List.of()
                : Arrays.stream(trimmed.split(",", -1)).map(String::trim).toList();
        return ConfigValueFactory.fromIterable(items, origin);
    }

    private static Optional<ConfigKey<?>> freeFormParent(String path) {
        return ConfigKeys.freeForm().stream().filter(k -> path.startsWith(k.path() + ".")).findFirst();
    }

    private static void rejectUnknownKeys(Config layer) {
        for (Map.Entry<String, ConfigValue> entry : layer.entrySet()) {
            String path = String.join(".", ConfigUtil.splitPath(entry.getKey()));
            if (ConfigKeys.byPath(path) == null && freeFormParent(path).isEmpty()) {
                throw unknownKey(path, entry.getValue().origin().description());
            }
        }
    }

    private static ConfigError unknownKey(String path, String origin) {
        return new ConfigError("unknown config key " + path + " (from " + origin + ")");
    }
}
