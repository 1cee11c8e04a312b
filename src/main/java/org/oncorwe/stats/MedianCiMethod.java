package org.oncorwe.stats;

/** How the confidence interval of a median survival time is found (domain-rules §7). */
public enum MedianCiMethod {
    /** R's print.survfit: the median rule applied to the lower and upper curves. */
    R,
    /** SPSS (Collett; Klein and Moeschberger): median +/- 1.96 se, se from the density estimate. */
    SYMMETRIC
}
