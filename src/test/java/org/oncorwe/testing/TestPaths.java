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

    /** The sha-256 of a file's bytes, in hex. */
    public static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every regular file under {@code root} whose path relative to it {@code include} accepts → the
     * sha-256 of its bytes, with its modification time after a space when {@code withTime}.
     */
    public static java.util.Map<String, String> digests(Path root, java.util.function.Predicate<String> include, boolean withTime) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                if (include.test(rel)) {
                    files.put(rel, sha256(f) + (withTime ? " " + Files.getLastModifiedTime(f) : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
