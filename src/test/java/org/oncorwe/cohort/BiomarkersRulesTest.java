package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.DayWindow;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncorwe.cohort.Administrations.day;

/**
 * domain-rules §2 HER2, one rule per test: every ASCO/CAP 2018 ISH group with every IHC, the
 * RATIO_ONLY rule, the ±30-day ISH-IHC pairing, the anchor window and the basis. Groups: 1 = ratio
 * ≥ 2.0 and copies ≥ 4.0; 2 = ratio ≥ 2.0, copies &lt; 4.0; 3 = ratio &lt; 2.0, copies ≥ 6.0;
 * 4 = ratio &lt; 2.0, copies 4.0-5.99; 5 = ratio &lt; 2.0, copies &lt; 4.0.
 */
@Tag("unit")
class BiomarkersRulesTest {

    private static final Her2Rule ASCO = Her2Rule.ASCO_CAP_2018;

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** A HER2 report on day {@code day} of specimen {@code specimen} (null: none recorded). */
    private static Biomarkers.Report report(int day, String specimen, String ihc, String ratio, String copies) {
        return new Biomarkers.Report(day(day), specimen, null, null, null, null, ihc, d(ratio), d(copies));
    }

    /** One PRIMARY report on day 0 with IHC and ISH. */
    private static Biomarkers.Report ish(String ihc, String ratio, String copies) {
        return report(0, "PRIMARY", ihc, ratio, copies);
    }

    /** An IHC-only report of {@code specimen} on day {@code day}. */
    private static Biomarkers.Report ihc(int day, String specimen, String ihc) {
        return report(day, specimen, ihc, null, null);
    }

    /** An ISH-only group 3 report (ratio 1.5, copies 6.5) on day 0: positive only when it pairs with an IHC 2+ or 3+. */
    private static Biomarkers.Report group3IshOnly(String specimen) {
        return report(0, specimen, null, "1.5", "6.5");
    }

    /** "POSITIVE IHC3", "POSITIVE ISH" or "NEGATIVE", judged over every report (no anchor). */
    private static String her2(Her2Rule rule, Biomarkers.Report... reports) {
        return verdict(Biomarkers.her2(List.of(reports), null, rule, DayWindow.ANY, 30));
    }

    private static String verdict(Biomarkers.Her2 h) {
        return h.positive() ? "POSITIVE " + h.basis() : "NEGATIVE";
    }

    @Test
    void ihc3PlusIsPositiveWhateverTheIsh() {
        assertEquals("POSITIVE IHC3", her2(ASCO, ish("3+", null, null)), "no ISH");
        assertEquals("POSITIVE IHC3", her2(ASCO, ish("3+", "2.0", "3.99")), "group 2");
        assertEquals("POSITIVE IHC3", her2(ASCO, ish("3+", "1.99", "4.0")), "group 4");
        assertEquals("POSITIVE IHC3", her2(ASCO, ish("3+", "1.2", "2.0")), "group 5");
    }

    @Test
    void ihc2PlusIsPositiveInIshGroups1And3Only() {
        assertEquals("POSITIVE ISH", her2(ASCO, ish("2+", "2.0", "4.0")), "group 1 at both edges");
        assertEquals("NEGATIVE", her2(ASCO, ish("2+", "2.0", "3.99")), "group 2");
        assertEquals("POSITIVE ISH", her2(ASCO, ish("2+", "1.99", "6.0")), "group 3 at its edges");
        assertEquals("NEGATIVE", her2(ASCO, ish("2+", "1.99", "5.99")), "group 4, top");
        assertEquals("NEGATIVE", her2(ASCO, ish("2+", "1.5", "4.0")), "group 4, bottom");
        assertEquals("NEGATIVE", her2(ASCO, ish("2+", "1.99", "3.99")), "group 5");
    }

    @Test
    void ihc0Or1PlusIsPositiveInIshGroup1Only() {
        for (String ihc : List.of("0", "1+")) {
            assertEquals("POSITIVE ISH", her2(ASCO, ish(ihc, "2.0", "4.0")), ihc + " group 1");
            assertEquals("NEGATIVE", her2(ASCO, ish(ihc, "3.5", "3.0")), ihc + " group 2");
            assertEquals("NEGATIVE", her2(ASCO, ish(ihc, "1.5", "8.0")), ihc + " group 3");
            assertEquals("NEGATIVE", her2(ASCO, ish(ihc, "1.5", "5.0")), ihc + " group 4");
        }
    }

