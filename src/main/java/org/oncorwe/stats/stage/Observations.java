package org.oncorwe.stats.stage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one cohort patient contributes to the stats stage (plain Java, run per patient inside
 * Spark): per endpoint and factor a (level, time in days, event) observation, and per compared
 * endpoint one covariate pattern for the study's adjusted Cox model. Spark then only counts them
 * per (endpoint, factor, level, day). The landmark rules of os_lm126 and os_lm1066 are here.
 */
public final class Observations {

    /**
     * One patient: per factor its level (null when missing; booleans as {@code false}/{@code true});
     * OS, PFS, trial PFS in days with their 0/1 events, DoR (null unless a responder), responder
     * (null without measurable disease), docetaxel dates of the index line in the whole line
     * ({@code docetaxelDates}) and in [0, os_landmark_docetaxel_days) ({@code docetaxelDatesBeforeLandmark}),
     * and index line days (index_line_end − index_date).
     */
    public record Patient(Map<String, String> levels, int osDays, int osEvent, int pfsDays, int pfsEvent,
                          int pfsTrialDays, int pfsTrialEvent, Integer dorDays, Integer dorEvent, Boolean responder,
                          Integer docetaxelDates, int docetaxelDatesBeforeLandmark, Integer indexLineDays) {
    }

    /** One patient's contribution to one (endpoint, factor) curve: level null when missing. */
    public record Observation(String endpoint, String factor, String level, int time, boolean event) implements Serializable {
    }

    /** One patient's covariate pattern for the comparison model: stratum and levels (comparison factor first, then adjust). */
    public record Pattern(String endpoint, String stratum, List<String> levels, int time, boolean event) implements Serializable {
    }

    /** A landmark subject: time from the landmark, event, and the group. */
    public record Landmarked(int time, boolean event, String level) {
    }

    private Observations() {
    }

    /**
     * os_lm126: patients with os_days ≥ the landmark, time from the landmark, grouped by the
     * docetaxel dates in [0, landmark) of the index line ({@code >=6} / {@code <6}); the group is
     * null without docetaxel in the index line. Null when the patient is not at risk at the landmark.
     */
    public static Landmarked docetaxelLandmark(Patient p, int landmarkDays) {
        if (p.osDays() < landmarkDays) {
            return null;
        }
        String level = p.docetaxelDates() == null || p.docetaxelDates() == 0 ? null
                : p.docetaxelDatesBeforeLandmark() >= 6 ? ">=6" : "<6";
        return new Landmarked(p.osDays() - landmarkDays, p.osEvent() == 1, level);
    }

    /**
     * os_lm1066: responders with os_days ≥ the landmark, time from the landmark, grouped by whether
     * the index line was still going then (index line days ≥ the landmark, as long_term_responder
     * is defined). Null for a non-responder (or unknown response) or a patient not at risk then.
     */
    public static Landmarked responderLandmark(Patient p, int landmarkDays) {
        if (!Boolean.TRUE.equals(p.responder()) || p.osDays() < landmarkDays) {
            return null;
        }
        String level = p.indexLineDays() == null ? null : String.valueOf(p.indexLineDays() >= landmarkDays);
        return new Landmarked(p.osDays() - landmarkDays, p.osEvent() == 1, level);
    }

    /** Every observation of one patient of {@code study}, in endpoint then factor order. */
    public static List<Observation> of(Patient p, String study, StatsSettings s) {
        List<Observation> out = new ArrayList<>();
        List<String> factors = s.factors(study);
        add(out, p, Endpoint.OS, factors, p.osDays(), p.osEvent() == 1);
        add(out, p, Endpoint.PFS, factors, p.pfsDays(), p.pfsEvent() == 1);
        add(out, p, Endpoint.PFS_TRIAL, factors, p.pfsTrialDays(), p.pfsTrialEvent() == 1);
        if (p.dorDays() != null && p.dorEvent() != null) {
            add(out, p, Endpoint.DOR, factors, p.dorDays(), p.dorEvent() == 1);
        }
        landmark(out, Endpoint.OS_LM126, Endpoint.DOCETAXEL_GE6, docetaxelLandmark(p, s.docetaxelLandmarkDays()));
        landmark(out, Endpoint.OS_LM1066, Endpoint.INDEX_LINE_ONGOING, responderLandmark(p, s.responderLandmarkDays()));
        // follow-up: the reverse Kaplan-Meier, censorings as the events
        add(out, p, Endpoint.FOLLOWUP, factors, p.osDays(), p.osEvent() != 1);
        return out;
    }

    /** The comparison model's patterns of one patient (none without a comparison for the study). */
    public static List<Pattern> patterns(Patient p, Comparison c) {
        List<Pattern> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        List<String> levels = new ArrayList<>();
        levels.add(p.levels().get(c.factor()));
        c.adjust().forEach(f -> levels.add(p.levels().get(f)));
        String stratum = p.levels().get(c.strata());
        for (String endpoint : c.endpoints()) {
            switch (endpoint) {
                case Endpoint.OS -> out.add(new Pattern(endpoint, stratum, levels, p.osDays(), p.osEvent() == 1));
                case Endpoint.PFS -> out.add(new Pattern(endpoint, stratum, levels, p.pfsDays(), p.pfsEvent() == 1));
                case Endpoint.PFS_TRIAL -> out.add(new Pattern(endpoint, stratum, levels, p.pfsTrialDays(),
                        p.pfsTrialEvent() == 1));
                case Endpoint.DOR -> {
                    if (p.dorDays() != null && p.dorEvent() != null) {
                        out.add(new Pattern(endpoint, stratum, levels, p.dorDays(), p.dorEvent() == 1));
                    }
                }
                default -> throw new IllegalArgumentException("not a compared endpoint: " + endpoint);
            }
        }
        return out;
    }

    private static void add(List<Observation> out, Patient p, String endpoint, List<String> factors, int time,
                            boolean event) {
        out.add(new Observation(endpoint, Endpoint.FACTOR_ALL, Endpoint.FACTOR_ALL, time, event));
        for (String f : factors) {
            out.add(new Observation(endpoint, f, p.levels().get(f), time, event));
        }
    }

    private static void landmark(List<Observation> out, String endpoint, String factor, Landmarked l) {
        if (l != null) {
            out.add(new Observation(endpoint, Endpoint.FACTOR_ALL, Endpoint.FACTOR_ALL, l.time(), l.event()));
            out.add(new Observation(endpoint, factor, l.level(), l.time(), l.event()));
        }
    }
}
