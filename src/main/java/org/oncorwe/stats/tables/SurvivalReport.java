package org.oncorwe.stats.tables;

import org.oncorwe.config.ConfigKey;
import org.oncorwe.stats.ConfidenceIntervalType;
import org.oncorwe.stats.CoxData;
import org.oncorwe.stats.CoxModel;
import org.oncorwe.stats.FollowUp;
import org.oncorwe.stats.KaplanMeier;
import org.oncorwe.stats.LandmarkSurvival;
import org.oncorwe.stats.LogRankTest;
import org.oncorwe.stats.MedianCiMethod;
import org.oncorwe.stats.MedianConfidenceInterval;
import org.oncorwe.stats.Rmst;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.SurvivalQuantiles;
import org.oncorwe.stats.TieMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.oncorwe.stats.tables.OutputTable.Type.BIGINT;
import static org.oncorwe.stats.tables.OutputTable.Type.BOOLEAN;
import static org.oncorwe.stats.tables.OutputTable.Type.DOUBLE;
import static org.oncorwe.stats.tables.OutputTable.Type.INT;
import static org.oncorwe.stats.tables.OutputTable.Type.STRING;

/**
 * The survival command's tables (outputs.md): km_curve, survival_summary, survival_landmark,
 * survival_test, hazard_ratio, and logrank_groups (observed, expected, variance per group). One curve for all
 * subjects (factor = level = {@code all}), one per group level (factor = the group column) and one
 * per stratum (factor = the strata column).
 */
public final class SurvivalReport {

    public static final String STUDY = "adhoc";
    static final String ALL = "all";

    /** What to compute; group, strata and tau may be null. */
    public record Options(String endpoint, String group, String strata, ConfidenceIntervalType confType,
                          List<Double> times, Double tau, TieMethod ties) {
    }

    /** One curve of the report. */
    public record Curve(String factor, String level, SurvivalData.Counts counts, KaplanMeier.Result fit) {
    }

    /** The tables, the curves they came from, and seconds per step (km, logrank). */
    public record Result(List<OutputTable> tables, List<Curve> curves, Map<String, Double> timings) {
    }

    private SurvivalReport() {
    }

