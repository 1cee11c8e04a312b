package org.oncorwe.ingest.dictionary;

/** Drug classes of domain-rules §3; "a chemotherapy" = TAXANE or CHEMOTHERAPY, "anti-HER2" = ANTI_HER2_ANTIBODY, ADC or TKI. */
public enum DrugClass {
    TAXANE,
    CHEMOTHERAPY,
    ANTI_HER2_ANTIBODY,
    ADC,
    TKI,
    ENDOCRINE,
    SUPPORTIVE;

    public boolean isChemotherapy() {
        return this == TAXANE || this == CHEMOTHERAPY;
    }

    public boolean isAntiHer2() {
        return this == ANTI_HER2_ANTIBODY || this == ADC || this == TKI;
    }

    /** Supportive drugs (and UNKNOWN ingredients) never make or change a line of therapy. */
    public boolean isLineDrug() {
        return this != SUPPORTIVE;
    }
}
