package org.oncorwe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repo's shell scripts (jobs/) as a user would, with a controlled environment. */
public final class Scripts {

    /** What a script printed and exited with. */
    public record Result(int exitCode, String out, String err) {
    }

    private Scripts() {
    }

    public static Result run(Path workDir, Map<String, String> env, List<String> command) {
        return run(workDir, env, command, Duration.ofMinutes(5));
    }

    /** As {@link #run(Path, Map, List)}, failing when the script takes longer than the timeout. */
    public static Result run(Path workDir, Map<String, String> env, List<String> command, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
            pb.environment().remove("ONCORWE_HOME");
            pb.environment().remove("MVN");
            pb.environment().putAll(env);
            // captured under java.io.tmpdir (target/tmp), never in the tree the script runs in
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path out = Files.createTempFile(tmp, "script-stdout", ".txt");
            Path err = Files.createTempFile(tmp, "script-stderr", ".txt");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Starts a script without waiting (a test that kills it), its output to {@code out} and {@code err};
     * the environment as for {@link #run(Path, Map, List)}.
     */
    public static Process start(Path workDir, Map<String, String> env, List<String> command, Path out, Path err) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
            pb.environment().remove("ONCORWE_HOME");
            pb.environment().remove("MVN");
            pb.environment().putAll(env);
            return pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a file exists (a hook's marker), failing after the timeout or when {@code process} ends first. */
    public static void awaitFile(Path file, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before " + file + " appeared");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not appear within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Writes an executable bash script. */
    public static Path writeExecutable(Path file, String body) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
