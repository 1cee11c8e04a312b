package org.oncorwe.endpoints;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Febrile neutropenia, grade 3 (domain-rules §6): an ANC below 1.0 × 10⁹/L at time t in the window
 * and, in [t − 24 h, t + 24 h], a temperature above 38.3 °C (rounded to 0.1 °C), or timed readings
 * ≥ 38.0 °C spanning more than 60 minutes with none below 38.0 °C between them. A date-only ANC or
 * temperature pairs by calendar day (± 1) and only by the single reading. Onset = the ANC's date
 * (decision 125).
 */
final class FebrileNeutropenia {

    static final String TERM = "Febrile neutropenia";
    static final String TEMPERATURE = "BODY_TEMPERATURE";
    private static final int TEMPERATURE_SCALE = 1;
    private static final BigDecimal NEUTROPENIC_BELOW = new BigDecimal("1.0");
    private static final BigDecimal FEVER_ABOVE = new BigDecimal("38.3");
    private static final BigDecimal SUSTAINED_FROM = new BigDecimal("38.0");
    private static final Duration SUSTAINED_LONGER_THAN = Duration.ofMinutes(60);
    private static final Duration AROUND = Duration.ofHours(24);
    private static final long AROUND_DAYS = 1;

    private FebrileNeutropenia() {
    }

    /** One grade-3 onset per neutropenic ANC sample in the window with a fever around it. */
    static List<TermOnset> onsets(List<Reading> anc, List<Toxicity.Measurement> measurements, ToxicityWindow window) {
        List<Reading> temperatures = Reading.ofMeasurements(measurements, TEMPERATURE, TEMPERATURE_SCALE);
        List<TermOnset> out = new ArrayList<>();
        for (Reading a : anc) {
            if (window.countsSampleOn(a.day()) && a.value().compareTo(NEUTROPENIC_BELOW) < 0 && feverAround(a, temperatures)) {
                out.add(TermOnset.derived(TERM, a.day(), 3));
            }
        }
        return out;
    }

    private static boolean feverAround(Reading anc, List<Reading> temperatures) {
        List<Reading> near = temperatures.stream().filter(t -> near(anc, t)).toList();
        return near.stream().anyMatch(t -> t.value().compareTo(FEVER_ABOVE) > 0)
                || anc.timeKnown() && sustained(near.stream().filter(Reading::timeKnown).toList());
    }

    /** Within ± 24 h when both times are known, else within ± 1 calendar day. */
    private static boolean near(Reading anc, Reading temperature) {
        if (anc.timeKnown() && temperature.timeKnown()) {
            return Duration.between(anc.at(), temperature.at()).abs().compareTo(AROUND) <= 0;
        }
        return Math.abs(ChronoUnit.DAYS.between(anc.day(), temperature.day())) <= AROUND_DAYS;
    }

    /**
     * Readings ≥ 38.0 °C from a first to a last more than 60 minutes later, with no reading below 38.0 °C
     * strictly between them. Readings of one instant are taken together: a low one ends a run there and an
     * elevated one of the same instant may start the next.
     */
    private static boolean sustained(List<Reading> timed) {
        TreeMap<LocalDateTime, List<Reading>> byInstant = timed.stream()
                .collect(Collectors.groupingBy(Reading::at, TreeMap::new, Collectors.toList()));
        LocalDateTime runStart = null;
        for (Map.Entry<LocalDateTime, List<Reading>> instant : byInstant.entrySet()) {
            boolean elevated = instant.getValue().stream().anyMatch(FebrileNeutropenia::elevated);
            boolean low = instant.getValue().stream().anyMatch(r -> !elevated(r));
            if (elevated && runStart != null && Duration.between(runStart, instant.getKey()).compareTo(SUSTAINED_LONGER_THAN) > 0) {
                return true;
            }
            if (low) {
                runStart = elevated ? instant.getKey() : null;
            } else if (runStart == null) { // an instant without a low reading is an elevated one
                runStart = instant.getKey();
            }
        }
        return false;
    }

    private static boolean elevated(Reading temperature) {
        return temperature.value().compareTo(SUSTAINED_FROM) >= 0;
    }
}
