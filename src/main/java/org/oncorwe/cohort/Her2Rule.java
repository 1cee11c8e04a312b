package org.oncorwe.cohort;

/** How a pathology report is judged HER2 positive (domain-rules §2). */
public enum Her2Rule {
    /** ASCO/CAP 2018 ISH groups 1-5 with IHC. */
    ASCO_CAP_2018,
    /** IHC 3+ or HER2/CEP17 ratio >= 2.0, as the SMC paper describes. */
    RATIO_ONLY
}
