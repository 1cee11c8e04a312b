package org.oncorwe.runtime;

/** A subcommand whose stage is not built yet; the CLI exits 3 (and still writes the run manifest). */
public final class NotImplementedYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotImplementedYet(String what) {
        super(what);
    }
}
