package org.oncorwe.ingest.contract;

import org.oncorwe.ingest.PartialDateImputation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The date forms of registry-extract.md, Dates: strict ({@code uuuu} patterns,
 * ResolverStyle.STRICT, so 2019-02-30 is invalid) and not before a minimum year. Each form is a
 * shape (a regex choosing the one pattern to try, so no text is parsed twice) and its formatter.
 */
public final class ExtractDates {

    /** How much of a date the text gave. */
    public enum Precision { DAY, MONTH, YEAR }

    /**
     * A parsed value.
     *
     * @param time null when the text gave none (a plain date, or a partial one)
     */
    public record Parsed(LocalDate date, LocalTime time, Precision precision) {
    }

    private record Form(Pattern shape, DateTimeFormatter format, Precision precision, boolean hasTime) {
    }

    private static final List<Form> DATES = new ArrayList<>();
    private static final List<Form> DATE_TIMES = new ArrayList<>();
    private static final List<Form> PARTIALS = List.of(
            form("\\d{4}-\\d{2}", "uuuu-MM", Precision.MONTH, false),
            form("\\d{6}", "uuuuMM", Precision.MONTH, false),
            form("\\d{4}", "uuuu", Precision.YEAR, false));

    static {
        for (String sep : List.of("-", "", ".", "/")) {
            String date = "uuuu" + sep + "MM" + sep + "dd";
            String dateShape = "\\d{4}" + Pattern.quote(sep) + "\\d{2}" + Pattern.quote(sep) + "\\d{2}";
            DATES.add(form(dateShape, date, Precision.DAY, false));
            DATE_TIMES.add(form(dateShape + " \\d{2}:\\d{2}", date + " HH:mm", Precision.DAY, true));
            DATE_TIMES.add(form(dateShape + " \\d{2}:\\d{2}:\\d{2}", date + " HH:mm:ss", Precision.DAY, true));
            DATE_TIMES.add(form(dateShape + "T\\d{2}:\\d{2}", date + "'T'HH:mm", Precision.DAY, true));
            DATE_TIMES.add(form(dateShape + "T\\d{2}:\\d{2}:\\d{2}", date + "'T'HH:mm:ss", Precision.DAY, true));
        }
        DATE_TIMES.add(form("\\d{12}", "uuuuMMddHHmm", Precision.DAY, true));
        DATE_TIMES.add(form("\\d{14}", "uuuuMMddHHmmss", Precision.DAY, true));
    }

    private ExtractDates() {
    }

    private static Form form(String shape, String pattern, Precision precision, boolean hasTime) {
        return new Form(Pattern.compile(shape),
                DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
                precision, hasTime);
    }

    /**
     * Reads a trimmed value; null when it is no accepted form, not a real date, or before minYear.
     *
     * @param dateTime      a date-time column: date-time forms, and plain dates (time null)
     * @param partialAllowed yyyy-MM, yyyyMM and yyyy are accepted too (precision MONTH or YEAR, date = the first day)
     */
    public static Parsed parse(String text, boolean dateTime, boolean partialAllowed, int minYear) {
        Parsed p = parseAny(text, dateTime, partialAllowed);
        return p == null || p.date().getYear() < minYear ? null : p;
    }

    private static Parsed parseAny(String text, boolean dateTime, boolean partialAllowed) {
        Parsed iso = iso(text, dateTime);
        return iso != null ? iso : byShape(text, dateTime, partialAllowed);
    }

    /**
     * The forms nearly every registry value takes, read without a regex or a formatter (decision 272):
     * {@code uuuu-MM-dd}, and on date-time columns {@code uuuu-MM-dd HH:mm[:ss]} or with a {@code T}. Null
     * when the text is not one of those shapes, or not a real date or time, so {@link #byShape} (which
     * rejects it, or finds it another form) decides; what it returns, {@code byShape} returns too.
     */
    static Parsed iso(String text, boolean dateTime) {
        int n = text.length();
        if (n != 10 && !(dateTime && (n == 16 || n == 19))) {
            return null;
        }
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (n > 10) {
            char sep = text.charAt(10);
            if (sep != ' ' && sep != 'T' || text.charAt(13) != ':' || n == 19 && text.charAt(16) != ':') {
                return null;
            }
            hour = digits(text, 11, 2);
            minute = digits(text, 14, 2);
            second = n == 19 ? digits(text, 17, 2) : 0;
            if (hour < 0 || minute < 0 || second < 0) {
                return null;
            }
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return n == 10 ? new Parsed(date, null, Precision.DAY)
                    : new Parsed(date, LocalTime.of(hour, minute, second), Precision.DAY);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code length} ASCII digits at {@code from}; -1 when any is not one. */
    private static int digits(String text, int from, int length) {
        int v = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Every form, by its shape: the one pattern whose regex matches is the one parsed. */
    static Parsed byShape(String text, boolean dateTime, boolean partialAllowed) {
        try {
            if (dateTime) {
                Form f = match(DATE_TIMES, text);
                if (f != null) {
                    LocalDateTime t = LocalDateTime.parse(text, f.format());
                    return new Parsed(t.toLocalDate(), t.toLocalTime(), Precision.DAY);
                }
            }
            Form f = match(DATES, text);
            if (f != null) {
                return new Parsed(LocalDate.parse(text, f.format()), null, Precision.DAY);
            }
            f = partialAllowed ? match(PARTIALS, text) : null;
            if (f == null) {
                return null;
            }
            if (f.precision() == Precision.MONTH) {
                return new Parsed(YearMonth.parse(text, f.format()).atDay(1), null, Precision.MONTH);
            }
            return new Parsed(Year.parse(text, f.format()).atDay(1), null, Precision.YEAR);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Form match(List<Form> forms, String text) {
        for (Form f : forms) {
            if (f.shape().matcher(text).matches()) {
                return f;
            }
        }
        return null;
    }

    /**
     * Completes a partial date (registry-extract.md, Dates): MID → the 15th / July 1st, FIRST →
     * the 1st / January 1st; a full date is returned as is.
     */
    public static LocalDate impute(Parsed p, PartialDateImputation how) {
        boolean mid = how == PartialDateImputation.MID;
        return switch (p.precision()) {
            case DAY -> p.date();
            case MONTH -> p.date().withDayOfMonth(mid ? 15 : 1);
            case YEAR -> mid ? p.date().withMonth(7) : p.date();
        };
    }
}
