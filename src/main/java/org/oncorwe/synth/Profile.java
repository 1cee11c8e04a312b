package org.oncorwe.synth;

/** A calibration profile of the generator. */
public enum Profile {
    /** Samsung Medical Center's real-world THP study (paper-targets.md §1). */
    SMC,
    /** Adds a first-line TH group for the CLEOPATRA-style comparison (arrives with the stats issue). */
    CLEOPATRA
}