    public static Result of(SurvivalData data, Options options) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        KaplanMeier km = KaplanMeier.withDefaults().with(options.confType());
        List<Curve> curves = curves(data, options, km);
        OutputTable curve = kmCurve(curves, options);
        OutputTable summary = summary(curves, options, km);
        OutputTable landmark = landmark(curves, options);
        timings.put("km", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        List<OutputTable> tests = tests(data, options);
        timings.put("logrank", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        OutputTable hazardRatio = cox(data, options, tests.get(0));
        timings.put("cox", (System.nanoTime() - start) / 1e9);
        List<OutputTable> tables = new ArrayList<>(List.of(curve, summary, landmark));
        tables.addAll(tests);
        tables.add(hazardRatio);
        return new Result(List.copyOf(tables), List.copyOf(curves), timings);
    }

    private static List<Curve> curves(SurvivalData data, Options o, KaplanMeier km) {
        List<Curve> curves = new ArrayList<>();
        curves.add(curve(ALL, ALL, data.counts(), km));
        if (o.group() != null) {
            for (String level : data.groups()) {
                curves.add(curve(o.group(), level, data.countsOfGroup(level), km));
            }
        }
        if (o.strata() != null) {
            for (String level : data.strata()) {
                curves.add(curve(o.strata(), level, data.countsOfStratum(level), km));
            }
        }
        return curves;
    }

    private static Curve curve(String factor, String level, SurvivalData.Counts counts, KaplanMeier km) {
        return new Curve(factor, level, counts, km.fit(counts));
    }

    private static String token(ConfidenceIntervalType type) {
        return ConfigKey.token(type);
    }

    private static OutputTable keyed(String name, boolean withLevel) {
        OutputTable t = new OutputTable(name).column("study", STRING).column("endpoint", STRING)
                .column("factor", STRING);
        return withLevel ? t.column("level", STRING) : t;
    }

    private static OutputTable kmCurve(List<Curve> curves, Options o) {
        OutputTable t = keyed("km_curve", true).column("time", DOUBLE).column("n_risk", BIGINT)
                .column("n_event", BIGINT).column("n_censor", BIGINT).column("surv", DOUBLE)
                .column("std_err", DOUBLE).column("std_err_log", DOUBLE).column("lower", DOUBLE)
                .column("upper", DOUBLE).column("conf_type", STRING).column("cumhaz", DOUBLE)
                .column("std_chaz", DOUBLE);
        for (Curve c : curves) {
            KaplanMeier.Result f = c.fit();
            for (int i = 0; i < f.size(); i++) {
                t.add(STUDY, o.endpoint(), c.factor(), c.level(), f.time(i), f.nRisk(i), f.nEvent(i), f.nCensor(i),
                        f.surv(i), f.stdErr(i), f.stdErrLog(i), f.lower(i), f.upper(i), token(o.confType()),
                        f.cumhaz(i), f.stdErrCumhaz(i));
            }
        }
        return t;
    }

    private static OutputTable summary(List<Curve> curves, Options o, KaplanMeier km) {
        OutputTable t = keyed("survival_summary", true).column("conf_type", STRING)
                .column("median_ci_method", STRING).column("n", BIGINT).column("events", BIGINT)
                .column("median", DOUBLE).column("median_lower", DOUBLE).column("median_upper", DOUBLE)
                .column("q25", DOUBLE).column("q75", DOUBLE).column("rmst", DOUBLE).column("rmst_se", DOUBLE)
                .column("rmst_tau", DOUBLE).column("followup_median", DOUBLE).column("followup_lower", DOUBLE)
                .column("followup_upper", DOUBLE).column("followup_crude_median", DOUBLE)
                .column("followup_min", DOUBLE).column("followup_max", DOUBLE).column("q25_lower", DOUBLE)
                .column("q25_upper", DOUBLE).column("q75_lower", DOUBLE).column("q75_upper", DOUBLE);
        for (Curve c : curves) {
            KaplanMeier.Result f = c.fit();
            SurvivalQuantiles.Estimate q25 = SurvivalQuantiles.quantile(f, 0.25);
            SurvivalQuantiles.Estimate q75 = SurvivalQuantiles.quantile(f, 0.75);
            Rmst.Result rmst = o.tau() == null ? null : Rmst.of(f, o.tau());
            FollowUp.Result fu = FollowUp.of(c.counts(), km);
            for (MedianCiMethod method : MedianCiMethod.values()) {
                SurvivalQuantiles.Estimate median = MedianConfidenceInterval.of(f, method);
                t.add(STUDY, o.endpoint(), c.factor(), c.level(), token(o.confType()), ConfigKey.token(method),
                        f.subjects(), f.events(), median.value(), median.lower(), median.upper(), q25.value(),
                        q75.value(), rmst == null ? null : rmst.rmst(), rmst == null ? null : rmst.standardError(),
                        o.tau(), fu.median().value(), fu.median().lower(), fu.median().upper(), fu.crudeMedian(),
                        fu.min(), fu.max(), q25.lower(), q25.upper(), q75.lower(), q75.upper());
            }
        }
        return t;
    }

    private static OutputTable landmark(List<Curve> curves, Options o) {
        OutputTable t = keyed("survival_landmark", true).column("time", DOUBLE).column("n_risk", BIGINT)
                .column("surv", DOUBLE).column("std_err", DOUBLE).column("lower", DOUBLE).column("upper", DOUBLE)
                .column("conf_type", STRING);
        for (Curve c : curves) {
            for (double time : o.times().stream().mapToDouble(Double::doubleValue).sorted().toArray()) {
                LandmarkSurvival.Point p = LandmarkSurvival.at(c.fit(), time);
                t.add(STUDY, o.endpoint(), c.factor(), c.level(), time, p.nRisk(), p.surv(), p.stdErr(), p.lower(),
                        p.upper(), token(o.confType()));
            }
        }
        return t;
    }

    /** survival_test (one row per test) and logrank_groups (one row per test and group). */
    private static List<OutputTable> tests(SurvivalData data, Options o) {
        OutputTable test = keyed("survival_test", false).column("test", STRING).column("statistic", DOUBLE)
                .column("df", INT).column("p_value", DOUBLE).column("strata", STRING);
        OutputTable groups = keyed("logrank_groups", true).column("test", STRING).column("observed", DOUBLE)
                .column("expected", DOUBLE).column("variance", DOUBLE).column("strata", STRING);
        if (o.group() != null) {
            addTest(test, groups, o, "logrank", null, LogRankTest.withDefaults().withStratification(false).test(data));
            if (o.strata() != null) {
                addTest(test, groups, o, "logrank_stratified", o.strata(), LogRankTest.withDefaults().test(data));
            }
        }
        return List.of(test, groups);
    }

    private static void addTest(OutputTable test, OutputTable groups, Options o, String name, String strata,
                                LogRankTest.Result r) {
        test.add(STUDY, o.endpoint(), o.group(), name, r.statistic(), r.degreesOfFreedom(), r.pValue(), strata);
        for (int g = 0; g < r.groups().size(); g++) {
            groups.add(STUDY, o.endpoint(), o.group(), r.groups().get(g), name, r.observed(g), r.expected(g),
                    r.variance(g, g), strata);
        }
    }

    /**
     * hazard_ratio from a Cox model of the group (dummies against the first level), stratified by
     * --strata when given, and its cox_wald, cox_lr and cox_score rows in survival_test.
     */
    private static OutputTable cox(SurvivalData data, Options o, OutputTable test) {
        OutputTable t = keyed("hazard_ratio", false).column("term", STRING).column("reference", STRING)
                .column("hr", DOUBLE).column("hr_lower", DOUBLE).column("hr_upper", DOUBLE).column("coef", DOUBLE)
                .column("se", DOUBLE).column("p_value", DOUBLE).column("ties", STRING).column("strata", STRING)
                .column("converged", BOOLEAN).column("warning", STRING);
        if (o.group() == null || data.groups().size() < 2) {
            return t;
        }
        String reference = data.groups().get(0);
        CoxModel.Result fit = CoxModel.withDefaults().with(o.ties())
                .fit(CoxData.ofGroup(data, reference, o.strata() != null));
        String warning = fit.monotone() ? "MONOTONE_LIKELIHOOD" : fit.converged() ? null : "NOT_CONVERGED";
        for (CoxModel.Result.Term term : fit.terms()) {
            t.add(STUDY, o.endpoint(), o.group(), term.name(), reference, term.hr(), term.hrLower(), term.hrUpper(),
                    term.coef(), term.se(), term.pValue(), ConfigKey.token(o.ties()), o.strata(), fit.converged(),
                    warning);
        }
        addCoxTest(test, o, "cox_wald", fit.wald());
        addCoxTest(test, o, "cox_lr", fit.likelihoodRatio());
        addCoxTest(test, o, "cox_score", fit.score());
        return t;
    }

    private static void addCoxTest(OutputTable test, Options o, String name, CoxModel.Result.Test result) {
        test.add(STUDY, o.endpoint(), o.group(), name, result.statistic(), result.df(), result.pValue(), o.strata());
    }
}
