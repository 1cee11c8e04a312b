package org.oncorwe.stats.tables;

import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.stats.EventCoding;
import org.oncorwe.stats.SurvivalData;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Per-subject rows as read from a file, raw, turned into {@link SurvivalData}: rows with a missing
 * time, event, group or stratum are dropped and counted (R's na.omit); a time that is negative or
 * not a number, or an event outside the column's coding, stops the run naming the row.
 */
public final class SubjectRows {

    /** Survival data with what was read and dropped. */
    public record Loaded(SurvivalData data, long rowsRead, long rowsDropped) {
    }

    private final String source;
    private final InputColumns columns;
    private final List<String[]> raw = new ArrayList<>();

    public SubjectRows(String source, InputColumns columns) {
        this.source = source;
        this.columns = columns;
    }

    public void add(String time, String event, String group, String stratum) {
        raw.add(new String[] {time, event, group, stratum});
    }

    public Loaded load() {
        Set<String> events = new LinkedHashSet<>();
        for (String[] r : raw) {
            if (!EventCoding.isMissing(r[1])) {
                events.add(r[1].trim());
            }
        }
        EventCoding coding = EventCoding.detect(events);
        List<SurvivalData.Row> rows = new ArrayList<>(raw.size());
        long dropped = 0;
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.get(i);
            boolean missing = EventCoding.isMissing(r[0]) || EventCoding.isMissing(r[1])
                    || columns.group() != null && EventCoding.isMissing(r[2])
                    || columns.strata() != null && EventCoding.isMissing(r[3]);
            double time = missing ? Double.NaN : time(r[0], i + 1);
            if (missing || Double.isNaN(time)) {
                dropped++;
                continue;
            }
            Optional<Boolean> event = coding.read(r[1]);
            if (event.isEmpty()) {
                throw new PipelineFailure(source + " row " + (i + 1) + ": event '" + r[1] + "' in column "
                        + columns.event() + " is not one of 0, 1, true, false (or only 1 and 2, as R's Surv reads)");
            }
            rows.add(new SurvivalData.Row(columns.strata() == null ? SurvivalData.NONE : r[3].trim(),
                    columns.group() == null ? SurvivalData.NONE : r[2].trim(), time, event.get() ? 1 : 0,
                    event.get() ? 0 : 1));
        }
        return new Loaded(SurvivalData.ofAggregates(rows), raw.size(), dropped);
    }

    /** A time value; NaN (NA) for R's NaN, which na.omit drops. */
    private double time(String value, int row) {
        double t;
        try {
            t = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new PipelineFailure(source + " row " + row + ": time '" + value + "' in column " + columns.time()
                    + " is not a number");
        }
        if (t < 0 || Double.isInfinite(t)) {
            throw new PipelineFailure(source + " row " + row + ": time " + value.trim() + " in column "
                    + columns.time() + " is " + (t < 0 ? "negative" : "not finite"));
        }
        return t;
    }
}
