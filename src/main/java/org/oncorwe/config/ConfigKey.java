package org.oncorwe.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One configuration key: its dotted path, how its value is read and checked, and how it is
 * written canonically (for the manifest and {@code config_hash}). Defaults live, commented,
 * in {@code reference.conf}; {@link ConfigKeys} lists every key.
 *
 * @param <T> the typed value
 */
public final class ConfigKey<T> {

    /**
     * What kind of value a key holds; decides how environment and -D strings are read. OBJECT:
     * flat free-form settings whose names may hold dots ({@code spark.sql.x}); RECORDS: named
     * records whose fields are checked by the key's reader ({@code cohort.studies.x.period_end}).
     */
    public enum Kind { SCALAR, LIST, OBJECT, RECORDS }

    private final String path;
    private final Kind kind;
    private final String expected;
    private final Function<ConfigValue, T> reader;
    private final Function<T, Object> canonical;

    private ConfigKey(String path, Kind kind, String expected, Function<ConfigValue, T> reader) {
        this(path, kind, expected, reader, v -> v);
    }

    private ConfigKey(String path, Kind kind, String expected, Function<ConfigValue, T> reader,
                      Function<T, Object> canonical) {
        this.path = Objects.requireNonNull(path);
        this.kind = kind;
        this.expected = expected;
        this.reader = reader;
        this.canonical = canonical;
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** The section this key belongs to (its first path element). */
    public String section() {
        return path.substring(0, path.indexOf('.'));
    }

    /** The value as written in manifests and hashed into {@code config_hash}. */
    @SuppressWarnings("unchecked")
    public Object canonical(Object value) {
        return canonical.apply((T) value);
    }

    /** Reads and checks this key's value; a missing or bad value is a {@link ConfigError} naming the key. */
    public T read(Config config) {
        ConfigValue value;
        try {
            value = config.getValue(path);
        } catch (ConfigException.Missing e) {
            throw new ConfigError("config key " + path + " is missing (reference.conf defines it)");
        } catch (ConfigException e) {
            throw new ConfigError("config key " + path + ": " + e.getMessage());
        }
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException | ArithmeticException | ConfigException e) {
            throw new ConfigError("config key " + path + ": expected " + expected + ", got "
                    + describe(value) + " (from " + value.origin().description() + ")");
        }
    }

    private static String describe(ConfigValue value) {
        return value.valueType() == ConfigValueType.STRING
                ? "'" + value.unwrapped() + "'"
                : value.render(com.typesafe.config.ConfigRenderOptions.concise());
    }

    @Override
    public String toString() {
        return path;
    }

    // ---- factories -------------------------------------------------------------------------

    public static ConfigKey<Integer> integer(String path) {
        return new ConfigKey<>(path, Kind.SCALAR, "an integer", ConfigKey::toInt);
    }

    public static ConfigKey<Double> decimal(String path) {
        return new ConfigKey<>(path, Kind.SCALAR, "a number", v -> toDecimal(v).doubleValue());
    }

    public static ConfigKey<Boolean> bool(String path) {
        return new ConfigKey<>(path, Kind.SCALAR, "true or false", ConfigKey::toBoolean);
    }

    public static ConfigKey<String> string(String path) {
        return new ConfigKey<>(path, Kind.SCALAR, "a string", ConfigKey::toText);
    }

    /**
     * An option: matched case-insensitively, '-' read as '_' (so "log-log" is LOG_LOG).
     * Written back as the lower-case token ({@code log-log}) or as the constant's name
     * ({@code ASCO_CAP_2018}), as reference.conf spells it.
     */
    public static <E extends Enum<E>> ConfigKey<E> option(String path, Class<E> type, boolean lowerCaseToken) {
        Function<E, Object> spell = lowerCaseToken ? ConfigKey::token : Enum::name;
        String choices = Arrays.stream(type.getEnumConstants()).map(e -> spell.apply(e).toString())
                .reduce((a, b) -> a + ", " + b).orElse("");
        return new ConfigKey<>(path, Kind.SCALAR, "one of " + choices, v -> toEnum(v, type), spell);
    }

