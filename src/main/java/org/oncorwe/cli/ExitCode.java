package org.oncorwe.cli;

/** Process exit codes of every subcommand. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILED = 1;
    /** Bad command line or configuration. */
    public static final int USAGE = 2;
    public static final int NOT_IMPLEMENTED = 3;

    private ExitCode() {
    }
}
