package org.oncorwe.stats.stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.stats.tables.SurvivalReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Small-cell suppression (outputs.md): primary, complementary, the total, 0, and the km_curve tail. */
@Tag("unit")
class SmallCellsTest {

    /** survival_summary rows of one endpoint and method: the all row's n, then (factor, level, n) triples. */
    private static OutputTable summary(long total, Object... cells) {
        OutputTable t = SurvivalReport.emptyTable("survival_summary");
        add(t, "all", "all", total);
        for (int i = 0; i < cells.length; i += 3) {
            add(t, (String) cells[i], (String) cells[i + 1], ((Number) cells[i + 2]).longValue());
        }
        return t;
    }

    private static void add(OutputTable t, String factor, String level, long n) {
        Object[] row = new Object[t.columns().size()];
        row[0] = "s";
        row[1] = "os";
        row[2] = factor;
        row[3] = level;
        row[4] = "log";
        row[5] = "r";
        row[6] = n;
        row[7] = n / 2;
        t.add(row);
    }

    private static List<Object> column(OutputTable t, String name) {
        int i = StudyStatistics.index(t, name);
        return t.rows().stream().map(r -> r[i]).toList();
    }

    @Test
    void aLoneSmallLevelTakesTheSmallestOtherNonZeroLevelWithIt() {
        SmallCells.Summary s = SmallCells.summary(summary(30, "hr_status", "NEGATIVE", 3, "hr_status", "POSITIVE", 12,
                "hr_status", "UNKNOWN", 15), 5);
        assertEquals(List.of(false, true, true, false), column(s.published(), "suppressed"));
        assertEquals(Arrays.asList(30L, null, null, 15L), column(s.published(), "n"));
        assertEquals(Arrays.asList(15L, null, null, 7L), column(s.published(), "events"));
        assertEquals(List.of(30L, 3L, 12L, 15L), column(s.flagged(), "n"), "the report's copy keeps the counts");
        assertEquals(List.of(false, true, true, false), column(s.flagged(), "suppressed"));
    }

    @Test
    void twoSmallLevelsAZeroAndAHiddenTotalNeedNoMore() {
        SmallCells.Summary two = SmallCells.summary(summary(30, "f", "a", 2, "f", "b", 4, "f", "c", 24), 5);
        assertEquals(List.of(false, true, true, false), column(two.published(), "suppressed"));
        SmallCells.Summary zero = SmallCells.summary(summary(14, "f", "a", 0, "f", "b", 4, "f", "c", 10), 5);
        assertEquals(List.of(false, false, true, true), column(zero.published(), "suppressed"), "0 is shown, not taken");
        assertEquals(0L, column(zero.published(), "n").get(1));
        SmallCells.Summary hidden = SmallCells.summary(summary(4, "f", "a", 1, "f", "b", 3), 5);
        assertEquals(List.of(true, true, true), column(hidden.published(), "suppressed"));
        SmallCells.Summary hiddenTotal = SmallCells.summary(summary(3, "f", "a", 3), 5);
        assertNull(column(hiddenTotal.published(), "n").get(0));
        SmallCells.Summary off = SmallCells.summary(summary(30, "f", "a", 1, "f", "b", 29), 0);
        assertEquals(List.of(false, false, false), column(off.published(), "suppressed"), "k = 0 disables");
    }

    @Test
    void theCurveKeepsOnlyRowsWithAtLeastKAtRisk() {
        OutputTable km = SurvivalReport.emptyTable("km_curve");
        int nRisk = StudyStatistics.index(km, "n_risk");
        for (long n : new long[] {9, 7, 5, 4, 1}) {
            Object[] row = new Object[km.columns().size()];
            row[nRisk] = n;
            km.add(row);
        }
        assertEquals(List.of(9L, 7L, 5L), column(SmallCells.cutCurve(km, 5), "n_risk"));
        assertEquals(5, SmallCells.cutCurve(km, 0).size());
        assertEquals(new ArrayList<>(List.of()), new ArrayList<>(column(SmallCells.cutCurve(km, 10), "n_risk")));
    }

    @Test
    void countsTiedBySumsAreNeverOneSubtractionAwayFromASmallOne() {
        // total 12 = a 10 + b 2; a is also the total of c 5 + d 5 (a denominator shown again by its own row);
        // u is never published: n 20 = m 18 + u 2
        java.util.Map<String, Long> counts = new java.util.HashMap<>(java.util.Map.of("total", 12L, "a", 10L, "b", 2L,
                "c", 5L, "d", 5L, "n", 20L, "m", 18L, "u", 2L));
        java.util.Set<String> published = new java.util.LinkedHashSet<>(List.of("total", "a", "b", "c", "d", "n", "m"));
        List<SmallCells.Sum> sums = List.of(new SmallCells.Sum("total", List.of("a", "b")),
                new SmallCells.Sum("a", List.of("c", "d")), new SmallCells.Sum("n", List.of("m", "u")));
        // b hidden; a with it (12 − 10); c (the first of 5 + 5) so that a is not c + d; m, since 20 − 18 gives u
        assertEquals(java.util.Set.of("b", "a", "c", "m"), SmallCells.hide(counts, published, sums, 5));
        assertEquals(java.util.Set.of(), SmallCells.hide(counts, published, sums, 0));
        // a secondary aggregate is hidden before the parts: dcr 9 = x 7 + y 2
        java.util.Map<String, Long> rate = java.util.Map.of("dcr", 9L, "x", 7L, "y", 2L);
        assertEquals(java.util.Set.of("y", "dcr"), SmallCells.hide(rate, new java.util.LinkedHashSet<>(List.of("dcr", "x", "y")),
                List.of(new SmallCells.Sum("dcr", List.of("x", "y"), true)), 5));
    }
}
