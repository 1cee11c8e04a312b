package org.oncorwe.config;

/**
 * A configuration the pipeline cannot run with: an unknown key, a value of the wrong type
 * or outside its options, an unreadable file. The message is one line naming the key.
 */
public final class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message);
    }

    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }
}
