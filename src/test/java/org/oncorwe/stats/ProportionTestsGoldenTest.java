package org.oncorwe.stats;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Clopper-Pearson, Pearson chi-square, Fisher exact (2 x c) and Mantel-Haenszel against R
 * (src/test/resources/golden/proportions/make_proportion_goldens.R; the R call heads each file).
 */
@Tag("unit")
class ProportionTestsGoldenTest {

    private static final String DIR = "/golden/proportions/";

    private static Golden golden(String file) {
        return Golden.readResource(DIR + file);
    }

    static Stream<Map<String, String>> binom() {
        return golden("binom.csv").rows.stream();
    }

    static Stream<Map<String, String>> chisq() {
        return golden("chisq.csv").rows.stream();
    }

    static Stream<Map<String, String>> fisher() {
        return golden("fisher.csv").rows.stream();
    }

    static Stream<Map<String, String>> mantelhaen() {
        return golden("mantelhaen.csv").rows.stream();
    }

    /** 'a b;c d' as a table. */
    static ContingencyTable table(String encoded) {
        return ContingencyTable.of(Arrays.stream(encoded.split(";"))
                .map(row -> Arrays.stream(row.trim().split(" ")).mapToLong(Long::parseLong).toArray())
                .toArray(long[][]::new));
    }

    @ParameterizedTest(name = "binom.test({0})")
    @MethodSource("binom")
    void clopperPearson(Map<String, String> r) {
        Golden g = golden("binom.csv");
        ClopperPearson.Result ci = ClopperPearson.withDefaults()
                .interval(Long.parseLong(r.get("x")), Long.parseLong(r.get("n")));
        String at = r.get("x") + "/" + r.get("n") + " ";
        g.assertAgrees(r.get("estimate"), ci.estimate(), at + "estimate");
        g.assertAgrees(r.get("lower"), ci.lower(), at + "lower");
        g.assertAgrees(r.get("upper"), ci.upper(), at + "upper");
    }

    @ParameterizedTest(name = "chisq.test({0})")
    @MethodSource("chisq")
    void pearsonChiSquare(Map<String, String> r) {
        Golden g = golden("chisq.csv");
        ChiSquareTest.Result t = ChiSquareTest.withDefaults().test(table(r.get("table")));
        g.assertAgrees(r.get("statistic"), t.statistic(), r.get("table") + " statistic");
        g.assertCount(r.get("df"), t.df(), r.get("table") + " df");
        g.assertPValueAgrees(r.get("p_value"), t.pValue(), r.get("table") + " p");
        g.assertAgrees(r.get("min_expected"), t.minExpected(), r.get("table") + " min expected");
    }

    @ParameterizedTest(name = "fisher.test({0})")
    @MethodSource("fisher")
    void fisherExact(Map<String, String> r) {
        golden("fisher.csv").assertPValueAgrees(r.get("p_value"),
                FisherExactTest.withDefaults().pValue(table(r.get("table"))), r.get("table"));
    }

    @ParameterizedTest(name = "mantelhaen.test({0})")
    @MethodSource("mantelhaen")
    void mantelHaenszel(Map<String, String> r) {
        Golden g = golden("mantelhaen.csv");
        List<ContingencyTable> strata = Arrays.stream(r.get("table").split("\\|")).map(ProportionTestsGoldenTest::table)
                .toList();
        MantelHaenszelTest.Result t = MantelHaenszelTest.withDefaults().test(strata);
        g.assertAgrees(r.get("statistic"), t.statistic(), "statistic");
        g.assertPValueAgrees(r.get("p_value"), t.pValue(), "p");
        g.assertAgrees(r.get("estimate"), t.oddsRatio(), "common odds ratio");
        g.assertAgrees(r.get("lower"), t.lower(), "lower");
        g.assertAgrees(r.get("upper"), t.upper(), "upper");
    }

    @Test
    void fisherNeedsTwoRowsAndChiSquareFlagsSmallExpectedCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> FisherExactTest.withDefaults().pValue(table("1 2;3 4;5 6")));
        assertEquals(true, ChiSquareTest.withDefaults().test(table("0 1 2 5;4 3 2 0")).expectedBelowFive());
        assertEquals(false, ChiSquareTest.withDefaults().test(table("10 20 30;15 15 10")).expectedBelowFive());
    }
}
