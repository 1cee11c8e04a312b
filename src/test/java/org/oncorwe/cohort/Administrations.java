package org.oncorwe.cohort;

import org.oncorwe.ingest.dictionary.DrugClass;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built patient's given administrations for the cohort rules: "on day N, these
 * ingredients of this class", one {@link LinesOfTherapy.Given} per ingredient, days counted from
 * {@link #DAY0}.
 */
final class Administrations {

    static final LocalDate DAY0 = LocalDate.of(2019, 1, 1);
    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);

    final List<LinesOfTherapy.Given> given = new ArrayList<>();

    static LocalDate day(int offset) {
        return DAY0.plusDays(offset);
    }

    Administrations on(int day, DrugClass c, String... ingredients) {
        for (String i : ingredients) {
            given.add(new LinesOfTherapy.Given(day(day), i, c));
        }
        return this;
    }

    /** One ingredient on every day from {@code from} to {@code to} (both included), {@code step} days apart. */
    Administrations every(int step, int from, int to, DrugClass c, String ingredient) {
        for (int d = from; d <= to; d += step) {
            on(d, c, ingredient);
        }
        return this;
    }

    /** Docetaxel and trastuzumab on each day. */
    Administrations th(int... days) {
        for (int d : days) {
            on(d, DrugClass.TAXANE, "docetaxel").on(d, DrugClass.ANTI_HER2_ANTIBODY, "trastuzumab");
        }
        return this;
    }

    /** Pertuzumab and trastuzumab (no taxane) on each day. */
    Administrations hp(int... days) {
        for (int d : days) {
            on(d, DrugClass.ANTI_HER2_ANTIBODY, "pertuzumab", "trastuzumab");
        }
        return this;
    }

    /** Docetaxel, trastuzumab and pertuzumab on each day. */
    Administrations thp(int... days) {
        return th(days).pertuzumab(days);
    }

    Administrations pertuzumab(int... days) {
        for (int d : days) {
            on(d, DrugClass.ANTI_HER2_ANTIBODY, "pertuzumab");
        }
        return this;
    }

    /**
     * Every field of each line on one line of text, dates as day offsets:
     * {@code METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 63 GAP maintenance - substitutions - addon false}.
     */
    static List<String> describe(List<LinesOfTherapy.Line> lines) {
        return lines.stream().map(l -> String.join(" ", l.setting(), Integer.toString(l.lineNo()), "#" + l.lineSeq(), l.regimen(),
                l.label(), "days " + offset(l.start()) + " to " + offset(l.end()), l.endReason().name(),
                "maintenance " + (l.maintenanceStart() == null ? "-" : Long.toString(offset(l.maintenanceStart()))),
                "substitutions " + (l.substitutions() == null ? "-" : l.substitutions()), "addon " + l.endocrineAddon())).toList();
    }

    static long offset(LocalDate date) {
        return ChronoUnit.DAYS.between(DAY0, date);
    }

    /** The lines of an alive patient with this metastatic date, default parameters, extract date {@link #EXTRACT}. */
    List<LinesOfTherapy.Line> lines(LocalDate metastatic) {
        return LinesOfTherapy.derive(given, metastatic, null, EXTRACT, LinesOfTherapy.Params.defaults());
    }
}
