package org.oncorwe.stats;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every number of the Kaplan-Meier family against R survival 3.5-3 (make_goldens.R; the R call
 * heads each golden file and is printed on failure), on lung, veteran, ovarian, aml, colon
 * (deaths), a heavily tied set (with and without timefix) and edge cases; each from per-subject
 * rows and from aggregated rows.
 */
@Tag("unit")
class SurvivalGoldenTest {

    static Stream<Arguments> sets() {
        return Golden.SETS.stream().flatMap(s -> Stream.of(Arguments.of(s, false), Arguments.of(s, true)));
    }

    static Stream<Arguments> setsWithLogRank() {
        return sets().filter(a -> Golden.exists("logrank_" + a.get()[0] + ".csv"));
    }

    /** Golden rows grouped by curve: (factor, level, conf_type) in file order. */
    private static Map<List<String>, List<Map<String, String>>> byCurve(Golden g) {
        Map<List<String>, List<Map<String, String>>> curves = new LinkedHashMap<>();
        for (Map<String, String> r : g.rows) {
            curves.computeIfAbsent(List.of(r.get("factor"), r.get("level"), r.get("conf_type")),
                    k -> new ArrayList<>()).add(r);
        }
        return curves;
    }

    private static KaplanMeier.Result fit(SurvivalData data, List<String> curve) {
        return KaplanMeier.withDefaults().with(Golden.confType(curve.get(2)))
                .fit(Golden.curve(data, curve.get(0), curve.get(1)));
    }

