package org.oncorwe.endpoints;

import org.oncorwe.ingest.rules.OverallResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One hand-built cohort patient for the endpoint rule tests, every date a day from the index date
 * (2019-01-07): baseline and later assessments (recorded, or derived from their components by
 * ingest's {@link OverallResponse}), the index line's end, the next line, death or the last contact.
 */
final class Story {

    static final LocalDate INDEX = LocalDate.of(2019, 1, 7);

    static final PatientEndpoints.Params CONFIRMED = params(PfsDefinition.REGISTRY, false, ResponseConfirmation.CONFIRMED);
    static final PatientEndpoints.Params CENSOR_AT_NEXT_LINE = params(PfsDefinition.REGISTRY, true, ResponseConfirmation.NONE);
    static final PatientEndpoints.Params DOR_BY_TRIAL_PFS = params(PfsDefinition.TRIAL, false, ResponseConfirmation.NONE);

    private final List<PatientEndpoints.Assessment> assessments = new ArrayList<>();
    private int lineEnd = 120;
    private String nextRegimen;
    private Integer nextLine;
    private Integer death;
    private int lastContact = 900;
    private PatientEndpoints.Params params = PatientEndpoints.Params.defaults();

    private Story() {
    }

    /** A patient with measurable disease at baseline (CT on day −7, measurable = Y). */
    static Story measurable() {
        return new Story().baseline(-7, "Y");
    }

    /** A patient with no assessment at all. */
    static Story unassessed() {
        return new Story();
    }

    static LocalDate day(int day) {
        return INDEX.plusDays(day);
    }

    /** A baseline scan (nothing recorded but measurable: ingest derives NE). */
    Story baseline(int day, String measurable) {
        assessments.add(new PatientEndpoints.Assessment(day(day), "NE", true, measurable));
        return this;
    }

    /** An assessment with a recorded overall response. */
    Story scan(int day, String overallResponse) {
        assessments.add(new PatientEndpoints.Assessment(day(day), overallResponse, false, null));
        return this;
    }

    /** An assessment whose overall response was missing: derived from its components as ingest does. */
    Story components(int day, String target, String nonTarget, String newLesions) {
        assessments.add(new PatientEndpoints.Assessment(day(day), OverallResponse.derive(target, nonTarget, newLesions), true, null));
        return this;
    }

    Story lineEnd(int day) {
        lineEnd = day;
        return this;
    }

    Story nextLine(String regimen, int day) {
        nextRegimen = regimen;
        nextLine = day;
        return this;
    }

    Story death(int day) {
        death = day;
        lastContact = Math.min(lastContact, day);
        return this;
    }

    Story lastContact(int day) {
        lastContact = day;
        return this;
    }

    Story params(PatientEndpoints.Params p) {
        params = p;
        return this;
    }

    PatientEndpoints.Input input() {
        return new PatientEndpoints.Input(INDEX, day(lineEnd), nextRegimen, nextLine == null ? null : day(nextLine),
                death == null ? null : day(death), day(lastContact), List.copyOf(assessments));
    }

    PatientEndpoints.Result endpoints() {
        return PatientEndpoints.of(input(), params);
    }

    /** The defaults but for the three switches of endpoints.*. */
    static PatientEndpoints.Params params(PfsDefinition dorPfs, boolean censorAtNextLine, ResponseConfirmation confirmation) {
        PatientEndpoints.Params d = PatientEndpoints.Params.defaults();
        return new PatientEndpoints.Params(dorPfs, d.pfsTrialDeathWindowDays(), censorAtNextLine, confirmation,
                d.confirmationDays(), d.sdMinDays(), d.measurableBaselineDays(), d.longTermResponderDays());
    }
}
