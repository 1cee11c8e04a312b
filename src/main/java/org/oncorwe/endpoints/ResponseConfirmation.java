package org.oncorwe.endpoints;

/** Whether a CR/PR must be confirmed by a later assessment to count as best response (domain-rules §5). */
public enum ResponseConfirmation {
    /** Registries and the SMC study do not confirm. */
    NONE,
    /** A later CR/PR at least the confirmation interval on is required. */
    CONFIRMED
}
