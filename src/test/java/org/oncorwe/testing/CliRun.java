package org.oncorwe.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.oncorwe.cli.Invocation;
import org.oncorwe.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the CLI in-process, as {@code jobs/oncorwe} would, with a given home and environment,
 * and keeps what it printed and exited with.
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Path home, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new Invocation(environment, home, new PrintWriter(out, true), new PrintWriter(err, true)), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The run manifests under an output root, oldest first. */
    public static List<Config> manifests(Path output) {
        Path runs = output.resolve("_runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            // run ids start with the second only: two runs in one second are ordered by when they started
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .map(p -> ConfigFactory.parseFile(p.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)))
                    .sorted(java.util.Comparator.comparing((Config c) -> java.time.Instant.parse(c.getString("started_at")))
                            .thenComparing(c -> c.getString("run_id")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only run manifest under an output root (fails when there is not exactly one). */
    public static Config onlyManifest(Path output) {
        List<Config> all = manifests(output);
        if (all.size() != 1) {
            throw new AssertionError("expected one run manifest under " + output + ", found " + all.size());
        }
        return all.get(0);
    }
}