    @ParameterizedTest(name = "{0} aggregated={1}")
    @MethodSource("sets")
    void kaplanMeierCurves(String set, boolean aggregated) {
        SurvivalData data = Golden.analysed(set, aggregated);
        Golden g = Golden.read("km_" + set + ".csv");
        byCurve(g).forEach((curve, rows) -> {
            KaplanMeier.Result km = fit(data, curve);
            assertEquals(rows.size(), km.size(), () -> curve + ": number of curve times\n" + g.header);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> r = rows.get(i);
                String at = curve + " t=" + r.get("time") + " ";
                g.assertAgrees(r.get("time"), km.time(i), at + "time");
                g.assertCount(r.get("n_risk"), km.nRisk(i), at + "n_risk");
                g.assertCount(r.get("n_event"), km.nEvent(i), at + "n_event");
                g.assertCount(r.get("n_censor"), km.nCensor(i), at + "n_censor");
                g.assertAgrees(r.get("surv"), km.surv(i), at + "surv");
                g.assertAgrees(r.get("std_err"), km.stdErr(i), at + "std_err");
                g.assertAgrees(r.get("std_err_log"), km.stdErrLog(i), at + "std_err_log");
                g.assertAgrees(r.get("lower"), km.lower(i), at + "lower");
                g.assertAgrees(r.get("upper"), km.upper(i), at + "upper");
                g.assertAgrees(r.get("cumhaz"), km.cumhaz(i), at + "cumhaz");
                g.assertAgrees(r.get("std_chaz"), km.stdErrCumhaz(i), at + "std_chaz");
            }
        });
    }

    @ParameterizedTest(name = "{0} aggregated={1}")
    @MethodSource("sets")
    void mediansQuantilesRmstAndFollowUp(String set, boolean aggregated) {
        SurvivalData data = Golden.analysed(set, aggregated);
        Golden g = Golden.read("summary_" + set + ".csv");
        byCurve(g).forEach((curve, rows) -> {
            Map<String, String> r = rows.get(0);
            KaplanMeier km = KaplanMeier.withDefaults().with(Golden.confType(curve.get(2)));
            SurvivalData.Counts counts = Golden.curve(data, curve.get(0), curve.get(1));
            KaplanMeier.Result fit = km.fit(counts);
            String at = curve + " ";
            g.assertCount(r.get("n"), fit.subjects(), at + "n");
            g.assertCount(r.get("events"), fit.events(), at + "events");
            assertEstimate(g, r, "median", MedianConfidenceInterval.of(fit, MedianCiMethod.R), at);
            assertEstimate(g, r, "q25", SurvivalQuantiles.quantile(fit, 0.25), at);
            assertEstimate(g, r, "q50", SurvivalQuantiles.quantile(fit, 0.5), at);
            assertEstimate(g, r, "q75", SurvivalQuantiles.quantile(fit, 0.75), at);
            Rmst.Result rmst = Rmst.of(fit, Double.parseDouble(r.get("rmst_tau")));
            g.assertAgrees(r.get("rmst"), rmst.rmst(), at + "rmst");
            g.assertAgrees(r.get("rmst_se"), rmst.standardError(), at + "rmst_se");
            FollowUp.Result followUp = FollowUp.of(counts, km);
            assertEstimate(g, r, "followup", followUp.median(), at);
            g.assertAgrees(r.get("followup_crude_median"), followUp.crudeMedian(), at + "followup_crude_median");
            g.assertAgrees(r.get("followup_min"), followUp.min(), at + "followup_min");
            g.assertAgrees(r.get("followup_max"), followUp.max(), at + "followup_max");
        });
    }

    private static void assertEstimate(Golden g, Map<String, String> r, String name, SurvivalQuantiles.Estimate e,
                                       String at) {
        String value = name.equals("followup") ? "followup_median" : name;
        g.assertAgrees(r.get(value), e.value(), at + value);
        g.assertAgrees(r.get(name + "_lower"), e.lower(), at + name + "_lower");
        g.assertAgrees(r.get(name + "_upper"), e.upper(), at + name + "_upper");
    }

    @ParameterizedTest(name = "{0} aggregated={1}")
    @MethodSource("sets")
    void landmarks(String set, boolean aggregated) {
        SurvivalData data = Golden.analysed(set, aggregated);
        Golden g = Golden.read("landmark_" + set + ".csv");
        byCurve(g).forEach((curve, rows) -> {
            KaplanMeier.Result fit = fit(data, curve);
            for (Map<String, String> r : rows) {
                LandmarkSurvival.Point p = LandmarkSurvival.at(fit, Double.parseDouble(r.get("time")));
                String at = curve + " t=" + r.get("time") + " ";
                if (r.get("n_risk").equals("NA")) {
                    g.assertAgrees("NA", p.nRisk() == null ? Double.NaN : p.nRisk(), at + "n_risk");
                } else {
                    g.assertCount(r.get("n_risk"), p.nRisk(), at + "n_risk");
                }
                g.assertAgrees(r.get("surv"), p.surv(), at + "surv");
                g.assertAgrees(r.get("std_err"), p.stdErr(), at + "std_err");
                g.assertAgrees(r.get("lower"), p.lower(), at + "lower");
                g.assertAgrees(r.get("upper"), p.upper(), at + "upper");
            }
        });
    }

    @ParameterizedTest(name = "{0} aggregated={1}")
    @MethodSource("setsWithLogRank")
    void logRank(String set, boolean aggregated) {
        SurvivalData data = Golden.analysed(set, aggregated);
        Golden g = Golden.read("logrank_" + set + ".csv");
        for (String test : List.of("logrank", "logrank_stratified")) {
            List<Map<String, String>> rows = g.where(r -> r.get("test").equals(test));
            if (rows.isEmpty()) {
                continue;
            }
            LogRankTest.Result result = LogRankTest.withDefaults()
                    .withStratification(test.equals("logrank_stratified")).test(data);
            Map<String, String> first = rows.get(0);
            g.assertAgrees(first.get("statistic"), result.statistic(), test + " statistic");
            g.assertCount(first.get("df"), result.degreesOfFreedom(), test + " df");
            g.assertPValueAgrees(first.get("p_value"), result.pValue(), test + " p_value");
            assertEquals(rows.size(), result.groups().size(), test + " groups");
            for (Map<String, String> r : rows) {
                int gi = result.groups().indexOf(r.get("level"));
                assertFalse(gi < 0, "group " + r.get("level"));
                String at = test + " " + r.get("level") + " ";
                g.assertAgrees(r.get("observed"), result.observed(gi), at + "observed");
                g.assertAgrees(r.get("expected"), result.expected(gi), at + "expected");
                g.assertAgrees(r.get("variance"), result.variance(gi, gi), at + "variance");
            }
        }
    }

    private static long before;

    @BeforeAll
    static void count() {
        before = Golden.COMPARISONS.get();
    }

    @AfterAll
    static void report() {
        System.out.println("SurvivalGoldenTest: " + (Golden.COMPARISONS.get() - before) + " comparisons with R");
    }
}
