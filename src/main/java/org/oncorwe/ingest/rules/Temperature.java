package org.oncorwe.ingest.rules;

import org.oncorwe.ingest.dictionary.UnitConversion;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** measurement.csv: °F to °C, in decimals (the division by 9 to {@link UnitConversion#DIVISION_SCALE} places, HALF_UP). */
public final class Temperature {

    private static final BigDecimal THIRTY_TWO = BigDecimal.valueOf(32);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal NINE = BigDecimal.valueOf(9);

    private Temperature() {
    }

    /** (°F − 32) × 5 / 9; 101 → 38.3333333333, 98.6 → 37. */
    public static BigDecimal fahrenheitToCelsius(BigDecimal fahrenheit) {
        BigDecimal c = fahrenheit.subtract(THIRTY_TWO).multiply(FIVE)
                .divide(NINE, UnitConversion.DIVISION_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return c.scale() < 0 ? c.setScale(0) : c;
    }
}
