package org.oncorwe.report;

/** One km_curve row: a distinct time (months) with the numbers at risk, events, censorings and S(t) with its interval. */
public record CurvePoint(double time, long nRisk, long nEvent, long nCensor, double surv, Double lower, Double upper) {
}
