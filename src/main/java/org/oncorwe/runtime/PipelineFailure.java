package org.oncorwe.runtime;

/** A run that cannot go on (missing input, broken extract); the CLI prints the message as one line and exits 1. */
public final class PipelineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineFailure(String message) {
        super(message);
    }

    public PipelineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
