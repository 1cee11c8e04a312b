package org.oncorwe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths the tests need: the repo root (set by surefire as oncorwe.home) and fresh temp folders under target/. */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path home() {
        return Path.of(System.getProperty("oncorwe.home", ".")).toAbsolutePath().normalize();
    }

    /** An empty OncoRWE home with no conf/ (only reference.conf applies). */
    public static Path emptyHome(String prefix) {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree (files and empty folders). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
