package org.oncorwe.endpoints;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Best overall response (domain-rules §5, decisions 140–143, 150) through {@link PatientEndpoints#of}:
 * the window (index, min(first PD, next line start)], SD from day 42, the order of responses,
 * derived responses, and CONFIRMED mode. Days are from the index date (see {@link Story}).
 */
@Tag("unit")
class BestOverallResponseTest {

    private static List<Boolean> counted(PatientEndpoints.Result r) {
        return r.responses().stream().map(PatientEndpoints.Response::countedForBor).toList();
    }

    @Test
    void stableDiseaseQualifiesFromDay42NotOnDay41() {
        PatientEndpoints.Result day41 = Story.measurable().scan(41, "SD").endpoints();
        assertEquals("NE", day41.bestResponse());
        assertEquals(List.of(false, false), counted(day41));
        PatientEndpoints.Result day42 = Story.measurable().scan(42, "SD").endpoints();
        assertEquals("SD", day42.bestResponse());
        assertEquals(List.of(false, true), counted(day42));
        assertEquals(false, day41.responder());
        assertEquals(false, day42.responder());
    }

    @Test
    void earlyStableDiseaseThenProgressionIsProgression() {
        PatientEndpoints.Result r = Story.measurable().scan(41, "SD").scan(90, "PD").endpoints();
        assertEquals("PD", r.bestResponse());
        assertEquals(List.of(false, false, true), counted(r));
    }

    @Test
    void progressionCountsWhateverTheDay() {
        assertEquals("PD", Story.measurable().scan(20, "PD").endpoints().bestResponse());
    }

    @Test
    void partialResponseThenProgressionIsPartialResponse() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "PR").scan(112, "SD").scan(168, "PD").endpoints();
        assertEquals("PR", r.bestResponse());
        assertEquals(true, r.responder());
        assertEquals(List.of(false, true, true, true), counted(r));
    }

    @Test
    void completeBeatsPartialBeatsStable() {
        assertEquals("CR", Story.measurable().scan(56, "PR").scan(112, "CR").scan(168, "SD").endpoints().bestResponse());
        assertEquals("PR", Story.measurable().scan(56, "SD").scan(112, "PR").endpoints().bestResponse());
    }

    @Test
    void nonCrNonPdCountsFromDay42LikeStableDisease() {
        assertEquals("NE", Story.unassessed().baseline(-7, "N").scan(41, "NON_CR_NON_PD").endpoints().bestResponse());
        PatientEndpoints.Result r = Story.unassessed().baseline(-7, "N").scan(42, "NON_CR_NON_PD").endpoints();
        assertEquals("NON_CR_NON_PD", r.bestResponse());
        assertEquals(false, r.measurable());
        assertEquals(null, r.responder());
    }

    @Test
    void stableDiseaseIsReportedOverNonCrNonPdOfTheSameRank() {
        assertEquals("SD", Story.measurable().scan(56, "NON_CR_NON_PD").scan(112, "SD").scan(168, "NON_CR_NON_PD").endpoints()
                .bestResponse());
    }

    @Test
    void noPostBaselineAssessmentIsNotEvaluable() {
        PatientEndpoints.Result r = Story.measurable().endpoints();
        assertEquals("NE", r.bestResponse());
        assertEquals(true, r.measurable());
        assertEquals(false, r.responder());
        assertEquals(List.of(false), counted(r));
        assertEquals("NE", Story.unassessed().endpoints().bestResponse());
    }

    @Test
    void notEvaluableAssessmentsDoNotQualify() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "NE").scan(112, null).endpoints();
        assertEquals("NE", r.bestResponse());
        assertEquals(List.of(false, false, false), counted(r));
    }

    @Test
    void derivedResponsesCountAsRecordedOnes() {
        // target CR, non-target NOT_APPLICABLE, new lesions N -> CR
        PatientEndpoints.Result cr = Story.measurable().components(91, "CR", "NOT_APPLICABLE", "N").endpoints();
        assertEquals("CR", cr.bestResponse());
        assertEquals(true, cr.responses().get(1).derived());
        assertEquals("CR", cr.responses().get(1).overallResponse());
        // target NOT_APPLICABLE, non-target CR, new lesions N -> CR (no target lesions: not measurable, responder null)
        assertEquals("CR", Story.unassessed().baseline(-7, "N").components(91, "NOT_APPLICABLE", "CR", "N").endpoints()
                .bestResponse());
        // target PD beats everything
        assertEquals("PD", Story.measurable().components(60, "SD", "NON_CR_NON_PD", "Y").endpoints().bestResponse());
    }

    @Test
    void derivedCompleteResponseWithoutAnExplicitNoNewLesionsIsNotComplete() {
        // target CR with non-target CR but new lesions missing or UNKNOWN -> PR (other target CR)
        assertEquals("PR", Story.measurable().components(91, "CR", "CR", null).endpoints().bestResponse());
        assertEquals("PR", Story.measurable().components(91, "CR", "NOT_APPLICABLE", "UNKNOWN").endpoints().bestResponse());
        // no target lesions, non-target CR without N -> NON_CR_NON_PD
        PatientEndpoints.Result r = Story.unassessed().baseline(-7, "N").components(91, "NOT_APPLICABLE", "CR", null).endpoints();
        assertEquals("NON_CR_NON_PD", r.responses().get(1).overallResponse());
        assertEquals("NON_CR_NON_PD", r.bestResponse());
        assertEquals("NON_CR_NON_PD", Story.unassessed().components(91, "NOT_APPLICABLE", "CR", "UNKNOWN").endpoints()
                .bestResponse());
    }

    @Test
    void theFirstProgressionClosesTheWindow() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(112, "PD").scan(168, "PR").scan(224, "PD").endpoints();
        assertEquals("SD", r.bestResponse());
        assertEquals(List.of(false, true, true, false, false), counted(r));
    }

    @Test
    void onTheProgressionDayOnlyTheProgressionCounts() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(112, "PR").scan(112, "PD").endpoints();
        assertEquals("SD", r.bestResponse());
        assertEquals(List.of(false, true, true, false), counted(r)); // sorted PD before PR on the same day
        assertEquals("PD", r.responses().get(2).overallResponse());
    }

    @Test
    void theNextLineClosesTheWindowOnItsStartDay() {
        assertEquals("PR", Story.measurable().scan(56, "SD").scan(90, "PR").nextLine("trastuzumab emtansine", 90).endpoints()
                .bestResponse());
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(91, "PR").scan(150, "PD")
                .nextLine("trastuzumab emtansine", 90).endpoints();
        assertEquals("SD", r.bestResponse());
        assertEquals(List.of(false, true, false, false), counted(r));
        // a PD after the next line is outside the window, yet registry PFS counts it
        assertEquals(150, r.pfsDays());
        assertEquals("PD", r.pfsEventType());
    }

    @Test
    void nothingBeforeTheNextLineIsNotEvaluable() {
        PatientEndpoints.Result r = Story.measurable().scan(100, "PR").nextLine("capecitabine+lapatinib", 60).endpoints();
        assertEquals("NE", r.bestResponse());
        assertEquals(false, r.responder());
    }

    @Test
    void confirmedModeConfirmsAResponseAtLeast28DaysOn() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "PR").scan(84, "PR").params(Story.CONFIRMED).endpoints();
        assertEquals("PR", r.bestResponse());
        assertEquals(List.of(false, true, true), counted(r)); // the second PR is unconfirmed, counted as SD (day 84 >= 42)
        assertEquals(true, r.responder());
    }

    @Test
    void confirmedModeUnconfirmedResponseIsStableDiseaseFromDay42() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "PR").scan(83, "PR").params(Story.CONFIRMED).endpoints();
        assertEquals("SD", r.bestResponse());
        assertEquals(false, r.responder());
        assertEquals(null, r.dorDays());
        assertEquals("PR", Story.measurable().scan(56, "PR").scan(83, "PR").endpoints().bestResponse()); // NONE: no confirmation
    }

    @Test
    void confirmedModeUnconfirmedEarlyResponseIsNotEvaluable() {
        PatientEndpoints.Result r = Story.measurable().scan(30, "PR").params(Story.CONFIRMED).endpoints();
        assertEquals("NE", r.bestResponse());
        assertEquals(List.of(false, false), counted(r));
        assertEquals("PD", Story.measurable().scan(30, "PR").scan(50, "PD").params(Story.CONFIRMED).endpoints().bestResponse());
    }

    @Test
    void confirmedModeCompleteNeedsComplete() {
        assertEquals("CR", Story.measurable().scan(56, "CR").scan(84, "CR").params(Story.CONFIRMED).endpoints().bestResponse());
        assertEquals("PR", Story.measurable().scan(56, "CR").scan(84, "PR").params(Story.CONFIRMED).endpoints().bestResponse());
        assertEquals("PR", Story.measurable().scan(56, "PR").scan(84, "CR").params(Story.CONFIRMED).endpoints().bestResponse());
        // a PR between the two CRs: confirmed as PR only
        assertEquals("PR", Story.measurable().scan(56, "CR").scan(70, "PR").scan(98, "CR").params(Story.CONFIRMED).endpoints()
                .bestResponse());
    }

    @Test
    void confirmedModeAllowsNotEvaluableBetweenButNotStableDisease() {
        assertEquals("PR", Story.measurable().scan(56, "PR").scan(70, "NE").scan(84, "PR").params(Story.CONFIRMED).endpoints()
                .bestResponse());
        assertEquals("CR", Story.measurable().scan(56, "CR").scan(70, "NE").scan(84, "CR").params(Story.CONFIRMED).endpoints()
                .bestResponse());
        assertEquals("SD", Story.measurable().scan(56, "PR").scan(70, "SD").scan(84, "PR").params(Story.CONFIRMED).endpoints()
                .bestResponse());
    }

    @Test
    void confirmedModeConfirmsOnlyInsideTheWindow() {
        assertEquals("SD", Story.measurable().scan(56, "PR").scan(100, "PR").nextLine("capecitabine+lapatinib", 90)
                .params(Story.CONFIRMED).endpoints().bestResponse());
        assertEquals("SD", Story.measurable().scan(56, "PR").scan(100, "PD").params(Story.CONFIRMED).endpoints().bestResponse());
    }

    @Test
    void confirmedModeDurationStartsAtTheFirstConfirmedResponse() {
        PatientEndpoints.Result r = Story.measurable().scan(30, "PR").scan(45, "SD").scan(60, "PR").scan(90, "PR").scan(200, "PD")
                .params(Story.CONFIRMED).endpoints();
        assertEquals("PR", r.bestResponse());
        assertEquals(140, r.dorDays()); // day 60 -> PD on day 200
        assertEquals(List.of(false, false, true, true, true, true), counted(r));
    }
}
