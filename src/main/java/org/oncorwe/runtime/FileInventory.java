package org.oncorwe.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of an input folder with their sizes and sha256, in path order, and the folder's
 * fingerprint: sha256 over the sorted (relative path, sha256) pairs. Streams each file; none
 * is read whole into memory.
 */
public final class FileInventory {

    /** One input file; {@code path} is relative to the inventoried folder, '/'-separated. */
    public record Entry(String path, long size, String sha256) {
    }

    private FileInventory() {
    }

    public static List<Entry> of(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> new Entry(relative(root, f), size(f), sha256(f)))
                    .sorted(java.util.Comparator.comparing(Entry::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    public static String fingerprint(List<Entry> entries) {
        MessageDigest digest = sha256Digest();
        entries.stream().sorted(java.util.Comparator.comparing(Entry::path)).forEach(e ->
                digest.update((e.path() + "\t" + e.sha256() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(Path file) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
