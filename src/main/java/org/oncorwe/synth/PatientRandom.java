package org.oncorwe.synth;

import java.util.SplittableRandom;

/**
 * Each patient's own random stream, seeded by (seed, profile, patient index): adding a
 * profile or a patient never changes another one's draws.
 */
final class PatientRandom {

    private final SplittableRandom random;

    PatientRandom(long seed, Profile profile, long patientIndex) {
        long h = mix(seed);
        h = mix(h ^ profile.name().hashCode());
        h = mix(h ^ patientIndex);
        this.random = new SplittableRandom(h);
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** An integer in [from, to], both included. */
    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** The index drawn from weights (not necessarily summing to 1). */
    int pick(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    @SafeVarargs
    final <T> T oneOf(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** Weibull(shape, scale) by inversion. */
    double weibull(double shape, double scale) {
        return scale * Math.pow(-Math.log(1 - random.nextDouble()), 1 / shape);
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    double normal(double mean, double sd) {
        // Box-Muller, one draw (the pair's second half is discarded to keep the stream simple)
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A distinctive fake token: {@code length} base32 characters. */
    String base32(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(32)));
        }
        return sb.toString();
    }
}
