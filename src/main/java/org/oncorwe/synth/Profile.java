package org.oncorwe.synth;

/** A calibration profile of the generator. */
public enum Profile {
    /** Samsung Medical Center's real-world THP study (paper-targets.md §1). */
    SMC,
    /**
     * Adds a first-line TH group beside the THP cohort for the CLEOPATRA-style comparison
     * (paper-targets.md §2; docs/sample-data.md).
     */
    CLEOPATRA
}
