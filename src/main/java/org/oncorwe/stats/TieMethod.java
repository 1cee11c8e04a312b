package org.oncorwe.stats;

/** Handling of tied event times in the Cox partial likelihood. */
public enum TieMethod {
    /** R's default. */
    EFRON,
    /** SAS's and Stata's default. */
    BRESLOW
}
