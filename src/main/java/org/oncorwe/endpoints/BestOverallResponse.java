package org.oncorwe.endpoints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Best overall response (RECIST 1.1, domain-rules §5; decisions 140–143, 150) from the assessments in
 * (index, min(first PD, next line start)]: CR &gt; PR &gt; SD = NON_CR_NON_PD &gt; PD &gt; NE, SD and
 * NON_CR_NON_PD only from {@code sdMinDays} after index, CR/PR confirmed when asked.
 */
final class BestOverallResponse {

    /**
     * The best response, the date of the first CR/PR that counted (null when none), and for each
     * assessment (in the order given) whether it counted for the best response.
     */
    record Result(String best, LocalDate firstResponse, List<Boolean> counted) {
        Result {
            counted = List.copyOf(counted);
        }
    }

    private static final Map<String, Integer> RANK = Map.of(Recist.CR, 4, Recist.PR, 3, Recist.SD, 2, Recist.NON_CR_NON_PD, 2,
            Recist.PD, 1);

    private BestOverallResponse() {
    }

    /** Over the patient's assessments ordered by date. */
    static Result of(LocalDate index, LocalDate nextLineStart, List<PatientEndpoints.Assessment> byDate,
                     PatientEndpoints.Params p) {
        List<PatientEndpoints.Assessment> window = window(index, nextLineStart, byDate);
        List<Boolean> counted = new ArrayList<>();
        String best = Recist.NE;
        boolean anySd = false;
        LocalDate firstResponse = null;
        int w = 0;
        for (PatientEndpoints.Assessment a : byDate) {
            String level = null;
            if (w < window.size() && window.get(w) == a) {
                level = countsAs(window, w++, index, p);
            }
            counted.add(level != null);
            if (level == null) {
                continue;
            }
            anySd |= level.equals(Recist.SD);
            firstResponse = firstResponse == null && Recist.response(level) ? a.date() : firstResponse;
            best = RANK.get(level) > RANK.getOrDefault(best, 0) ? level : best;
        }
        return new Result(Recist.stable(best) && anySd ? Recist.SD : best, firstResponse, counted);
    }

    /**
     * The assessments in (index, end], end = min(first PD, next line start); on the first PD's day
     * only PD rows (a time point with progression is progression, decision 141).
     */
    private static List<PatientEndpoints.Assessment> window(LocalDate index, LocalDate nextLineStart,
                                                            List<PatientEndpoints.Assessment> byDate) {
        LocalDate pd = ProgressionFreeSurvival.firstProgression(index, byDate);
        LocalDate end = pd == null || (nextLineStart != null && nextLineStart.isBefore(pd)) ? nextLineStart : pd;
        List<PatientEndpoints.Assessment> in = new ArrayList<>();
        for (PatientEndpoints.Assessment a : byDate) {
            boolean inside = a.date().isAfter(index) && (end == null || !a.date().isAfter(end));
            boolean overtakenByPd = a.date().equals(pd) && a.date().equals(end) && !Recist.progression(a.overallResponse());
            if (inside && !overtakenByPd) {
                in.add(a);
            }
        }
        return in;
    }

    /** What window assessment {@code i} counts as (CR, PR, SD, NON_CR_NON_PD or PD), or null when it does not qualify. */
    private static String countsAs(List<PatientEndpoints.Assessment> window, int i, LocalDate index, PatientEndpoints.Params p) {
        PatientEndpoints.Assessment a = window.get(i);
        String r = a.overallResponse();
        boolean lateEnough = Recist.days(index, a.date()) >= p.sdMinDays();
        if (Recist.progression(r)) {
            return r;
        }
        if (Recist.stable(r)) {
            return lateEnough ? r : null;
        }
        if (!Recist.response(r)) {
            return null; // NE or missing
        }
        String confirmed = p.confirmation() == ResponseConfirmation.NONE ? r : confirmed(window, i, p.confirmationDays());
        return confirmed != null ? confirmed : lateEnough ? Recist.SD : null;
    }

    /**
     * The response window assessment {@code i} (CR or PR) is confirmed as: a later CR/PR in the
     * window at least {@code days} on, with only CR, PR or NE between, confirms it; a CR stays CR
     * only when confirmed by a CR with only CR or NE between, else it is a confirmed PR (decision 143).
     */
    private static String confirmed(List<PatientEndpoints.Assessment> window, int i, int days) {
        PatientEndpoints.Assessment first = window.get(i);
        boolean onlyCrBetween = true;
        for (int j = i + 1; j < window.size(); j++) {
            PatientEndpoints.Assessment later = window.get(j);
            String r = later.overallResponse();
            if (Recist.response(r) && Recist.days(first.date(), later.date()) >= days) {
                boolean stillComplete = first.overallResponse().equals(Recist.CR) && r.equals(Recist.CR) && onlyCrBetween;
                return stillComplete ? Recist.CR : Recist.PR;
            }
            if (Recist.stable(r) || Recist.progression(r)) {
                return null;
            }
            onlyCrBetween &= !Recist.PR.equals(r);
        }
        return null;
    }
}
