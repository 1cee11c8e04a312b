package org.oncorwe.cohort;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One patient's disease course (domain-rules §1), in plain Java: breast primary, metastatic
 * date, de novo or relapsed with the relapse context, the disease-free interval, and the
 * metastatic sites at index.
 */
public final class DiseaseCourse {

    /** A tumor_event row as staged. */
    public record Event(LocalDate date, String type, String kcdCode, String stage, String site) implements Serializable {
    }

    /** A surgery row as staged. */
    public record Surgery(LocalDate date, String intent) implements Serializable {
    }

    /** The course's parameters (cohort.* config keys). */
    public record Params(boolean missingKcdIsBreast, int deNovoWindowDays, int sitesAtIndexDays, int gapDays)
            implements Serializable {
        public static Params defaults() {
            return new Params(true, 90, 30, 120);
        }
    }

    /** What the course says; setting, context and DFI are null when not metastatic. */
    public record Course(boolean breastPrimary, LocalDate primaryDate, LocalDate metastaticDate, String diseaseSetting,
                         String relapseContext, Double dfiMonths) implements Serializable {
    }

    private static final Set<String> VISCERAL = Set.of("LIVER", "LUNG", "PLEURA", "PERITONEUM");
    private static final double DAYS_PER_MONTH = 30.4375;

    private DiseaseCourse() {
    }

    /**
     * The metastatic date: min(the breast primary's date if its stage is IV, the earliest
     * METASTASIS). The lines of therapy need it (their metastatic split) before the course exists.
     */
    public static LocalDate metastaticDate(List<Event> events, Params p) {
        Optional<Event> primary = breastPrimary(events, p);
        LocalDate firstMetastasis = events.stream().filter(e -> "METASTASIS".equals(e.type())).map(Event::date)
                .min(LocalDate::compareTo).orElse(null);
        boolean stageIv = primary.map(e -> "IV".equals(e.stage())).orElse(false);
        return stageIv ? min(primary.get().date(), firstMetastasis) : firstMetastasis;
    }

    private static Optional<Event> breastPrimary(List<Event> events, Params p) {
        return events.stream()
                .filter(e -> "PRIMARY_DIAGNOSIS".equals(e.type()))
                .filter(e -> e.kcdCode() == null ? p.missingKcdIsBreast() : e.kcdCode().startsWith("C50"))
                .min(Comparator.comparing(Event::date));
    }

    public static Course of(List<Event> events, List<Surgery> surgeries, List<LinesOfTherapy.Line> lines, Params p) {
        Optional<Event> primary = breastPrimary(events, p);
        LocalDate primaryDate = primary.map(Event::date).orElse(null);
        boolean stageIv = primary.map(e -> "IV".equals(e.stage())).orElse(false);
        LocalDate metastatic = metastaticDate(events, p);
        if (metastatic == null) {
            return new Course(primary.isPresent(), primaryDate, null, null, null, null);
        }
        LocalDate lastCurative = surgeries.stream().filter(s -> "CURATIVE".equals(s.intent()) && s.date().isBefore(metastatic))
                .map(Surgery::date).max(LocalDate::compareTo).orElse(null);
        boolean early = primaryDate != null && ChronoUnit.DAYS.between(primaryDate, metastatic) <= p.deNovoWindowDays();
        if ((stageIv || early) && lastCurative == null) {
            return new Course(primary.isPresent(), primaryDate, metastatic, "DE_NOVO", null, null);
        }
        String context;
        Double dfi = null;
        if (lastCurative != null) {
            context = "CURATIVE_SURGERY";
            dfi = ChronoUnit.DAYS.between(lastCurative, metastatic) / DAYS_PER_MONTH;
        } else {
            context = neoadjuvantProgression(lines, p) ? "NEOADJUVANT_PROGRESSION" : "UNKNOWN";
        }
        return new Course(primary.isPresent(), primaryDate, metastatic, "RELAPSED", context, dfi);
    }

    /** A PERIOPERATIVE line cut by the metastatic split: the next (METASTATIC) line began < 120 days after it (decision 61). */
    private static boolean neoadjuvantProgression(List<LinesOfTherapy.Line> lines, Params p) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            LinesOfTherapy.Line line = lines.get(i);
            LinesOfTherapy.Line next = lines.get(i + 1);
            if (line.setting().equals("PERIOPERATIVE") && next.setting().equals("METASTATIC")
                    && ChronoUnit.DAYS.between(line.end(), next.start()) < p.gapDays()) {
                return true;
            }
        }
        return false;
    }

    /** Metastatic sites at index: METASTASIS events dated on or before index + the sites window. */
    public static Set<String> sitesAtIndex(List<Event> events, LocalDate index, Params p) {
        java.util.TreeSet<String> sites = new java.util.TreeSet<>();
        for (Event e : events) {
            if ("METASTASIS".equals(e.type()) && e.site() != null && !e.date().isAfter(index.plusDays(p.sitesAtIndexDays()))) {
                sites.add(e.site());
            }
        }
        return sites;
    }

    public static boolean visceral(Set<String> sites) {
        return sites.stream().anyMatch(VISCERAL::contains);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
