package org.oncorwe.endpoints;

/** Which progression-free survival definition an endpoint uses (domain-rules §5). */
public enum PfsDefinition {
    /** First PD after index or death, censored at the effective last contact (SMC). */
    REGISTRY,
    /** PD, or death within the window of the last evaluable assessment; censored at that assessment (CLEOPATRA). */
    TRIAL
}
