package org.oncorwe.synth;

/**
 * What kind of registry patient a synthetic patient is, and the first attrition step of the
 * first_line_thp study that excludes it (domain-rules §4), or INCLUDED.
 */
enum Archetype {
    COHORT("INCLUDED"),
    HER2_NEGATIVE("HER2_POSITIVE"),
    EARLY_ONLY(null), // HER2_POSITIVE or METASTATIC, by the patient's HER2 status
    FIRST_LINE_TH("INDEX_LINE_IS_THP"),
    THP_LATER_LINE("INDEX_LINE_IS_THP"),
    THP_BEFORE_PERIOD("INDEX_IN_STUDY_PERIOD"),
    OTHER_PRIMARY("BREAST_PRIMARY"),
    METASTATIC_UNTREATED("HAS_INDEX_LINE"),
    NO_FOLLOW_UP("FOLLOW_UP_AFTER_INDEX"),
    DEATH_BEFORE_BIRTH("PLAUSIBILITY"),
    /** Profile cleopatra only: a first-line TH patient built like a cohort patient, the comparison's control arm. */
    COHORT_TH("INDEX_LINE_IS_THP");

    private final String step;

    Archetype(String step) {
        this.step = step;
    }

    String step() {
        return step;
    }
}
