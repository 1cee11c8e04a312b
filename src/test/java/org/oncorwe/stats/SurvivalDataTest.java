package org.oncorwe.stats;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregated rows, the one form every estimator reads, and R's time fix. */
@Tag("unit")
class SurvivalDataTest {

    @Test
    void perSubjectAndAggregatedRowsAreTheSameData() {
        for (String set : Golden.SETS) {
            assertEquals(Golden.input(set, false), Golden.input(set, true), set);
        }
    }

    @Test
    void aggregatesAddUpPerKeyAndCountAtRiskAsTimeAtLeastT() {
        SurvivalData data = SurvivalData.ofAggregates(List.of(
                new SurvivalData.Row("s", "a", 2, 1, 0), new SurvivalData.Row("s", "a", 2, 0, 2),
                new SurvivalData.Row("s", "b", 1, 1, 0), new SurvivalData.Row("t", "a", 3, 0, 0)));
        assertEquals(List.of(new SurvivalData.Row("s", "a", 2, 1, 2), new SurvivalData.Row("s", "b", 1, 1, 0)),
                data.rows());
        SurvivalData.Counts all = data.counts();
        assertEquals(4, all.nRisk(0));
        assertEquals(3, all.nRisk(1));
        assertEquals(2, all.nCensor(1));
        assertEquals(List.of("a", "b"), data.groups());
    }

    @Test
    void levelsInNumericOrderWhenAllAreNumbersElseCodePointOrder() {
        assertEquals(List.of("2", "10", "100"), Levels.order(List.of("10", "2", "100", "2")));
        assertEquals(List.of("B", "a", "b"), Levels.order(List.of("b", "a", "B")));
        assertEquals(List.of("10", "2", "x"), Levels.order(List.of("x", "2", "10")));
    }

    @Test
    void timeFixMergesTimesWithinSqrtEpsilonLikeAeqSurv() {
        // R: aeqSurv(Surv(c(0.1 + 0.2, 0.3, 5, 5 + 1e-12, 7, 7 * (1 + 1e-10)), rep(1, 6)))[, 1]
        //    0.3 0.3 5 5 7 7
        TimeFix fix = TimeFix.of(new double[] {0.1 + 0.2, 0.3, 5, 5 + 1e-12, 7, 7 * (1 + 1e-10)});
        assertTrue(fix.changesAnything());
        assertEquals(0.3, fix.apply(0.1 + 0.2), 0);
        assertEquals(0.3, fix.apply(0.3), 0);
        assertEquals(5.0, fix.apply(5 + 1e-12), 0);
        assertEquals(7.0, fix.apply(7 * (1 + 1e-10)), 0);
        assertFalse(TimeFix.of(new double[] {1, 2, 3}).changesAnything());
        SurvivalData plain = Golden.input("aml", false);
        assertSame(plain, plain.timeFixed());
    }

    @Test
    void theColumnsWalkInTimeOrderAsASortOfTheRowsWould() {
        // shuffled subjects over two strata and three groups, with ties across groups and strata
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 400;
        String[] strata = new String[n];
        String[] groups = new String[n];
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            strata[i] = random.nextBoolean() ? "s2" : "s1";
            groups[i] = "g" + random.nextInt(3);
            time[i] = 1 + random.nextInt(60);
            event[i] = random.nextBoolean();
        }
        SurvivalData data = SurvivalData.ofSubjects(strata, groups, time, event);
        SurvivalData again = SurvivalData.ofAggregates(data.rows());
        assertEquals(data, again);
        assertEquals(List.of("s1", "s2"), data.strata());
        SurvivalData.Counts ofGroup = data.countsOfGroup("g1");
        SurvivalData.Counts byPredicate = data.counts(r -> r.group().equals("g1"));
        assertEquals(byPredicate.size(), ofGroup.size());
        for (int i = 0; i < ofGroup.size(); i++) {
            assertEquals(byPredicate.time(i), ofGroup.time(i), 0);
            assertEquals(byPredicate.nRisk(i), ofGroup.nRisk(i));
            assertTrue(i == 0 || ofGroup.time(i) > ofGroup.time(i - 1));
        }
        for (boolean stratified : new boolean[] {true, false}) {
            // the Cox data made from the columns' order, and from the rows by a sort
            CoxData cox = CoxData.ofGroup(data, "g0", stratified);
            CoxData sorted = CoxData.of(cox.terms(), cox.rows());
            assertEquals(describe(sorted), describe(cox));
            assertEquals(CoxModel.withDefaults().fit(sorted).loglik(), CoxModel.withDefaults().fit(cox).loglik(), 0);
        }
    }

    private static List<String> describe(CoxData cox) {
        return cox.rows().stream().map(r -> r.stratum() + " " + r.time() + " " + java.util.Arrays.toString(r.x())
                + " " + r.nEvent() + " " + r.nCensor()).toList();
    }

    @Test
    void rejectsNegativeTimesAndCounts() {
        assertThrows(IllegalArgumentException.class, () -> new SurvivalData.Row("", "", -1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SurvivalData.Row("", "", 1, -1, 0));
    }

    @Test
    void theGoldenComparisonRejectsWhatIsOutsideTheTolerance() {
        Golden g = Golden.read("km_aml.csv");
        g.assertAgrees("100", 100.00009, "within 1e-6 relative");
        g.assertAgrees("0.5", 0.5000009, "within 1e-6 absolute");
        assertThrows(AssertionError.class, () -> g.assertAgrees("100", 100.00011, "x"));
        assertThrows(AssertionError.class, () -> g.assertAgrees("NA", 0.5, "x"));
        assertThrows(AssertionError.class, () -> g.assertAgrees("0.5", Double.NaN, "x"));
        assertThrows(AssertionError.class, () -> g.assertAgrees("Inf", 1e300, "x"));
        assertThrows(AssertionError.class, () -> g.assertCount("3", 4, "x"));
        g.assertPValueAgrees("1e-20", 5e-13, "p within 1e-12");
    }
}
