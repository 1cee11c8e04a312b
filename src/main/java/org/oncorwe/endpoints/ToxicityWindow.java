package org.oncorwe.endpoints;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * One patient's toxicity window (domain-rules §6): labs and measurements count in (index, end],
 * recorded AEs with onset in [index, end]; a baseline is the latest reading in [index − days, index].
 */
record ToxicityWindow(LocalDate index, LocalDate end) {

    /** A lab or measurement of this day counts: in (index, end]. */
    boolean countsSampleOn(LocalDate day) {
        return day.isAfter(index) && !day.isAfter(end);
    }

    /** A recorded AE with this onset counts: in [index, end] (index-day AEs count). */
    boolean countsOnset(LocalDate onset) {
        return !onset.isBefore(index) && !onset.isAfter(end);
    }

    /**
     * The baseline: of the readings dated in [index − days, index], those that may be the latest (on the
     * latest day, the latest timed ones and every date-only one, which cannot be ordered among them), and
     * of these the worse (decision 121); null when there is none.
     */
    Reading baseline(List<Reading> readings, int days, Comparator<Reading> worseFirst) {
        LocalDate from = index.minusDays(days);
        List<Reading> before = readings.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(index)).toList();
        LocalDate lastDay = before.stream().map(Reading::day).max(Comparator.naturalOrder()).orElse(null);
        if (lastDay == null) {
            return null;
        }
        LocalDateTime lastTime = before.stream().filter(r -> r.day().equals(lastDay) && r.timeKnown()).map(Reading::at)
                .max(Comparator.naturalOrder()).orElse(null);
        return before.stream().filter(r -> r.day().equals(lastDay) && (!r.timeKnown() || r.at().equals(lastTime)))
                .min(worseFirst).orElseThrow();
    }

    /**
     * The onsets of one term: every reading in the window graded against the baseline (its missing limits
     * taken from the reading, decision 122) by {@code counted}, which returns 0 for a grade that does not count.
     */
    List<TermOnset> gradedOnsets(String term, List<Reading> readings, int baselineDays, Comparator<Reading> worseFirst,
                                 ToIntBiFunction<Reading, Reading> counted) {
        Reading baseline = baseline(readings, baselineDays, worseFirst);
        List<TermOnset> out = new ArrayList<>();
        for (Reading r : readings) {
            if (countsSampleOn(r.day())) {
                int grade = counted.applyAsInt(r, baseline == null ? null : baseline.orRangeOf(r));
                if (grade > 0) {
                    out.add(TermOnset.derived(term, r.day(), grade));
                }
            }
        }
        return out;
    }
}
