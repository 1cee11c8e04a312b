package org.oncorwe.ingest.contract;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oncorwe.ingest.PartialDateImputation;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every accepted date form, strictness, minimum year, partial dates (registry-extract.md, Dates). */
@Tag("unit")
class ExtractDatesTest {

    private static ExtractDates.Parsed date(String text) {
        return ExtractDates.parse(text, false, false, 1900);
    }

    private static ExtractDates.Parsed dateTime(String text) {
        return ExtractDates.parse(text, true, false, 1900);
    }

    private static ExtractDates.Parsed partial(String text) {
        return ExtractDates.parse(text, false, true, 1900);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-03-05", "20190305", "2019.03.05", "2019/03/05"})
    void everyDateForm(String text) {
        assertEquals(LocalDate.of(2019, 3, 5), date(text).date());
        assertNull(date(text).time());
        assertEquals(LocalDate.of(2019, 3, 5), dateTime(text).date(), "a date-time column takes a plain date");
        assertNull(dateTime(text).time(), "time unknown");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2019-03-05 14:30        | 14:30
            2019-03-05 14:30:15     | 14:30:15
            2019-03-05T14:30        | 14:30
            2019-03-05T14:30:15     | 14:30:15
            20190305 14:30          | 14:30
            20190305T14:30:15       | 14:30:15
            2019.03.05 14:30        | 14:30
            2019.03.05T14:30:15     | 14:30:15
            2019/03/05 14:30:15     | 14:30:15
            2019/03/05T14:30        | 14:30
            201903051430            | 14:30
            20190305143015          | 14:30:15
            2019-03-05 00:00        | 00:00
            """)
    void everyDateTimeForm(String text, String time) {
        ExtractDates.Parsed p = dateTime(text);
        assertEquals(LocalDate.of(2019, 3, 5), p.date(), text);
        assertEquals(LocalTime.parse(time), p.time(), text);
        assertNull(date(text), "a date column takes no date-time: " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-02-30", "2019-02-29", "2019-13-01", "2019-00-10", "2019-04-31", "2019-1-5",
            "19-03-05", "2019-03/05", "2019-03-05 ", "05/03/2019", "2019-03-05T24:00", "2019-03-05 12:60",
            "2019-03-05 12:30:60", "201903052400", "1899-12-31", "18991231", "0000-01-01", "2019-03", "2019",
            "+2019-03-05", "2019-03-05Z", "abc", ""})
    void strictlyInvalid(String text) {
        assertNull(dateTime(text), text);
        assertNull(date(text), text);
    }

    @Test
    void leapDayAndMinimumYear() {
        assertEquals(LocalDate.of(2020, 2, 29), date("2020-02-29").date());
        assertEquals(LocalDate.of(1900, 1, 1), date("1900-01-01").date());
        assertNull(ExtractDates.parse("1949-12-31", false, false, 1950));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2019-03 | MONTH | 2019-03-15 | 2019-03-01
            201903  | MONTH | 2019-03-15 | 2019-03-01
            2019    | YEAR  | 2019-07-01 | 2019-01-01
            2019-03-09 | DAY | 2019-03-09 | 2019-03-09
            """)
    void partialDatesWhereAllowed(String text, ExtractDates.Precision precision, LocalDate mid, LocalDate first) {
        ExtractDates.Parsed p = partial(text);
        assertEquals(precision, p.precision());
        assertEquals(mid, ExtractDates.impute(p, PartialDateImputation.MID));
        assertEquals(first, ExtractDates.impute(p, PartialDateImputation.FIRST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-13", "201913", "1899", "1899-12", "2019-3", "19", "2019-03-"})
    void invalidPartialDates(String text) {
        assertNull(partial(text), text);
    }

    /**
     * The ISO fast path (decision 272) against the forms' regexes and strict formatters on 20 000 texts
     * made near the ISO shapes: wherever it reads a value, that is the formatters' value; where it
     * reads none, the formatters accept none of its shapes' texts it declined.
     */
    @Test
    void isoFastPathAgreesWithTheForms() {
        java.util.Random random = new java.util.Random(272);
        String[] templates = {"dddd-dd-dd", "dddd-dd-dd dd:dd", "dddd-dd-dd dd:dd:dd", "dddd-dd-ddTdd:dd", "dddd-dd-ddTdd:dd:dd"};
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (char c : templates[random.nextInt(templates.length)].toCharArray()) {
                // digits biased to real dates (months and days in range half the time), one position in 50 damaged
                char out = c == 'd' ? (char) ('0' + random.nextInt(random.nextBoolean() ? 3 : 10)) : c;
                text.append(random.nextInt(50) == 0 ? "-: T/x9".charAt(random.nextInt(7)) : out);
            }
            for (boolean dateTime : new boolean[] {false, true}) {
                ExtractDates.Parsed fast = ExtractDates.iso(text.toString(), dateTime);
                ExtractDates.Parsed shaped = ExtractDates.byShape(text.toString(), dateTime, false);
                if (fast != null) {
                    read++;
                    assertEquals(shaped, fast, text.toString());
                } else if (shaped != null) {
                    // declined: only a text that is not one of the ISO shapes may still be another form
                    org.junit.jupiter.api.Assertions.assertFalse(text.toString().matches(
                            dateTime ? "\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?)?" : "\\d{4}-\\d{2}-\\d{2}"),
                            "the fast path declined a valid ISO text " + text);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(read > 2_000, "too few texts read to compare: " + read);
    }
}
