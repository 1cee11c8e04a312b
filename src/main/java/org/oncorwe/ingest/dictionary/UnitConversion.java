package org.oncorwe.ingest.dictionary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts a value to its analyte's canonical unit, exactly: a multiplication is exact; a
 * division is rounded to {@link #DIVISION_SCALE} decimals, HALF_UP (26.0 µmol/L ÷ 17.1 =
 * 1.5204678363 mg/dL). Trailing zeros are dropped, so equal values print alike.
 */
public record UnitConversion(Operation operation, BigDecimal factor) implements Serializable {

    public static final int DIVISION_SCALE = 10;

    public enum Operation { MULTIPLY, DIVIDE }

    public boolean isIdentity() {
        return operation == Operation.MULTIPLY && factor.compareTo(BigDecimal.ONE) == 0;
    }

    public BigDecimal apply(BigDecimal value) {
        BigDecimal out = operation == Operation.MULTIPLY
                ? value.multiply(factor)
                : value.divide(factor, DIVISION_SCALE, RoundingMode.HALF_UP);
        out = out.stripTrailingZeros();
        return out.scale() < 0 ? out.setScale(0) : out;
    }
}
