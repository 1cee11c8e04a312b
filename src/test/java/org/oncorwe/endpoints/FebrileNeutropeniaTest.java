package org.oncorwe.endpoints;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncorwe.ingest.rules.Temperature;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oncorwe.endpoints.ToxicityCases.celsius;
import static org.oncorwe.endpoints.ToxicityCases.dec;
import static org.oncorwe.endpoints.ToxicityCases.derivedAnc;
import static org.oncorwe.endpoints.ToxicityCases.grade;
import static org.oncorwe.endpoints.ToxicityCases.lab;
import static org.oncorwe.endpoints.ToxicityCases.measurement;
import static org.oncorwe.endpoints.ToxicityCases.row;

/**
 * Febrile neutropenia (domain-rules §6): ANC &lt; 1.0 at t with, in [t − 24 h, t + 24 h], one reading &gt; 38.3 °C
 * after rounding or readings ≥ 38.0 °C spanning more than 60 minutes with none below 38.0 between.
 */
@Tag("unit")
class FebrileNeutropeniaTest {

    /** ANC 0.80 at 10:00 on 2020-02-03 (a nadir in the window). */
    private static final String NADIR = "2020-02-03T10:00";

    private static boolean febrile(String ancTime, String anc, Toxicity.Measurement... temperatures) {
        return row(grade(List.of(lab("anc", ancTime, anc, "1.8", "7.0")), List.of(temperatures), List.of()), FebrileNeutropenia.TERM)
                != null;
    }

    @ParameterizedTest(name = "{0} C -> febrile {1}")
    @CsvSource({"38.3, false", "38.34, false", "38.35, true", "38.4, true", "39.5, true"})
    void aSingleReadingAbove38Point3AfterRounding(String celsius, boolean febrile) {
        assertEquals(febrile, febrile(NADIR, "0.80", celsius("2020-02-03T22:00", celsius)));
    }

    @ParameterizedTest(name = "{0} F -> febrile {1}")
    @CsvSource({"101.0, false", "101.02, false", "101.03, true", "101.2, true"})
    void fahrenheitConvertedByTheIngestRule(String fahrenheit, boolean febrile) {
        // 101.0 F = 38.333 -> 38.3 C; 101.02 F = 38.344 -> 38.3; 101.03 F = 38.35 -> 38.4; 101.2 F = 38.444 -> 38.4
        Toxicity.Measurement t = measurement("BODY_TEMPERATURE", "2020-02-03T18:00", Temperature.fahrenheitToCelsius(dec(fahrenheit)));
        assertEquals(febrile, febrile(NADIR, "0.80", t));
    }

    @Test
    void theAncMustBeBelow1Point0() {
        assertFalse(febrile(NADIR, "1.00", celsius("2020-02-03T22:00", "39.0")));
        assertFalse(febrile(NADIR, "0.995", celsius("2020-02-03T22:00", "39.0")), "0.995 rounds to 1.00");
        assertTrue(febrile(NADIR, "0.99", celsius("2020-02-03T22:00", "39.0")));
    }

    @Test
    void readingsOfAtLeast38SpanningMoreThanSixtyMinutes() {
        assertTrue(febrile(NADIR, "0.90", celsius("2020-02-03T20:00", "38.0"), celsius("2020-02-03T20:40", "38.2"),
                celsius("2020-02-03T21:01", "38.0")), "61 minutes (HND-0020)");
        assertFalse(febrile(NADIR, "0.90", celsius("2020-02-03T20:00", "38.0"), celsius("2020-02-03T20:40", "38.2"),
                celsius("2020-02-03T21:00", "38.0")), "60 minutes is not more than one hour");
        assertTrue(febrile(NADIR, "0.90", celsius("2020-02-03T20:00", "37.95"), celsius("2020-02-03T21:01", "38.0")),
                "37.95 rounds to 38.0");
    }

