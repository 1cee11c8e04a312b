package org.oncorwe.stats;

/** The argument checks of the statistics classes, in one place (as Commons Statistics does). */
final class Arguments {

    private Arguments() {
    }

    static double checkConfidenceLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        return level;
    }

    static double checkTime(double time) {
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("time must be finite and >= 0: " + time);
        }
        return time;
    }

    static long checkCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        return count;
    }

    static double checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
        }
        return p;
    }

    static <T> T checkNotNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static void checkSameLength(int expected, int actual, String name) {
        if (expected != actual) {
            throw new IllegalArgumentException(name + " has length " + actual + ", expected " + expected);
        }
    }
}
