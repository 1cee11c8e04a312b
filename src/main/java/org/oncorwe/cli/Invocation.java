package org.oncorwe.cli;

import org.oncorwe.config.EnvironmentMapping;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one command invocation runs in: its environment, the OncoRWE home (repo or install
 * root, where conf/ and sample-data/ live) and its output streams. Tests make their own.
 */
public record Invocation(Map<String, String> environment, Path home, PrintWriter out, PrintWriter err) {

    public Invocation {
        environment = Map.copyOf(environment);
        home = home.toAbsolutePath().normalize();
    }

    /** The real process: home from -Doncorwe.home, else ONCORWE_HOME, else the working directory. */
    public static Invocation fromSystem() {
        Map<String, String> env = System.getenv();
        String home = System.getProperty("oncorwe.home", env.getOrDefault(EnvironmentMapping.HOME, "."));
        return new Invocation(env, Path.of(home), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** A path from the configuration: absolute as given, else relative to the home. (Command-line paths are relative to the working directory.) */
    public Path fromHome(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : home.resolve(p).normalize();
    }
}
