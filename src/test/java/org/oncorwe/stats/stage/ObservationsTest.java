package org.oncorwe.stats.stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The landmark selection rules of os_lm126 and os_lm1066 on hand-built patients. */
@Tag("unit")
class ObservationsTest {

    private static Observations.Patient patient(int osDays, int osEvent, Boolean responder, Integer docetaxel,
                                                int docetaxelBefore126, Integer indexLineDays) {
        return new Observations.Patient(Map.of(), osDays, osEvent, osDays, osEvent, osDays, osEvent, null, null, responder,
                docetaxel, docetaxelBefore126, indexLineDays);
    }

    @Test
    void os126TakesPatientsAtRiskOnDay126ByTheirDocetaxelDatesBeforeIt() {
        assertNull(Observations.docetaxelLandmark(patient(125, 1, null, 8, 6, 300), 126), "died on day 125");
        assertNull(Observations.docetaxelLandmark(patient(125, 0, null, 8, 6, 300), 126), "censored on day 125");
        assertEquals(new Observations.Landmarked(0, true, ">=6"),
                Observations.docetaxelLandmark(patient(126, 1, null, 8, 6, 300), 126), "died on day 126: time 0");
        assertEquals(new Observations.Landmarked(874, false, "<6"),
                Observations.docetaxelLandmark(patient(1000, 0, null, 12, 5, 300), 126),
                "12 docetaxel dates in the line but 5 before day 126");
        assertEquals(new Observations.Landmarked(74, true, null),
                Observations.docetaxelLandmark(patient(200, 1, null, 0, 0, 300), 126), "no docetaxel: no group");
        assertEquals(new Observations.Landmarked(74, true, null),
                Observations.docetaxelLandmark(patient(200, 1, null, null, 0, 300), 126));
    }

    @Test
    void os1066TakesRespondersAtRiskOnDay1066ByWhetherTheIndexLineWasStillGoing() {
        assertNull(Observations.responderLandmark(patient(2000, 1, false, 8, 6, 2000), 1066), "not a responder");
        assertNull(Observations.responderLandmark(patient(2000, 1, null, 8, 6, 2000), 1066), "no measurable disease");
        assertNull(Observations.responderLandmark(patient(1065, 0, true, 8, 6, 1065), 1066), "censored before day 1066");
        assertEquals(new Observations.Landmarked(0, true, "false"),
                Observations.responderLandmark(patient(1066, 1, true, 8, 6, 1065), 1066), "line ended on day 1065");
        assertEquals(new Observations.Landmarked(934, false, "true"),
                Observations.responderLandmark(patient(2000, 0, true, 8, 6, 1066), 1066), "line still going on day 1066");
    }

    @Test
    void everyPatientGivesOneObservationPerEndpointAndFactor() {
        StatsSettings s = StatsFixtures.settings();
        Observations.Patient p = StatsFixtures.patients(1, 3).get(0);
        var observations = Observations.of(p, "first_line_thp", s);
        int perEndpoint = 1 + s.subgroupFactors().size();
        long os = observations.stream().filter(o -> o.endpoint().equals(Endpoint.OS)).count();
        assertEquals(perEndpoint, os);
        assertEquals(perEndpoint + 1, Observations.of(p, "first_line_th_vs_thp", s).stream()
                .filter(o -> o.endpoint().equals(Endpoint.OS)).count(), "the comparison factor index_label");
        observations.stream().filter(o -> o.endpoint().equals(Endpoint.FOLLOWUP))
                .forEach(o -> assertEquals(p.osEvent() != 1, o.event(), "follow-up: censorings are the events"));
    }
}