    /** A count of days, or the word ANY (no limit). */
    public static ConfigKey<DayWindow> daysOrAny(String path) {
        return new ConfigKey<>(path, Kind.SCALAR, "an integer or ANY", v -> {
            if (v.valueType() == ConfigValueType.STRING
                    && "ANY".equals(((String) v.unwrapped()).trim().toUpperCase(Locale.ROOT))) {
                return DayWindow.ANY;
            }
            return DayWindow.days(toInt(v));
        }, w -> w.isAny() ? (Object) "ANY" : w.days());
    }

    public static ConfigKey<List<Integer>> integerList(String path) {
        return new ConfigKey<>(path, Kind.LIST, "a list of integers", v -> readList(v, ConfigKey::toInt));
    }

    public static ConfigKey<List<String>> stringList(String path) {
        return new ConfigKey<>(path, Kind.LIST, "a list of strings", v -> readList(v, ConfigKey::toText));
    }

    /** A free-form object of string values (e.g. extra Spark settings); any sub-key is allowed. */
    public static ConfigKey<Map<String, String>> stringMap(String path) {
        return new ConfigKey<>(path, Kind.OBJECT, "an object of settings", v -> {
            if (v.valueType() != ConfigValueType.OBJECT) {
                throw new IllegalArgumentException("not an object");
            }
            Map<String, String> out = new TreeMap<>();
            // unquoted dotted keys (spark.sql.x = 1) arrive nested: flatten them back
            ((com.typesafe.config.ConfigObject) v).toConfig().entrySet()
                    .forEach(e -> out.put(String.join(".", com.typesafe.config.ConfigUtil.splitPath(e.getKey())),
                            toText(e.getValue())));
            return Map.copyOf(out);
        });
    }

    /**
     * Named records (an object of objects) read and checked by {@code reader}, which throws a
     * {@link ConfigError} naming the offending field; {@code canonical} writes them back for the manifest.
     */
    public static <T> ConfigKey<T> records(String path, Function<com.typesafe.config.ConfigObject, T> reader,
                                           Function<T, Object> canonical) {
        return new ConfigKey<>(path, Kind.RECORDS, "an object of named records", v -> {
            if (v.valueType() != ConfigValueType.OBJECT) {
                throw new IllegalArgumentException("not an object");
            }
            return reader.apply((com.typesafe.config.ConfigObject) v);
        }, canonical);
    }

    /** The canonical spelling of an option value (lower case, '_' as '-': {@code log-log}, {@code r}). */
    public static String token(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- conversions -----------------------------------------------------------------------

    private static BigDecimal toDecimal(ConfigValue v) {
        Object raw = v.unwrapped();
        if (v.valueType() == ConfigValueType.NUMBER) {
            return new BigDecimal(raw.toString());
        }
        if (v.valueType() == ConfigValueType.STRING) {
            return new BigDecimal(((String) raw).trim()); // NumberFormatException is an IllegalArgumentException
        }
        throw new IllegalArgumentException("not a number");
    }

    private static int toInt(ConfigValue v) {
        return toDecimal(v).intValueExact();
    }

    private static boolean toBoolean(ConfigValue v) {
        if (v.valueType() == ConfigValueType.BOOLEAN) {
            return (Boolean) v.unwrapped();
        }
        if (v.valueType() == ConfigValueType.STRING) {
            String s = ((String) v.unwrapped()).trim().toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                return true;
            }
            if (s.equals("false")) {
                return false;
            }
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static String toText(ConfigValue v) {
        return switch (v.valueType()) {
            case STRING, NUMBER, BOOLEAN -> v.unwrapped().toString();
            default -> throw new IllegalArgumentException("not a scalar");
        };
    }

    private static <E extends Enum<E>> E toEnum(ConfigValue v, Class<E> type) {
        return parseOption(toText(v), type).orElseThrow(() -> new IllegalArgumentException("unknown option"));
    }

    /** An option's constant from its spelling: case-insensitive, trimmed, '-' read as '_' ("log-log" is LOG_LOG). */
    public static <E extends Enum<E>> java.util.Optional<E> parseOption(String text, Class<E> type) {
        String wanted = text.trim().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    private static <X> List<X> readList(ConfigValue v, Function<ConfigValue, X> element) {
        if (v.valueType() != ConfigValueType.LIST) {
            throw new IllegalArgumentException("not a list");
        }
        List<X> out = new ArrayList<>();
        for (ConfigValue item : (com.typesafe.config.ConfigList) v) {
            out.add(element.apply(item));
        }
        return List.copyOf(out);
    }
}
