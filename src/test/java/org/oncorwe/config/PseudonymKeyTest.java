package org.oncorwe.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.JavaSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values from OpenSSL, independently of Java:
 * {@code printf '%s' MESSAGE | openssl dgst -sha256 -hmac KEY}.
 */
@Tag("unit")
class PseudonymKeyTest {

    @Test
    void developmentKeyMatchesOpenSsl() {
        PseudonymKey key = PseudonymKey.development();
        // printf '%s' 'oncorwe-key-id' | openssl dgst -sha256 -hmac 'oncorwe-sample-key'
        assertEquals("072e9b61", key.keyId());
        // printf '%s' 'SMC0001234' | openssl dgst -sha256 -hmac 'oncorwe-sample-key'
        assertEquals("fc417d47d616795bb43bf54748917a45", key.patientKey("  SMC0001234 "));
    }

    @Test
    void environmentKeyIsUtf8AndPatientIdsAreUtf8() {
        PseudonymKey key = PseudonymKey.fromEnvironment(Map.of("ONCORWE_PSEUDONYM_KEY", "test-key-ü")).orElseThrow();
        // printf '%s' 'oncorwe-key-id' | openssl dgst -sha256 -hmac 'test-key-ü'
        assertEquals("a678e460", key.keyId());
        // printf '%s' '환자-42' | openssl dgst -sha256 -hmac 'test-key-ü'
        assertEquals("ee3ec7a077e93784dedfef1261a502d9", key.patientKey("환자-42"));
        assertFalse(key.toString().contains("test-key"));
    }

    @Test
    void developmentKeyOnlyForSyntheticExtractsWhenAllowed() {
        assertTrue(PseudonymKey.resolve(Map.of(), true, true).isDevelopment());
        assertThrows(ConfigError.class, () -> PseudonymKey.resolve(Map.of(), true, false));
        assertThrows(ConfigError.class, () -> PseudonymKey.resolve(Map.of(), false, true));
        assertFalse(PseudonymKey.resolve(Map.of("ONCORWE_PSEUDONYM_KEY", "k"), true, true).isDevelopment());
        assertThrows(ConfigError.class, () -> PseudonymKey.fromEnvironment(Map.of("ONCORWE_PSEUDONYM_KEY", "")));
    }

    @Test
    void oneMacPerThreadGivesTheSameKeysAfterSerializationAndAcrossThreads() throws Exception {
        PseudonymKey key = PseudonymKey.development();
        assertEquals("fc417d47d616795bb43bf54748917a45", key.patientKey("SMC0001234")); // this thread's Mac made
        PseudonymKey copy = JavaSerialization.roundTrip(key);
        // a shipped copy (no Mac travels: the field is transient) makes its own
        assertEquals("fc417d47d616795bb43bf54748917a45", copy.patientKey("SMC0001234"));
        assertEquals("072e9b61", copy.keyId());
        // threads hashing at once each use their own Mac: the same keys as one thread alone
        List<String> ids = IntStream.range(0, 20_000).mapToObj(i -> "SMC" + i).toList();
        List<String> alone = ids.stream().map(key::patientKey).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                parts.add(pool.submit(() -> ids.stream().map(copy::patientKey).toList()));
            }
            for (Future<List<String>> part : parts) {
                assertEquals(alone, part.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
