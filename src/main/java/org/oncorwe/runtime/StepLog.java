package org.oncorwe.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The one INFO progress line each stage logs per step, in a fixed, greppable form:
 * {@code stage=ingest step=parse rows_in=1000 rows_out=998 seconds=1.234}. Counts only:
 * never a value from a row.
 */
public final class StepLog {

    private static final Logger LOG = LoggerFactory.getLogger("org.oncorwe.progress");

    private final String stage;
    private long started = System.nanoTime();

    private StepLog(String stage) {
        this.stage = stage;
    }

    public static StepLog of(String stage) {
        return new StepLog(stage);
    }

    /** Logs the step that ends now (timed from the previous step's end, or from creation) and starts the next. */
    public String step(String step, long rowsIn, long rowsOut) {
        long now = System.nanoTime();
        String line = format(stage, step, rowsIn, rowsOut, (now - started) / 1e9);
        started = now;
        LOG.info(line);
        return line;
    }

    static String format(String stage, String step, long rowsIn, long rowsOut, double seconds) {
        return String.format(Locale.ROOT, "stage=%s step=%s rows_in=%d rows_out=%d seconds=%.3f",
                stage, step, rowsIn, rowsOut, seconds);
    }
}
