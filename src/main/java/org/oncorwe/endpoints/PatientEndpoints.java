package org.oncorwe.endpoints;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One cohort patient's endpoints (domain-rules §5), in plain Java: OS, PFS by the registry and the
 * trial definitions, measurable disease at baseline, best overall response, responder, duration
 * of response, long-term responder, the next line, and every assessment as tumor_response reads it.
 * All days are counted from the index date.
 */
public final class PatientEndpoints {

    /** One accepted tumour assessment as staged: overall_response already derived by ingest when it was missing. */
    public record Assessment(LocalDate date, String overallResponse, boolean derived, String measurable) implements Serializable {
    }

    /** The endpoints.* settings. */
    public record Params(PfsDefinition dorPfs, int pfsTrialDeathWindowDays, boolean pfsTrialCensorAtNextLine,
                         ResponseConfirmation confirmation, int confirmationDays, int sdMinDays, int measurableBaselineDays,
                         int longTermResponderDays) implements Serializable {
        public static Params defaults() {
            return new Params(PfsDefinition.REGISTRY, 126, false, ResponseConfirmation.NONE, 28, 42, 42, 1066);
        }

        public static Params from(OncoRweConfig c) {
            return new Params(c.get(ConfigKeys.ENDPOINTS_DOR_PFS), c.get(ConfigKeys.ENDPOINTS_PFS_TRIAL_DEATH_WINDOW_DAYS),
                    c.get(ConfigKeys.ENDPOINTS_PFS_TRIAL_CENSOR_AT_NEXT_LINE), c.get(ConfigKeys.ENDPOINTS_BOR_CONFIRMATION),
                    c.get(ConfigKeys.ENDPOINTS_BOR_CONFIRMATION_DAYS), c.get(ConfigKeys.ENDPOINTS_BOR_SD_MIN_DAYS),
                    c.get(ConfigKeys.ENDPOINTS_MEASURABLE_BASELINE_DAYS), c.get(ConfigKeys.ENDPOINTS_LONG_TERM_RESPONDER_DAYS));
        }
    }

    /**
     * What the rules read of one cohort patient: the index date and index line end (its last
     * administration), the next line (null when none), death and the effective last contact, and
     * every accepted assessment (any order).
     */
    public record Input(LocalDate indexDate, LocalDate indexLineEnd, String nextLineRegimen, LocalDate nextLineStart,
                        LocalDate deathDate, LocalDate effectiveLastContact, List<Assessment> assessments) implements Serializable {
    }

    /** One row of tumor_response (study and patient_key are the caller's). */
    public record Response(LocalDate date, int daysFromIndex, String overallResponse, boolean derived, boolean countedForBor)
            implements Serializable {
    }

    /**
     * One row of endpoints (study, patient_key and the months are the caller's). Events are 0/1;
     * pfsEventType PD / DEATH / null; responder null when not measurable; DoR null for
     * non-responders; longTermResponder null when not measurable (as responder), false for other non-responders.
     */
    public record Result(int osDays, int osEvent, int pfsDays, int pfsEvent, String pfsEventType, int pfsTrialDays,
                         int pfsTrialEvent, boolean measurable, String bestResponse, Boolean responder, Integer dorDays,
                         Integer dorEvent, Boolean longTermResponder, String nextLineRegimen, LocalDate nextLineStart,
                         List<Response> responses) implements Serializable {
    }

    private PatientEndpoints() {
    }

    /** The endpoints of one cohort patient (domain-rules §5; what the spec left open: decisions 140–152). */
    public static Result of(Input in, Params p) {
        LocalDate index = in.indexDate();
        List<Assessment> byDate = new ArrayList<>(in.assessments());
        byDate.sort(Comparator.comparing(Assessment::date)
                .thenComparing(Assessment::overallResponse, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Assessment::derived)
                .thenComparing(Assessment::measurable, Comparator.nullsFirst(Comparator.naturalOrder())));
        LocalDate osEnd = in.deathDate() != null ? in.deathDate() : in.effectiveLastContact();
        ProgressionFreeSurvival.Outcome registry = ProgressionFreeSurvival.registry(in, byDate);
        ProgressionFreeSurvival.Outcome trial = ProgressionFreeSurvival.trial(in, byDate, p);
        boolean measurable = measurable(index, byDate, p.measurableBaselineDays());
        BestOverallResponse.Result bor = BestOverallResponse.of(index, in.nextLineStart(), byDate, p);
        Boolean responder = measurable ? Recist.response(bor.best()) : null;
        Integer dorDays = null;
        Integer dorEvent = null;
        if (Boolean.TRUE.equals(responder)) {
            ProgressionFreeSurvival.Outcome end = p.dorPfs() == PfsDefinition.REGISTRY ? registry : trial;
            dorDays = Math.max(0, Recist.days(bor.firstResponse(), end.end()));
            dorEvent = end.eventFlag();
        }
        Boolean longTerm = responder == null ? null : responder && in.indexLineEnd() != null
                && Recist.days(index, in.indexLineEnd()) >= p.longTermResponderDays();
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < byDate.size(); i++) {
            Assessment a = byDate.get(i);
            responses.add(new Response(a.date(), Recist.days(index, a.date()), a.overallResponse(), a.derived(),
                    bor.counted().get(i)));
        }
        return new Result(Recist.days(index, osEnd), in.deathDate() != null ? 1 : 0, registry.days(index), registry.eventFlag(),
                registry.eventType(), trial.days(index), trial.eventFlag(), measurable, bor.best(), responder, dorDays, dorEvent,
                longTerm, in.nextLineRegimen(), in.nextLineStart(), List.copyOf(responses));
    }

    /** Measurable disease at baseline: an assessment in [index − baselineDays, index] with measurable = Y. */
    private static boolean measurable(LocalDate index, List<Assessment> assessments, int baselineDays) {
        LocalDate from = index.minusDays(baselineDays);
        return assessments.stream().anyMatch(a -> "Y".equals(a.measurable()) && !a.date().isBefore(from) && !a.date().isAfter(index));
    }
}
