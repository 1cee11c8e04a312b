package org.oncorwe.config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The pseudonym key (outputs.md, Patient identity and privacy). It comes only from the
 * environment variable {@code ONCORWE_PSEUDONYM_KEY}, is never a config key, never printed
 * ({@link #toString()} shows only the key id) and travels to executors inside the job.
 */
public final class PseudonymKey implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The documented key for the project's synthetic extracts only. */
    public static final String DEVELOPMENT_KEY = "oncorwe-sample-key";

    private final byte[] key;
    private final boolean development;
    /** One initialised Mac per thread: {@code Mac.getInstance} and {@code init} cost more than the HMAC of a short id. */
    private transient volatile ThreadLocal<Mac> macs;

    private PseudonymKey(byte[] key, boolean development) {
        if (key.length == 0) {
            throw new ConfigError(EnvironmentMapping.PSEUDONYM_KEY + " is empty");
        }
        this.key = key.clone();
        this.development = development;
    }

    /** The key in {@code ONCORWE_PSEUDONYM_KEY}, if set. */
    public static Optional<PseudonymKey> fromEnvironment(Map<String, String> environment) {
        String value = environment.get(EnvironmentMapping.PSEUDONYM_KEY);
        return value == null ? Optional.empty()
                : Optional.of(new PseudonymKey(value.getBytes(StandardCharsets.UTF_8), false));
    }

    /**
     * The key a run uses: the environment's; else, for the project's own synthetic extract
     * with {@code privacy.allow_development_key = true}, the documented development key;
     * else the run refuses to start.
     */
    public static PseudonymKey resolve(Map<String, String> environment, boolean syntheticExtract,
                                       boolean allowDevelopmentKey) {
        Optional<PseudonymKey> fromEnv = fromEnvironment(environment);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        if (syntheticExtract && allowDevelopmentKey) {
            return development();
        }
        throw new ConfigError(EnvironmentMapping.PSEUDONYM_KEY + " is not set: a run needs the pseudonym key"
                + (syntheticExtract ? " (or privacy.allow_development_key = true for synthetic extracts)" : ""));
    }

    public static PseudonymKey development() {
        return new PseudonymKey(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8), true);
    }

    public boolean isDevelopment() {
        return development;
    }

    /** patient_key: the first 32 lower-case hex characters of HMAC-SHA256(key, trimmed patient_id). */
    public String patientKey(String patientId) {
        return HexFormat.of().formatHex(mac().doFinal(patientId.trim().getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** key_id: the first 8 hex characters of HMAC-SHA256(key, "oncorwe-key-id"); safe to publish. */
    public String keyId() {
        return hmacHex("oncorwe-key-id").substring(0, 8);
    }

    private String hmacHex(String message) {
        return HexFormat.of().formatHex(mac().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** This thread's Mac (doFinal leaves it ready for the next message). */
    private Mac mac() {
        ThreadLocal<Mac> local = macs;
        if (local == null) {
            synchronized (this) {
                if (macs == null) {
                    macs = ThreadLocal.withInitial(this::newMac);
                }
                local = macs;
            }
        }
        return local.get();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKey[key_id=" + keyId() + (development ? ", development" : "") + "]";
    }
}
