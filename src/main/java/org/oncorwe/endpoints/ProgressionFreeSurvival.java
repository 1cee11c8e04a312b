package org.oncorwe.endpoints;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Progression-free survival of one patient by the registry (SMC) and the trial (CLEOPATRA / FDA)
 * definitions (domain-rules §5; decisions 145–147). Assessments come ordered by date.
 */
final class ProgressionFreeSurvival {

    static final String PROGRESSION = "PD";
    static final String DEATH = "DEATH";

    /** Where PFS ends: an event (PD or DEATH) or censoring (eventType null) on {@code end}. */
    record Outcome(LocalDate end, boolean event, String eventType) {

        static Outcome censored(LocalDate end) {
            return new Outcome(end, false, null);
        }

        int days(LocalDate index) {
            return Recist.days(index, end);
        }

        int eventFlag() {
            return event ? 1 : 0;
        }
    }

    private ProgressionFreeSurvival() {
    }

    /**
     * The first PD after index or death, the earlier (PD on the death day: PD), whatever line is
     * running by then; else censored at the effective last contact.
     */
    static Outcome registry(PatientEndpoints.Input in, List<PatientEndpoints.Assessment> byDate) {
        LocalDate pd = firstProgression(in.indexDate(), byDate);
        LocalDate death = in.deathDate();
        if (death != null && (pd == null || death.isBefore(pd))) {
            return new Outcome(death, true, DEATH);
        }
        if (pd != null) {
            return new Outcome(pd, true, PROGRESSION);
        }
        return Outcome.censored(Objects.requireNonNull(in.effectiveLastContact(), "an alive patient needs a last contact"));
    }

    /**
     * PD at its date; death when within the window of the last evaluable assessment before it (or
     * of the index date); else censored at that assessment (the index date when none). With
     * censor-at-next-line only what happens on or before the next line's start counts.
     */
    static Outcome trial(PatientEndpoints.Input in, List<PatientEndpoints.Assessment> byDate, PatientEndpoints.Params p) {
        LocalDate index = in.indexDate();
        LocalDate cut = p.pfsTrialCensorAtNextLine() ? in.nextLineStart() : null;
        LocalDate death = in.deathDate();
        LocalDate lastEvaluable = null;
        for (PatientEndpoints.Assessment a : byDate) {
            LocalDate d = a.date();
            if (!d.isAfter(index) || !Recist.evaluable(a.overallResponse())) {
                continue;
            }
            if ((cut != null && d.isAfter(cut)) || (death != null && d.isAfter(death))) {
                break;
            }
            if (Recist.progression(a.overallResponse())) {
                return new Outcome(d, true, PROGRESSION);
            }
            lastEvaluable = d;
        }
        LocalDate anchor = lastEvaluable == null ? index : lastEvaluable;
        boolean deathCounts = death != null && (cut == null || !death.isAfter(cut))
                && Recist.days(anchor, death) <= p.pfsTrialDeathWindowDays();
        return deathCounts ? new Outcome(death, true, DEATH) : Outcome.censored(anchor);
    }

    /** The date of the first assessment after index with overall PD, or null. */
    static LocalDate firstProgression(LocalDate index, List<PatientEndpoints.Assessment> byDate) {
        for (PatientEndpoints.Assessment a : byDate) {
            if (a.date().isAfter(index) && Recist.progression(a.overallResponse())) {
                return a.date();
            }
        }
        return null;
    }
}
