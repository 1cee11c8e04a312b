package org.oncorwe.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The pipeline's stages in run order; {@code built} says which ones {@code run} can execute yet. */
public enum Stage {
    INGEST(true),
    COHORT(true),
    ENDPOINTS(true),
    STATS(true),
    REPORT(true);

    private final boolean built;

    Stage(boolean built) {
        this.built = built;
    }

    public boolean isBuilt() {
        return built;
    }

    /** The subcommand name ({@code ingest}). */
    public String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<Stage> pending() {
        return Arrays.stream(values()).filter(s -> !s.built).toList();
    }
}
