package org.oncorwe.endpoints;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PFS by the registry and the trial definitions (domain-rules §5, decisions 145–147) through
 * {@link PatientEndpoints#of}: days, event and (registry) event type. Days are from the index date.
 */
@Tag("unit")
class ProgressionFreeSurvivalTest {

    private static String registry(PatientEndpoints.Result r) {
        return r.pfsDays() + "/" + r.pfsEvent() + "/" + r.pfsEventType();
    }

    private static String trial(PatientEndpoints.Result r) {
        return r.pfsTrialDays() + "/" + r.pfsTrialEvent();
    }

    @Test
    void deathWithin126DaysOfTheLastEvaluableAssessmentIsATrialEvent() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(112, "SD").death(112 + 126).endpoints();
        assertEquals("238/1", trial(r));
        assertEquals("238/1/DEATH", registry(r));
    }

    @Test
    void death127DaysAfterTheLastEvaluableAssessmentIsCensoredThereByTheTrialDefinition() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(112, "SD").death(112 + 127).endpoints();
        assertEquals("112/0", trial(r));
        assertEquals("239/1/DEATH", registry(r)); // the registry definition has no window
    }

    @Test
    void withoutAnEvaluableAssessmentTheTrialWindowRunsFromIndex() {
        assertEquals("126/1", trial(Story.unassessed().death(126).endpoints()));
        assertEquals("0/0", trial(Story.unassessed().death(127).endpoints()));
        // NE is not evaluable: the window still runs from index
        assertEquals("0/0", trial(Story.measurable().scan(60, "NE").death(127).endpoints()));
        assertEquals("60/0", trial(Story.measurable().scan(60, "SD").death(127 + 60).endpoints()));
    }

    @Test
    void aliveWithoutProgressionIsCensoredAtTheEffectiveLastContactOrTheLastEvaluableAssessment() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "PR").scan(112, "SD").lastContact(400).endpoints();
        assertEquals("400/0/null", registry(r));
        assertEquals("112/0", trial(r));
        assertEquals("0/0", trial(Story.unassessed().lastContact(400).endpoints()));
    }

    @Test
    void progressionIsAnEventAtItsDateInBoth() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "PR").scan(203, "PD").scan(260, "PD").death(321).endpoints();
        assertEquals("203/1/PD", registry(r));
        assertEquals("203/1", trial(r));
    }

    @Test
    void progressionOnOrBeforeTheIndexDayIsNotAnEvent() {
        PatientEndpoints.Result r = Story.measurable().scan(0, "PD").lastContact(300).endpoints();
        assertEquals("300/0/null", registry(r));
        assertEquals("0/0", trial(r));
    }

    @Test
    void deathBeforeProgressionIsTheEvent() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").death(80).endpoints();
        assertEquals("80/1/DEATH", registry(r));
        assertEquals("80/1", trial(r));
    }

    @Test
    void progressionOnTheDeathDayIsProgression() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(150, "PD").death(150).endpoints();
        assertEquals("150/1/PD", registry(r));
        assertEquals("150/1", trial(r));
    }

    @Test
    void aProgressionRecordedAfterDeathIsNoEvent() {
        // an assessment up to 30 days after death survives ingest (EVENT_SHORTLY_AFTER_DEATH)
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(210, "PD").death(200).endpoints();
        assertEquals("200/1/DEATH", registry(r));
        assertEquals("56/0", trial(r)); // 144 days after the last evaluable assessment
    }

    @Test
    void registryProgressionAfterTheNextLineStillCounts() {
        PatientEndpoints.Result r = Story.measurable().scan(56, "SD").scan(150, "PD").nextLine("trastuzumab emtansine", 120)
                .endpoints();
        assertEquals("150/1/PD", registry(r));
        assertEquals("150/1", trial(r)); // censor_at_next_line is off by default
    }

    @Test
    void trialCensoredAtTheNextLineIgnoresWhatFollowsIt() {
        Story story = Story.measurable().scan(56, "SD").scan(112, "SD").scan(150, "PD").nextLine("trastuzumab emtansine", 120)
                .params(Story.CENSOR_AT_NEXT_LINE);
        PatientEndpoints.Result r = story.endpoints();
        assertEquals("112/0", trial(r));
        assertEquals("150/1/PD", registry(r));
        // an assessment on the next line's start day still counts
        assertEquals("120/1", trial(Story.measurable().scan(56, "SD").scan(120, "PD").nextLine("T-DM1", 120)
                .params(Story.CENSOR_AT_NEXT_LINE).endpoints()));
        assertEquals("120/0", trial(Story.measurable().scan(56, "SD").scan(120, "SD").scan(150, "PD").nextLine("T-DM1", 120)
                .params(Story.CENSOR_AT_NEXT_LINE).endpoints()));
    }

    @Test
    void trialCensoredAtTheNextLineCountsNoDeathAfterItsStart() {
        Story after = Story.measurable().scan(56, "SD").nextLine("trastuzumab emtansine", 90).death(100);
        assertEquals("100/1", trial(after.endpoints()));
        assertEquals("56/0", trial(after.params(Story.CENSOR_AT_NEXT_LINE).endpoints()));
        Story onTheDay = Story.measurable().scan(56, "SD").nextLine("trastuzumab emtansine", 100).death(100)
                .params(Story.CENSOR_AT_NEXT_LINE);
        assertEquals("100/1", trial(onTheDay.endpoints()));
        // without a next line the option changes nothing
        assertEquals("100/1", trial(Story.measurable().scan(56, "SD").death(100).params(Story.CENSOR_AT_NEXT_LINE).endpoints()));
    }
}