    @Test
    void ratioAtLeast2WithTheCopyNumberMissingIsPositive() {
        assertEquals("POSITIVE ISH", her2(ASCO, ish("2+", "2.0", null)));
        assertEquals("POSITIVE ISH", her2(ASCO, ish("0", "2.0", null)));
        assertEquals("POSITIVE ISH", her2(ASCO, ish(null, "2.0", null)), "no IHC either");
        assertEquals("NEGATIVE", her2(ASCO, ish("2+", "1.99", null)));
    }

    @Test
    void aMissingIhcIsNeither2PlusNor3Plus() {
        assertEquals("NEGATIVE", her2(ASCO, group3IshOnly("PRIMARY")), "group 3 with no IHC to pair");
        assertEquals("POSITIVE ISH", her2(ASCO, ish(null, "2.0", "4.0")), "group 1 needs no IHC");
    }

    @Test
    void ratioOnlyIsIhc3PlusOrARatioOfAtLeast2() {
        Her2Rule ratioOnly = Her2Rule.RATIO_ONLY;
        assertEquals("POSITIVE IHC3", her2(ratioOnly, ish("3+", null, null)));
        assertEquals("POSITIVE ISH", her2(ratioOnly, ish("0", "2.0", "3.0")), "exactly 2.0, copies of group 2");
        assertEquals("POSITIVE ISH", her2(ratioOnly, ish("1+", "2.0", null)));
        assertEquals("NEGATIVE", her2(ratioOnly, ish("2+", "1.99", "6.0")), "group 3 does not count");
    }

    @Test
    void anIshOnlyReportPairsWithAnIhcUpTo30DaysAway() {
        assertEquals("POSITIVE ISH", her2(ASCO, group3IshOnly("PRIMARY"), ihc(30, "PRIMARY", "2+")));
        assertEquals("POSITIVE ISH", her2(ASCO, group3IshOnly("PRIMARY"), ihc(-30, "PRIMARY", "2+")));
        assertEquals("NEGATIVE", her2(ASCO, group3IshOnly("PRIMARY"), ihc(31, "PRIMARY", "2+")));
        assertEquals("NEGATIVE", her2(ASCO, group3IshOnly("PRIMARY"), ihc(-31, "PRIMARY", "2+")));
    }

    @Test
    void pairingTakesTheNearestIhcThenTheHigher() {
        assertEquals("NEGATIVE", her2(ASCO, group3IshOnly("PRIMARY"), ihc(10, "PRIMARY", "2+"), ihc(5, "PRIMARY", "1+")),
                "the nearer 1+ wins over the higher 2+");
        assertEquals("POSITIVE ISH", her2(ASCO, group3IshOnly("PRIMARY"), ihc(-10, "PRIMARY", "1+"), ihc(10, "PRIMARY", "2+")),
                "as near: the higher");
        assertEquals("POSITIVE ISH", her2(ASCO, group3IshOnly("PRIMARY"), ihc(10, "PRIMARY", "2+"), ihc(-10, "PRIMARY", "1+")),
                "as near: the higher, in any order");
    }

    @Test
    void pairingStaysWithinTheSpecimenAndNullMatchesOnlyNull() {
        assertEquals("NEGATIVE", her2(ASCO, group3IshOnly("PRIMARY"), ihc(1, "METASTASIS", "2+")));
        assertEquals("POSITIVE ISH", her2(ASCO, group3IshOnly("PRIMARY"), ihc(1, "METASTASIS", "1+"), ihc(20, "PRIMARY", "2+")),
                "the farther IHC of its own specimen");
        assertEquals("POSITIVE ISH", her2(ASCO, group3IshOnly(null), ihc(1, null, "2+")));
        assertEquals("NEGATIVE", her2(ASCO, group3IshOnly(null), ihc(1, "PRIMARY", "2+")));
        assertEquals("NEGATIVE", her2(ASCO, group3IshOnly("PRIMARY"), ihc(1, null, "2+")));
    }

    @Test
    void reportsCountUpToTheAnchorPlus30Days() {
        DayWindow window = DayWindow.days(30);
        assertEquals("POSITIVE IHC3", verdict(Biomarkers.her2(List.of(ihc(30, "METASTASIS", "3+")), day(0), ASCO, window, 30)));
        assertEquals("NEGATIVE", verdict(Biomarkers.her2(List.of(ihc(31, "METASTASIS", "3+")), day(0), ASCO, window, 30)));
    }

    @Test
    void theBasisIsIhc3WhenAnyPositiveReportIs3PlusElseIsh() {
        assertEquals("POSITIVE IHC3", her2(ASCO, ish("2+", "2.5", "5.0"), ihc(100, "METASTASIS", "3+")));
        assertEquals("POSITIVE ISH", her2(ASCO, ish("2+", "2.5", "5.0"), ihc(100, "METASTASIS", "2+")));
    }
}
