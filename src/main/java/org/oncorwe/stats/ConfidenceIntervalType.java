package org.oncorwe.stats;

/** Transformation of the survival curve's pointwise confidence interval (R's conf.type). */
public enum ConfidenceIntervalType {
    /** log S (R's default). */
    LOG,
    /** log(-log S) (SAS's default). */
    LOG_LOG,
    /** S itself, capped to [0, 1]. */
    PLAIN
}
