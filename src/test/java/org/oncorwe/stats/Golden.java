package org.oncorwe.stats;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A golden file under src/test/resources/golden/survival (made by make_goldens.R): its '#' header
 * (what each column is, the R call that made it: printed on failure) and its rows. Compares a
 * number as outputs.md's "Agreement with R" defines it.
 */
final class Golden {

    static final String DIR = "/golden/survival/";

    /** Every golden data set make_goldens.R writes. */
    static final List<String> SETS = List.of("lung", "lung_ecog", "veteran", "ovarian", "aml", "colon", "tied",
            "tied_notimefix", "all_censored", "one_subject", "ends_at_half", "half_then_drop", "group_no_events",
            "stratum_one");

    final String file;
    final String header;
    final List<Map<String, String>> rows;

    private Golden(String file, String header, List<Map<String, String>> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    static boolean exists(String file) {
        return Golden.class.getResource(DIR + file) != null;
    }

    static Golden read(String file) {
        return readResource(DIR + file);
    }

    /** A golden file by its classpath path (e.g. /golden/proportions/binom.csv). */
    static Golden readResource(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder header = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                (line.startsWith("#") ? header : body).append(line).append('\n');
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new java.io.StringReader(body.toString()))) {
                rows.add(new LinkedHashMap<>(r.toMap()));
            }
            return new Golden(file, header.toString(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, String>> where(Predicate<Map<String, String>> which) {
        return rows.stream().filter(which).toList();
    }

    /** The subjects of input_<set>.csv, status read as R's Surv does (a 1/2 column: 2 = event). */
    static SurvivalData input(String set, boolean aggregated) {
        Golden in = read("input_" + set + ".csv");
        int n = in.rows.size();
        double[] time = new double[n];
        double[] status = new double[n];
        String[] group = in.rows.get(0).containsKey("group") ? new String[n] : null;
        String[] strata = in.rows.get(0).containsKey("strata") ? new String[n] : null;
        for (int i = 0; i < n; i++) {
            Map<String, String> r = in.rows.get(i);
            time[i] = Double.parseDouble(r.get("time"));
            status[i] = Double.parseDouble(r.get("status"));
            if (group != null) {
                group[i] = r.get("group");
            }
            if (strata != null) {
                strata[i] = r.get("strata");
            }
        }
        boolean oneTwo = java.util.Arrays.stream(status).allMatch(s -> s == 1 || s == 2)
                && java.util.Arrays.stream(status).anyMatch(s -> s == 2);
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            event[i] = oneTwo ? status[i] == 2 : status[i] == 1;
        }
        SurvivalData subjects = SurvivalData.ofSubjects(strata, group, time, event);
        if (!aggregated) {
            return subjects;
        }
        // what a Spark groupBy hands the driver: partial sums per partition, in any order
        List<SurvivalData.Row> parts = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            parts.add(new SurvivalData.Row(strata == null ? SurvivalData.NONE : strata[i],
                    group == null ? SurvivalData.NONE : group[i], time[i], event[i] ? 1 : 0, event[i] ? 0 : 1));
        }
        return SurvivalData.ofAggregates(parts);
    }

    /** The golden set's data as the estimators see it: times fixed unless the set says not. */
    static SurvivalData analysed(String set, boolean aggregated) {
        SurvivalData data = input(set, aggregated);
        return set.endsWith("_notimefix") ? data : data.timeFixed();
    }

    static SurvivalData.Counts curve(SurvivalData data, String factor, String level) {
        return switch (factor) {
            case "all" -> data.counts();
            case "group" -> data.countsOfGroup(level);
            case "strata" -> data.countsOfStratum(level);
            default -> throw new IllegalArgumentException(factor);
        };
    }

    static ConfidenceIntervalType confType(String token) {
        return ConfidenceIntervalType.valueOf(token.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    }

    /** Counts comparisons made, for the report. */
    static final java.util.concurrent.atomic.AtomicLong COMPARISONS = new java.util.concurrent.atomic.AtomicLong();

    /** |x - r| <= 1e-6 max(1, |r|); NA/NaN where R gives NA or NaN; Inf exactly. */
    void assertAgrees(String expected, double actual, String what) {
        COMPARISONS.incrementAndGet();
        if (expected.equals("NA") || expected.equals("NaN")) {
            assertTrue(Double.isNaN(actual), () -> message(what, expected, actual));
            return;
        }
        double r = Double.parseDouble(expected.replace("Inf", "Infinity"));
        if (Double.isInfinite(r)) {
            assertEquals(r, actual, () -> message(what, expected, actual));
            return;
        }
        if (!(Math.abs(actual - r) <= 1e-6 * Math.max(1, Math.abs(r)))) {
            fail(message(what, expected, actual));
        }
    }

    /** p-values: also within 1e-12 absolutely. */
    void assertPValueAgrees(String expected, double actual, String what) {
        if (!expected.equals("NA") && !expected.equals("NaN")
                && Math.abs(actual - Double.parseDouble(expected)) <= 1e-12) {
            COMPARISONS.incrementAndGet();
            return;
        }
        assertAgrees(expected, actual, what);
    }

    void assertCount(String expected, long actual, String what) {
        COMPARISONS.incrementAndGet();
        assertEquals(Math.round(Double.parseDouble(expected)), actual, () -> message(what, expected, actual));
    }

    private String message(String what, String expected, Object actual) {
        return file + ": " + what + ": R gives " + expected + ", we give " + actual + "\nR:\n" + header;
    }
}
