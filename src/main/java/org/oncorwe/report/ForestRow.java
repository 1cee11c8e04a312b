package org.oncorwe.report;

/** One hazard_ratio row of a forest plot: the subgroup's label and its HR with CI (null when not estimable). */
public record ForestRow(String label, Double hr, Double lower, Double upper, Double pValue) {

    public boolean estimable() {
        return hr != null && lower != null && upper != null && hr > 0 && lower > 0 && Double.isFinite(upper);
    }
}
