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
import java.util.EnumMap;
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

    /** What to compute; group, strata and tau may be null; confLevel is the level of every interval. */
    public record Options(String endpoint, String group, String strata, ConfidenceIntervalType confType,
                          List<Double> times, Double tau, TieMethod ties, double confLevel) {

        /** 95 % intervals (the survival command's). */
        public Options(String endpoint, String group, String strata, ConfidenceIntervalType confType,
                       List<Double> times, Double tau, TieMethod ties) {
            this(endpoint, group, strata, confType, times, tau, ties, 0.95);
        }
    }

    /** What the report computes for one curve: the fit and every estimate of survival_summary and survival_landmark. */
    public record Curve(String factor, String level, SurvivalData.Counts counts, KaplanMeier.Result fit,
                        Map<MedianCiMethod, SurvivalQuantiles.Estimate> medians, SurvivalQuantiles.Estimate q25,
                        SurvivalQuantiles.Estimate q75, Rmst.Result rmst, FollowUp.Result followUp,
                        List<LandmarkSurvival.Point> landmarks) {
    }

    /** A log-rank test of the group, unstratified or stratified (strata = the column, or null). */
    private record LogRank(String name, String strata, LogRankTest.Result result) {
    }

    /** The tables, the curves they came from, and seconds per step (km, summary, logrank, cox, tables). */
    public record Result(List<OutputTable> tables, List<Curve> curves, Map<String, Double> timings) {
    }

    private SurvivalReport() {
    }

    /**
     * Computes every estimate, timed per step (km: the curves; summary: medians, quartiles, RMST,
     * follow-up, landmarks; logrank; cox), then lays out the tables (timed: tables).
     */
    public static Result of(SurvivalData data, Options options) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        KaplanMeier km = KaplanMeier.withDefaults().with(options.confType()).withConfidenceLevel(options.confLevel());
        List<Fit> fits = fits(data, options, km);
        timings.put("km", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        List<Curve> curves = fits.stream().map(f -> curve(f, km, options)).toList();
        timings.put("summary", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        List<LogRank> logRanks = logRanks(data, options);
        timings.put("logrank", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        CoxModel.Result cox = options.group() == null || data.groups().size() < 2 ? null
                : CoxModel.withDefaults().with(options.ties()).withConfidenceLevel(options.confLevel())
                        .fit(CoxData.ofGroup(data, data.groups().get(0), options.strata() != null));
        timings.put("cox", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        List<OutputTable> tables = new ArrayList<>(List.of(kmCurve(curves, options), summary(curves, options),
                landmark(curves, options)));
        OutputTable test = testTable();
        tables.add(test);
        tables.add(logRankTables(logRanks, options, test));
        tables.add(hazardRatio(cox, data, options, test));
        timings.put("tables", (System.nanoTime() - start) / 1e9);
        return new Result(List.copyOf(tables), List.copyOf(curves), timings);
    }

    /** One fitted curve before its summaries. */
    private record Fit(String factor, String level, SurvivalData.Counts counts, KaplanMeier.Result fit) {
    }

    private static List<Fit> fits(SurvivalData data, Options o, KaplanMeier km) {
        List<Fit> fits = new ArrayList<>();
        fits.add(fit(ALL, ALL, data.counts(), km));
        if (o.group() != null) {
            for (String level : data.groups()) {
                fits.add(fit(o.group(), level, data.countsOfGroup(level), km));
            }
        }
        if (o.strata() != null) {
            for (String level : data.strata()) {
                fits.add(fit(o.strata(), level, data.countsOfStratum(level), km));
            }
        }
        return fits;
    }

    private static Fit fit(String factor, String level, SurvivalData.Counts counts, KaplanMeier km) {
        return new Fit(factor, level, counts, km.fit(counts));
    }

    /** Medians (both CI methods), quartiles, RMST, follow-up and landmarks of a fitted curve. */
    private static Curve curve(Fit f, KaplanMeier km, Options o) {
        KaplanMeier.Result fit = f.fit();
        Map<MedianCiMethod, SurvivalQuantiles.Estimate> medians = new EnumMap<>(MedianCiMethod.class);
        for (MedianCiMethod method : MedianCiMethod.values()) {
            medians.put(method, MedianConfidenceInterval.of(fit, method));
        }
        List<LandmarkSurvival.Point> landmarks = new ArrayList<>();
        for (double time : o.times().stream().mapToDouble(Double::doubleValue).sorted().toArray()) {
            landmarks.add(LandmarkSurvival.at(fit, time));
        }
        return new Curve(f.factor(), f.level(), f.counts(), fit, medians, SurvivalQuantiles.quantile(fit, 0.25),
                SurvivalQuantiles.quantile(fit, 0.75), o.tau() == null ? null : Rmst.of(fit, o.tau()),
                FollowUp.of(f.counts(), km), landmarks);
    }

    private static List<LogRank> logRanks(SurvivalData data, Options o) {
        List<LogRank> tests = new ArrayList<>();
        if (o.group() != null) {
            tests.add(new LogRank("logrank", null, LogRankTest.withDefaults().withStratification(false).test(data)));
            if (o.strata() != null) {
                tests.add(new LogRank("logrank_stratified", o.strata(), LogRankTest.withDefaults().test(data)));
            }
        }
        return tests;
    }

    private static String token(ConfidenceIntervalType type) {
        return ConfigKey.token(type);
    }

    private static OutputTable keyed(String name, boolean withLevel) {
        OutputTable t = new OutputTable(name).column("study", STRING).column("endpoint", STRING)
                .column("factor", STRING);
        return withLevel ? t.column("level", STRING) : t;
    }

    /** The tables this report writes, in the order {@link #of} returns them. */
    public static final List<String> TABLES = List.of("km_curve", "survival_summary", "survival_landmark", "survival_test",
            "logrank_groups", "hazard_ratio");

    /** An empty table of this report with its columns (one of {@link #TABLES}). */
    public static OutputTable emptyTable(String name) {
        return switch (name) {
            case "km_curve" -> kmCurveTable();
            case "survival_summary" -> summaryTable();
            case "survival_landmark" -> landmarkTable();
            case "survival_test" -> testTable();
            case "logrank_groups" -> logRankGroupsTable();
            case "hazard_ratio" -> hazardRatioTable();
            default -> throw new IllegalArgumentException("not a survival table: " + name);
        };
    }

    /** The warning column of a Cox fit's rows: MONOTONE_LIKELIHOOD, NOT_CONVERGED or null. */
    public static String warning(CoxModel.Result fit) {
        return fit.monotone() ? "MONOTONE_LIKELIHOOD" : fit.converged() ? null : "NOT_CONVERGED";
    }

    private static OutputTable kmCurveTable() {
        return keyed("km_curve", true).column("time", DOUBLE).column("n_risk", BIGINT)
                .column("n_event", BIGINT).column("n_censor", BIGINT).column("surv", DOUBLE)
                .column("std_err", DOUBLE).column("std_err_log", DOUBLE).column("lower", DOUBLE)
                .column("upper", DOUBLE).column("conf_type", STRING).column("cumhaz", DOUBLE)
                .column("std_chaz", DOUBLE);
    }

    private static OutputTable kmCurve(List<Curve> curves, Options o) {
        OutputTable t = kmCurveTable();
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

    private static OutputTable summaryTable() {
        return keyed("survival_summary", true).column("conf_type", STRING)
                .column("median_ci_method", STRING).column("n", BIGINT).column("events", BIGINT)
                .column("median", DOUBLE).column("median_lower", DOUBLE).column("median_upper", DOUBLE)
                .column("q25", DOUBLE).column("q75", DOUBLE).column("rmst", DOUBLE).column("rmst_se", DOUBLE)
                .column("rmst_tau", DOUBLE).column("followup_median", DOUBLE).column("followup_lower", DOUBLE)
                .column("followup_upper", DOUBLE).column("followup_crude_median", DOUBLE)
                .column("followup_min", DOUBLE).column("followup_max", DOUBLE).column("q25_lower", DOUBLE)
                .column("q25_upper", DOUBLE).column("q75_lower", DOUBLE).column("q75_upper", DOUBLE);
    }

    private static OutputTable summary(List<Curve> curves, Options o) {
        OutputTable t = summaryTable();
        for (Curve c : curves) {
            KaplanMeier.Result f = c.fit();
            Rmst.Result rmst = c.rmst();
            FollowUp.Result fu = c.followUp();
            for (MedianCiMethod method : MedianCiMethod.values()) {
                SurvivalQuantiles.Estimate median = c.medians().get(method);
                t.add(STUDY, o.endpoint(), c.factor(), c.level(), token(o.confType()), ConfigKey.token(method),
                        f.subjects(), f.events(), median.value(), median.lower(), median.upper(), c.q25().value(),
                        c.q75().value(), rmst == null ? null : rmst.rmst(), rmst == null ? null : rmst.standardError(),
                        o.tau(), fu.median().value(), fu.median().lower(), fu.median().upper(), fu.crudeMedian(),
                        fu.min(), fu.max(), c.q25().lower(), c.q25().upper(), c.q75().lower(), c.q75().upper());
            }
        }
        return t;
    }

    private static OutputTable landmarkTable() {
        return keyed("survival_landmark", true).column("time", DOUBLE).column("n_risk", BIGINT)
                .column("surv", DOUBLE).column("std_err", DOUBLE).column("lower", DOUBLE).column("upper", DOUBLE)
                .column("conf_type", STRING);
    }

    private static OutputTable landmark(List<Curve> curves, Options o) {
        OutputTable t = landmarkTable();
        for (Curve c : curves) {
            for (LandmarkSurvival.Point p : c.landmarks()) {
                t.add(STUDY, o.endpoint(), c.factor(), c.level(), p.time(), p.nRisk(), p.surv(), p.stdErr(), p.lower(),
                        p.upper(), token(o.confType()));
            }
        }
        return t;
    }

    /** survival_test: one row per test (logrank, logrank_stratified, cox_wald, cox_lr, cox_score). */
    private static OutputTable testTable() {
        return keyed("survival_test", false).column("test", STRING).column("statistic", DOUBLE)
                .column("df", INT).column("p_value", DOUBLE).column("strata", STRING);
    }

    /** logrank_groups (one row per test and group), adding each test's row to survival_test. */
    private static OutputTable logRankGroupsTable() {
        return keyed("logrank_groups", true).column("test", STRING).column("observed", DOUBLE)
                .column("expected", DOUBLE).column("variance", DOUBLE).column("strata", STRING);
    }

    private static OutputTable logRankTables(List<LogRank> tests, Options o, OutputTable test) {
        OutputTable groups = logRankGroupsTable();
        for (LogRank lr : tests) {
            LogRankTest.Result r = lr.result();
            test.add(STUDY, o.endpoint(), o.group(), lr.name(), r.statistic(), r.degreesOfFreedom(), r.pValue(),
                    lr.strata());
            for (int g = 0; g < r.groups().size(); g++) {
                groups.add(STUDY, o.endpoint(), o.group(), r.groups().get(g), lr.name(), r.observed(g),
                        r.expected(g), r.variance(g, g), lr.strata());
            }
        }
        return groups;
    }

    /**
     * hazard_ratio from the Cox model of the group (dummies against the first level), stratified by
     * --strata when given, and its cox_wald, cox_lr and cox_score rows in survival_test.
     */
    private static OutputTable hazardRatioTable() {
        return keyed("hazard_ratio", false).column("term", STRING).column("reference", STRING)
                .column("hr", DOUBLE).column("hr_lower", DOUBLE).column("hr_upper", DOUBLE).column("coef", DOUBLE)
                .column("se", DOUBLE).column("p_value", DOUBLE).column("ties", STRING).column("strata", STRING)
                .column("converged", BOOLEAN).column("warning", STRING);
    }

    private static OutputTable hazardRatio(CoxModel.Result fit, SurvivalData data, Options o, OutputTable test) {
        OutputTable t = hazardRatioTable();
        if (fit == null) {
            return t;
        }
        String reference = data.groups().get(0);
        String warning = warning(fit);
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
