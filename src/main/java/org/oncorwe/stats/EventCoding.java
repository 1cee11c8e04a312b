package org.oncorwe.stats;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * How an event column reads (outputs.md, the survival command): 0/1 or true/false, except that a
 * column holding only 1 and 2 reads as R's Surv does (1 = censored, 2 = event). Missing values
 * (null, empty, NA) are the caller's to drop.
 */
public enum EventCoding {
    /** 1/true = event, 0/false = censored. */
    ZERO_ONE,
    /** R's Surv on a 1/2 column: 2 = event, 1 = censored. */
    ONE_TWO;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** The coding of a column from its distinct non-missing values. */
    public static EventCoding detect(Collection<String> values) {
        boolean onlyOneTwo = !values.isEmpty();
        boolean anyTwo = false;
        for (String v : values) {
            Optional<BigDecimal> number = number(v);
            boolean one = number.isPresent() && number.get().compareTo(BigDecimal.ONE) == 0;
            boolean two = number.isPresent() && number.get().compareTo(TWO) == 0;
            onlyOneTwo &= one || two;
            anyTwo |= two;
        }
        return onlyOneTwo && anyTwo ? ONE_TWO : ZERO_ONE;
    }

    public static boolean isMissing(String value) {
        return value == null || value.isBlank() || value.trim().equals("NA");
    }

    /** Whether a (non-missing) value is an event; empty when the value is not allowed. */
    public Optional<Boolean> read(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (this == ZERO_ONE && (v.equals("true") || v.equals("false"))) {
            return Optional.of(v.equals("true"));
        }
        Optional<BigDecimal> number = number(v);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal censored = this == ONE_TWO ? BigDecimal.ONE : BigDecimal.ZERO;
        BigDecimal event = this == ONE_TWO ? TWO : BigDecimal.ONE;
        if (number.get().compareTo(event) == 0) {
            return Optional.of(true);
        }
        return number.get().compareTo(censored) == 0 ? Optional.of(false) : Optional.empty();
    }

    private static Optional<BigDecimal> number(String v) {
        try {
            return Optional.of(new BigDecimal(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
