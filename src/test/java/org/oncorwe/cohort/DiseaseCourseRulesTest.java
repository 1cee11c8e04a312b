package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncorwe.cohort.Administrations.day;

/** domain-rules §1 de novo or relapsed, one rule per test, on hand-built events (day 0 = 2019-01-01, the primary). */
@Tag("unit")
class DiseaseCourseRulesTest {

    /** A stage IIA breast primary on day 0 and one liver metastasis on {@code metastasisDay}, with these surgeries. */
    private static DiseaseCourse.Course course(int metastasisDay, DiseaseCourse.Surgery... surgeries) {
        List<DiseaseCourse.Event> events = List.of(new DiseaseCourse.Event(day(0), "PRIMARY_DIAGNOSIS", "C50.9", "IIA", null),
                new DiseaseCourse.Event(day(metastasisDay), "METASTASIS", "C78.7", null, "LIVER"));
        return DiseaseCourse.of(events, List.of(surgeries), List.of(), DiseaseCourse.Params.defaults());
    }

    private static DiseaseCourse.Surgery surgery(int day, String intent) {
        return new DiseaseCourse.Surgery(day(day), intent);
    }

    private static DiseaseCourse.Course deNovo(int metastasisDay) {
        return new DiseaseCourse.Course(true, day(0), day(metastasisDay), "DE_NOVO", null, null);
    }

    @Test
    void metastasisUpTo90DaysFromThePrimaryIsDeNovo() {
        assertEquals(deNovo(90), course(90));
        assertEquals(new DiseaseCourse.Course(true, day(0), day(-5), "DE_NOVO", null, null), course(-5), "negative included");
    }

    @Test
    void metastasis91DaysFromThePrimaryIsRelapsed() {
        assertEquals(new DiseaseCourse.Course(true, day(0), day(91), "RELAPSED", "UNKNOWN", null), course(91));
    }

    @Test
    void aCurativeSurgeryBeforeTheMetastaticDateMakesItRelapsedEvenWithin90Days() {
        assertEquals(new DiseaseCourse.Course(true, day(0), day(60), "RELAPSED", "CURATIVE_SURGERY", 40 / 30.4375),
                course(60, surgery(20, "CURATIVE")), "DFI 40 days, in months");
        assertEquals(deNovo(60), course(60, surgery(20, "PALLIATIVE")), "only CURATIVE counts");
        assertEquals(deNovo(60), course(60, surgery(60, "CURATIVE")), "on the metastatic date is not before it");
    }
}
