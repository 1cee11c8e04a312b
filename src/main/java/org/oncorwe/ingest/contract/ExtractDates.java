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