    @Test
    void aDipBelow38BetweenBreaksTheSpan() {
        assertFalse(febrile(NADIR, "0.90", celsius("2020-02-03T20:00", "38.0"), celsius("2020-02-03T20:30", "37.9"),
                celsius("2020-02-03T21:01", "38.2")));
        assertFalse(febrile(NADIR, "0.90", celsius("2020-02-03T20:00", "38.0"), celsius("2020-02-03T20:30", "38.1"),
                celsius("2020-02-03T20:30", "37.8"), celsius("2020-02-03T21:01", "38.2")), "a low reading at an inner instant");
        assertTrue(febrile(NADIR, "0.90", celsius("2020-02-03T19:00", "37.0"), celsius("2020-02-03T20:00", "38.0"),
                celsius("2020-02-03T21:01", "38.2"), celsius("2020-02-03T22:00", "37.2")), "low readings outside the span");
        assertTrue(febrile(NADIR, "0.90", celsius("2020-02-03T20:00", "37.5"), celsius("2020-02-03T20:00", "38.1"),
                celsius("2020-02-03T21:01", "38.2")), "a low reading at the first instant is not between");
    }

    @Test
    void temperaturesWithinTwentyFourHoursEitherSide() {
        assertTrue(febrile(NADIR, "0.80", celsius("2020-02-04T10:00", "38.4")), "t + 24 h");
        assertFalse(febrile(NADIR, "0.80", celsius("2020-02-04T10:01", "38.4")), "t + 24 h 1 min");
        assertTrue(febrile(NADIR, "0.80", celsius("2020-02-02T10:00", "38.4")), "t - 24 h");
        assertFalse(febrile(NADIR, "0.80", celsius("2020-02-02T09:59", "38.4")), "t - 24 h 1 min");
        assertFalse(febrile(NADIR, "0.80", celsius("2020-02-04T09:00", "38.0"), celsius("2020-02-04T10:00", "38.1")),
                "60 minutes ending at t + 24 h");
        assertTrue(febrile(NADIR, "0.80", celsius("2020-02-04T08:59", "38.0"), celsius("2020-02-04T10:00", "38.1")),
                "61 minutes ending at t + 24 h");
        assertFalse(febrile(NADIR, "0.80", celsius("2020-02-04T09:00", "38.0"), celsius("2020-02-04T10:01", "38.1")),
                "its end outside the 24 h");
    }

    @Test
    void dateOnlySamplesPairByCalendarDayWithTheSingleReadingOnly() {
        assertTrue(febrile("2020-02-03", "0.80", celsius("2020-02-04T23:00", "38.4")), "date-only ANC, next day");
        assertTrue(febrile("2020-02-03", "0.80", celsius("2020-02-02T00:30", "38.4")), "date-only ANC, day before");
        assertFalse(febrile("2020-02-03", "0.80", celsius("2020-02-05T00:30", "38.4")), "two days after");
        assertTrue(febrile("2020-02-03T23:00", "0.80", celsius("2020-02-02", "38.4")), "date-only temperature, day before");
        assertFalse(febrile("2020-02-03T23:00", "0.80", celsius("2020-02-01", "38.4")));
        assertFalse(febrile("2020-02-03", "0.80", celsius("2020-02-03T08:00", "38.0"), celsius("2020-02-03T12:00", "38.2")),
                "no sustained-fever criterion with a date-only ANC");
        assertFalse(febrile(NADIR, "0.80", celsius("2020-02-03", "38.0"), celsius("2020-02-03T12:00", "38.2")),
                "a date-only reading starts no span");
    }

    @Test
    void onsetIsTheAncSamplesDateAndADerivedAncCounts() {
        Toxicity.TermGrade fn = row(grade(List.of(derivedAnc("2020-02-03T22:00", "2.0", "0.80")),
                List.of(celsius("2020-02-04T09:00", "38.6")), List.of()), FebrileNeutropenia.TERM);
        assertEquals(new Toxicity.TermGrade(FebrileNeutropenia.TERM, "5.0", 3, "LAB", LocalDate.of(2020, 2, 3),
                LocalDate.of(2020, 2, 3)), fn);
    }

    @Test
    void theAncMustBeInTheWindowTheFeverNeedNot() {
        assertFalse(febrile("2020-01-06T10:00", "0.80", celsius("2020-01-06T12:00", "38.9")), "index-day ANC");
        assertTrue(febrile("2020-01-07T07:00", "0.80", celsius("2020-01-06T12:00", "38.9")), "index-day fever");
    }
}
