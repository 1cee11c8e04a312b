package org.oncorwe.endpoints;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One patient's endpoints (domain-rules §5, decisions 144, 148–151): OS, measurable disease,
 * responder, duration of response, long-term responder, the next line, and the tumor_response
 * rows. Days are from the index date (see {@link Story}).
 */
@Tag("unit")
class PatientEndpointsTest {

    @Test
    void deathOnTheIndexDayIsZeroDaysAndAnEvent() {
        PatientEndpoints.Result r = Story.unassessed().death(0).endpoints();
        assertEquals(0, r.osDays());
        assertEquals(1, r.osEvent());
        assertEquals(0, r.pfsDays());
        assertEquals(1, r.pfsEvent());
        assertEquals("DEATH", r.pfsEventType());
        assertEquals(0, r.pfsTrialDays());
        assertEquals(1, r.pfsTrialEvent());
    }

    @Test
    void overallSurvivalIsDeathOrTheEffectiveLastContact() {
        PatientEndpoints.Result dead = Story.measurable().scan(56, "PD").death(321).endpoints();
        assertEquals(321, dead.osDays());
        assertEquals(1, dead.osEvent());
        PatientEndpoints.Result alive = Story.measurable().lastContact(588).endpoints();
        assertEquals(588, alive.osDays());
        assertEquals(0, alive.osEvent());
    }

    @Test
    void measurableNeedsAMeasurableAssessmentFrom42DaysBeforeIndexToTheIndexDay() {
        assertEquals(true, Story.unassessed().baseline(-42, "Y").endpoints().measurable());
        assertEquals(false, Story.unassessed().baseline(-43, "Y").endpoints().measurable());
        assertEquals(true, Story.unassessed().baseline(0, "Y").endpoints().measurable());
        assertEquals(false, Story.unassessed().baseline(1, "Y").endpoints().measurable());
        assertEquals(false, Story.unassessed().baseline(-7, "N").endpoints().measurable());
        assertEquals(false, Story.unassessed().baseline(-7, null).endpoints().measurable());
        assertEquals(true, Story.unassessed().baseline(-43, "Y").baseline(-30, "N").baseline(-7, "Y").endpoints().measurable());
    }

    @Test
    void responderIsNullWithoutMeasurableDisease() {
        PatientEndpoints.Result r = Story.unassessed().baseline(-7, "N").scan(56, "CR").endpoints();
        assertEquals("CR", r.bestResponse());
        assertNull(r.responder());
        assertNull(r.dorDays());
        assertNull(r.dorEvent());
        assertNull(r.longTermResponder());
        assertEquals(false, Story.measurable().scan(56, "SD").endpoints().responder());
        assertEquals(true, Story.measurable().scan(56, "CR").endpoints().responder());
    }

    @Test
    void durationOfResponseRunsFromTheFirstResponseToRegistryProgression() {
        PatientEndpoints.Result r = Story.measurable().scan(21, "SD").scan(56, "PR").scan(140, "CR").scan(203, "PD").death(321)
                .endpoints();
        assertEquals(147, r.dorDays());
        assertEquals(1, r.dorEvent());
    }

    @Test
    void durationOfResponseIsCensoredAsItsPfsDefinitionCensors() {
        Story story = Story.measurable().scan(56, "PR").scan(112, "SD").lastContact(700);
        PatientEndpoints.Result registry = story.endpoints();
        assertEquals(700 - 56, registry.dorDays());
        assertEquals(0, registry.dorEvent());
        PatientEndpoints.Result trial = story.params(Story.DOR_BY_TRIAL_PFS).endpoints();
        assertEquals(112 - 56, trial.dorDays());
        assertEquals(0, trial.dorEvent());
    }

    @Test
    void durationOfResponseEndsAtDeathByTheRegistryAndWithinTheWindowByTheTrial() {
        Story story = Story.measurable().scan(91, "CR").death(91 + 127);
        assertEquals(127, story.endpoints().dorDays());
        assertEquals(1, story.endpoints().dorEvent());
        PatientEndpoints.Result trial = story.params(Story.DOR_BY_TRIAL_PFS).endpoints();
        assertEquals(0, trial.dorDays());
        assertEquals(0, trial.dorEvent());
        PatientEndpoints.Result within = Story.measurable().scan(91, "CR").death(91 + 126).params(Story.DOR_BY_TRIAL_PFS).endpoints();
        assertEquals(126, within.dorDays());
        assertEquals(1, within.dorEvent());
    }

    @Test
    void durationOfAResponseRecordedAfterDeathIsZero() {
        // an assessment up to 30 days after death survives ingest (EVENT_SHORTLY_AFTER_DEATH)
        PatientEndpoints.Result r = Story.measurable().scan(56, "PR").death(50).endpoints();
        assertEquals(true, r.responder());
        assertEquals(0, r.dorDays());
        assertEquals(1, r.dorEvent());
    }

    @Test
    void longTermResponderNeedsAnIndexLineOf1066Days() {
        assertEquals(true, Story.measurable().scan(56, "PR").lineEnd(1066).lastContact(1200).endpoints().longTermResponder());
        assertEquals(false, Story.measurable().scan(56, "PR").lineEnd(1065).lastContact(1200).endpoints().longTermResponder());
        assertEquals(false, Story.measurable().scan(56, "SD").lineEnd(1500).lastContact(1600).endpoints().longTermResponder());
        // not measurable: responder and long-term responder are both unknown (decision 151)
        assertNull(Story.unassessed().baseline(-7, "N").scan(56, "CR").lineEnd(1500).lastContact(1600).endpoints()
                .longTermResponder());
    }

    @Test
    void theNextLineIsPassedOn() {
        PatientEndpoints.Result r = Story.measurable().nextLine("trastuzumab emtansine", 210).endpoints();
        assertEquals("trastuzumab emtansine", r.nextLineRegimen());
        assertEquals(Story.day(210), r.nextLineStart());
        PatientEndpoints.Result none = Story.measurable().endpoints();
        assertNull(none.nextLineRegimen());
        assertNull(none.nextLineStart());
    }

    @Test
    void everyAssessmentIsATumorResponseRowInDateOrder() {
        PatientEndpoints.Input in = Story.measurable().components(112, "PD", "NON_CR_NON_PD", "N").scan(-60, "SD").scan(56, "PR")
                .scan(150, "SD").input();
        List<PatientEndpoints.Assessment> shuffled = List.of(in.assessments().get(3), in.assessments().get(1),
                in.assessments().get(4), in.assessments().get(0), in.assessments().get(2));
        PatientEndpoints.Result r = PatientEndpoints.of(new PatientEndpoints.Input(in.indexDate(), in.indexLineEnd(), null, null,
                null, in.effectiveLastContact(), shuffled), PatientEndpoints.Params.defaults());
        LocalDate index = Story.INDEX;
        assertEquals(List.of(
                new PatientEndpoints.Response(index.minusDays(60), -60, "SD", false, false),
                new PatientEndpoints.Response(index.minusDays(7), -7, "NE", true, false),
                new PatientEndpoints.Response(index.plusDays(56), 56, "PR", false, true),
                new PatientEndpoints.Response(index.plusDays(112), 112, "PD", true, true),
                new PatientEndpoints.Response(index.plusDays(150), 150, "SD", false, false)), r.responses());
    }
}
