package org.oncorwe.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The number-at-risk rule by hand: at tick t, n_risk of the first curve row with time ≥ t, else 0. */
@Tag("unit")
class AtRiskTest {

    // 10 subjects: times 2 (event), 5.5 (2 censored), 12 (event), 12.5, 20, 30.1 ...; n_risk as km_curve stores it
    private static final List<CurvePoint> CURVE = List.of(
            new CurvePoint(2.0, 10, 1, 0, 0.9, 0.7, 1.0),
            new CurvePoint(5.5, 9, 0, 2, 0.9, 0.7, 1.0),
            new CurvePoint(12.0, 7, 1, 0, 0.771, 0.5, 1.0),
            new CurvePoint(12.5, 6, 2, 1, 0.514, 0.3, 0.9),
            new CurvePoint(20.0, 3, 1, 0, 0.343, 0.1, 0.8),
            new CurvePoint(30.1, 1, 0, 1, 0.343, 0.1, 0.8));

    @Test
    void ticksEveryStepUpToTheLastTimeRoundedUp() {
        assertEquals(List.of(0.0, 12.0, 24.0, 36.0), AtRisk.ticks(30.1, 12));
        assertEquals(List.of(0.0, 12.0, 24.0), AtRisk.ticks(24.0, 12), "a last time on a tick ends there");
        assertEquals(List.of(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0), AtRisk.ticks(30.1, 5));
        assertEquals(List.of(0.0, 12.0), AtRisk.ticks(0, 12), "an empty curve still gets an axis");
        assertThrows(IllegalArgumentException.class, () -> AtRisk.ticks(10, 0));
    }

    @Test
    void atRiskIsTheFirstRowAtOrAfterTheTick() {
        assertEquals(10, AtRisk.at(CURVE, 0), "everyone at 0: the first row's n_risk");
        assertEquals(7, AtRisk.at(CURVE, 12), "a row exactly at the tick counts");
        assertEquals(6, AtRisk.at(CURVE, 12.1));
        assertEquals(1, AtRisk.at(CURVE, 24));
        assertEquals(0, AtRisk.at(CURVE, 36), "past the last row nobody is at risk");
        assertEquals(List.of(10L, 7L, 1L, 0L), AtRisk.at(CURVE, AtRisk.ticks(30.1, 12)));
        assertEquals(List.of(10L, 9L, 7L, 3L, 3L, 1L, 1L, 0L), AtRisk.at(CURVE, AtRisk.ticks(30.1, 5)));
        assertEquals(0, AtRisk.at(List.of(), 0));
    }
}
