package org.oncorwe.stats;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Cox model against R's coxph (make_cox_goldens.R; the call heads each golden file): Efron and
 * Breslow, unstratified and stratified, with R's reference level and with the last level as
 * reference, from per-subject and from aggregated rows; the monotone case asserts the flag.
 */
@Tag("unit")
class CoxModelGoldenTest {

    static Stream<Arguments> fits() {
        return Stream.of("lung", "lung_ecog", "veteran", "ovarian", "aml", "colon", "tied", "group_no_events",
                        "stratum_one", "all_censored")
                .flatMap(set -> {
                    Golden g = Golden.read("cox_" + set + ".csv");
                    Map<List<String>, List<Map<String, String>>> models = new LinkedHashMap<>();
                    for (Map<String, String> r : g.rows) {
                        models.computeIfAbsent(List.of(r.get("ties"), r.get("stratified"), r.get("reference")),
                                k -> new java.util.ArrayList<>()).add(r);
                    }
                    return models.entrySet().stream().flatMap(e -> Stream.of(false, true)
                            .map(agg -> Arguments.of(set, e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), agg,
                                    e.getValue())));
                });
    }

    @ParameterizedTest(name = "{0} {1} stratified={2} reference={3} aggregated={4}")
    @MethodSource("fits")
    void coxphAgrees(String set, String ties, String stratified, String reference, boolean aggregated,
                     List<Map<String, String>> rows) {
        Golden g = Golden.read("cox_" + set + ".csv");
        SurvivalData data = Golden.analysed(set, aggregated);
        CoxModel.Result fit = CoxModel.withDefaults().with(TieMethod.valueOf(ties.toUpperCase(java.util.Locale.ROOT)))
                .fit(CoxData.ofGroup(data, reference, Boolean.parseBoolean(stratified)));
        String at = ties + " stratified=" + stratified + " reference=" + reference + " ";
        Map<String, String> first = rows.get(0);
        boolean monotone = set.equals("group_no_events");
        assertEquals(monotone, fit.monotone(), at + "monotone");
        if (monotone) {
            assertFalse(fit.converged());
        }
        g.assertAgrees(first.get("loglik0"), fit.loglikNull(), at + "loglik0");
        g.assertAgrees(first.get("loglik"), fit.loglik(), at + "loglik");
        g.assertAgrees(first.get("lr"), fit.likelihoodRatio().statistic(), at + "lr");
        g.assertCount(first.get("lr_df"), fit.likelihoodRatio().df(), at + "lr_df");
        g.assertPValueAgrees(first.get("lr_p"), fit.likelihoodRatio().pValue(), at + "lr_p");
        g.assertAgrees(first.get("score"), fit.score().statistic(), at + "score");
        g.assertPValueAgrees(first.get("score_p"), fit.score().pValue(), at + "score_p");
        if (!monotone) {
            g.assertAgrees(first.get("wald"), fit.wald().statistic(), at + "wald");
            g.assertPValueAgrees(first.get("wald_p"), fit.wald().pValue(), at + "wald_p");
        } else {
            assertTrue(Double.isNaN(fit.wald().statistic()), at + "wald null when monotone");
        }
        assertEquals(rows.size(), fit.terms().size(), at + "terms");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            CoxModel.Result.Term t = fit.terms().get(i);
            assertEquals(r.get("term"), t.name());
            if (monotone) {
                assertTrue(t.infinite() && Double.isNaN(t.coef()) && Double.isNaN(t.se()) && Double.isNaN(t.hr())
                        && Double.isNaN(t.hrLower()) && Double.isNaN(t.pValue()), at + t);
                continue;
            }
            String term = at + t.name() + " ";
            g.assertAgrees(r.get("coef"), t.coef(), term + "coef");
            g.assertAgrees(r.get("se"), t.se(), term + "se");
            g.assertAgrees(r.get("hr"), t.hr(), term + "hr");
            g.assertAgrees(r.get("hr_lower"), t.hrLower(), term + "hr_lower");
            g.assertAgrees(r.get("hr_upper"), t.hrUpper(), term + "hr_upper");
            g.assertPValueAgrees(r.get("p_value"), t.pValue(), term + "p_value");
        }
    }

    static Stream<Arguments> twoFactorFits() {
        return Stream.of("lung_ecog", "veteran", "ovarian", "colon", "tied")
                .flatMap(set -> Stream.of("efron", "breslow").map(ties -> Arguments.of(set, ties)));
    }

    @ParameterizedTest(name = "{0} {1} group + strata as factors")
    @MethodSource("twoFactorFits")
    void severalFactorCovariates(String set, String ties) {
        Golden g = Golden.read("cox2_" + set + ".csv");
        SurvivalData data = Golden.analysed(set, true);
        List<CoxData.PatternRow> rows = data.rows().stream().map(r -> new CoxData.PatternRow(SurvivalData.NONE,
                r.time(), List.of(r.group(), r.stratum()), r.nEvent(), r.nCensor())).toList();
        CoxData cox = CoxData.ofFactors(List.of(new CoxData.Factor("group", data.groups()),
                new CoxData.Factor("strata", data.strata())), rows);
        CoxModel.Result fit = CoxModel.withDefaults().with(TieMethod.valueOf(ties.toUpperCase(java.util.Locale.ROOT)))
                .fit(cox);
        List<Map<String, String>> expected = g.where(r -> r.get("ties").equals(ties));
        Map<String, String> first = expected.get(0);
        g.assertAgrees(first.get("loglik0"), fit.loglikNull(), ties + " loglik0");
        g.assertAgrees(first.get("loglik"), fit.loglik(), ties + " loglik");
        g.assertAgrees(first.get("lr"), fit.likelihoodRatio().statistic(), ties + " lr");
        g.assertCount(first.get("lr_df"), fit.likelihoodRatio().df(), ties + " df");
        g.assertAgrees(first.get("score"), fit.score().statistic(), ties + " score");
        g.assertAgrees(first.get("wald"), fit.wald().statistic(), ties + " wald");
        assertEquals(expected.stream().map(r -> r.get("term")).toList(),
                fit.terms().stream().map(CoxModel.Result.Term::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> r = expected.get(i);
            CoxModel.Result.Term t = fit.terms().get(i);
            g.assertAgrees(r.get("coef"), t.coef(), ties + " " + t.name() + " coef");
            g.assertAgrees(r.get("se"), t.se(), ties + " " + t.name() + " se");
            g.assertAgrees(r.get("hr_lower"), t.hrLower(), ties + " " + t.name() + " hr_lower");
            g.assertAgrees(r.get("hr_upper"), t.hrUpper(), ties + " " + t.name() + " hr_upper");
            g.assertPValueAgrees(r.get("p_value"), t.pValue(), ties + " " + t.name() + " p");
        }
    }

    private static long before;

    @BeforeAll
    static void count() {
        before = Golden.COMPARISONS.get();
    }

    @AfterAll
    static void report() {
        System.out.println("CoxModelGoldenTest: " + (Golden.COMPARISONS.get() - before) + " comparisons with R");
    }
}
