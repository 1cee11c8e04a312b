package org.oncorwe.report;

import java.util.List;

/**
 * What the report reads for one study (each table's partition of the study; absent ones as
 * {@link Rows#absent}): the unsuppressed curves and summaries, the tests and hazard ratios, the
 * attrition, the three summary tables, and Fig 2's curves, which the report computes itself
 * (decision 204).
 *
 * @param comparisonFactor the study's factor in stats.comparisons (CLEOPATRA-style figures), or null
 * @param levels           each figure factor's configured levels, in order (the first the reference)
 */
public record StudyTables(String study, String comparisonFactor, java.util.Map<String, List<String>> levels,
                          Rows attrition, Rows kmCurve, Rows survivalSummary, Rows survivalTest, Rows hazardRatio,
                          Rows baseline, Rows response, Rows adverseEvents, Rows longTermCurve, Double longTermLogrankP) {

    public boolean cleopatraStyle() {
        return comparisonFactor != null;
    }

    public double tickStep() {
        return cleopatraStyle() ? AtRisk.CLEOPATRA_STEP : AtRisk.SMC_STEP;
    }

    public Rows summary(SummaryTable.Kind kind) {
        return switch (kind) {
            case BASELINE -> baseline;
            case RESPONSE -> response;
            case ADVERSE_EVENTS -> adverseEvents;
        };
    }
}
