package org.oncorwe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
            pb.environment().remove("ONCORWE_HOME");
            pb.environment().remove("MVN");
            pb.environment().putAll(env);
            // Captures go to the test temp dir (target/tmp), never into the working directory (the repo root).
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path out = Files.createTempFile(tmp, "stdout", ".txt");
            Path err = Files.createTempFile(tmp, "stderr", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result result = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
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
