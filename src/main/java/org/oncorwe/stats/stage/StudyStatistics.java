package org.oncorwe.stats.stage;

import org.oncorwe.config.ConfigKey;
import org.oncorwe.stats.CoxData;
import org.oncorwe.stats.CoxModel;
import org.oncorwe.stats.Levels;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.stats.tables.SurvivalReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One study's survival tables from the counts Spark aggregated (plain Java, on the driver, in a
 * fixed order): per endpoint and factor the {@code survival} command's engine
 * ({@link SurvivalReport}) on the same aggregates, with the factor's levels in the configured order
 * (the first the reference), levels not configured (UNKNOWN, null) described but left out of
 * log-rank and Cox, times computed in days and written in months, and the study's comparison
 * (a stratified, adjusted Cox model). Unsuppressed: {@link SmallCells} makes the published copy.
 */
public final class StudyStatistics {

    /** Events and censorings of one (endpoint, factor, level) at one day; level null when missing. */
    public record Count(String endpoint, String factor, String level, int time, long nEvent, long nCensor) {
    }

    /** Events and censorings of one covariate pattern of the comparison model at one day. */
    public record PatternCount(String endpoint, String stratum, List<String> levels, int time, long nEvent, long nCensor) {
    }

    /** The tables the stage publishes per study, in order; logrank_groups holds the per-group log-rank numbers. */
    public static final List<String> TABLES = SurvivalReport.TABLES;

    /** Columns holding a time (or an area under S), converted from days to months on output. */
    static final Set<String> TIME_COLUMNS = Set.of("time", "median", "median_lower", "median_upper", "q25", "q75",
            "rmst", "rmst_se", "rmst_tau", "followup_median", "followup_lower", "followup_upper",
            "followup_crude_median", "followup_min", "followup_max", "q25_lower", "q25_upper", "q75_lower",
            "q75_upper");
    /** The extra column of survival_test and hazard_ratio naming the covariates of an adjusted model (null: univariable). */
    public static final String ADJUSTED_FOR = "adjusted_for";

    private StudyStatistics() {
    }

    /** Adds up observations per (endpoint, factor, level, day): what Spark's groupBy gives, in plain Java. */
    public static List<Count> count(List<Observations.Observation> observations) {
        List<Count> out = new ArrayList<>();
        sum(observations, o -> java.util.Arrays.asList(o.endpoint(), o.factor(), o.level(), o.time()),
                Observations.Observation::event).forEach((k, s) -> out.add(new Count((String) k.get(0), (String) k.get(1),
                (String) k.get(2), (Integer) k.get(3), s[0], s[1])));
        return out;
    }

    /** Adds up patterns per (endpoint, stratum, levels, day). */
    @SuppressWarnings("unchecked")
    public static List<PatternCount> countPatterns(List<Observations.Pattern> patterns) {
        List<PatternCount> out = new ArrayList<>();
        sum(patterns, p -> java.util.Arrays.asList(p.endpoint(), p.stratum(), p.levels(), p.time()),
                Observations.Pattern::event).forEach((k, s) -> out.add(new PatternCount((String) k.get(0), (String) k.get(1),
                (List<String>) k.get(2), (Integer) k.get(3), s[0], s[1])));
        return out;
    }

    /** Events and censorings per key, keys in first-seen order. */
    private static <T> Map<List<Object>, long[]> sum(List<T> items, java.util.function.Function<T, List<Object>> key,
                                                     Predicate<T> event) {
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        for (T item : items) {
            sums.computeIfAbsent(key.apply(item), k -> new long[2])[event.test(item) ? 0 : 1]++;
        }
        return sums;
    }

    /** The study's tables (named as {@link #TABLES}), unsuppressed, times in months. */
    public static Map<String, OutputTable> of(String study, List<Count> counts, List<PatternCount> patterns, StatsSettings s) {
        Tables out = new Tables(study, s.daysPerMonth());
        // a fixed order whatever order Spark collected the rows in
        Map<String, Map<String, List<Count>>> byEndpoint = new LinkedHashMap<>();
        for (String endpoint : Endpoint.ALL) {
            byEndpoint.put(endpoint, new LinkedHashMap<>());
        }
        List<Count> sorted = new ArrayList<>(counts);
        sorted.sort(Comparator.comparing(Count::factor).thenComparing(c -> String.valueOf(c.level()))
                .thenComparingInt(Count::time));
        for (Count c : sorted) {
            byEndpoint.get(c.endpoint()).computeIfAbsent(c.factor(), f -> new ArrayList<>()).add(c);
        }
        for (String endpoint : Endpoint.ALL) {
            Map<String, List<Count>> byFactor = byEndpoint.get(endpoint);
            List<String> factors = new ArrayList<>();
            factors.add(Endpoint.FACTOR_ALL);
            factors.addAll(endpoint.equals(Endpoint.OS_LM126) ? List.of(Endpoint.DOCETAXEL_GE6)
                    : endpoint.equals(Endpoint.OS_LM1066) ? List.of(Endpoint.INDEX_LINE_ONGOING) : s.factors(study));
            for (String factor : factors) {
                List<Count> rows = byFactor.getOrDefault(factor, List.of());
                if (!rows.isEmpty()) {
                    factor(out, endpoint, factor, rows, s);
                }
            }
            Comparison c = s.comparison(study);
            if (c != null && c.endpoints().contains(endpoint)) {
                stratified(out, endpoint, c, patterns, s);
                comparison(out, endpoint, c, patterns, s);
            }
        }
        if (out.followUpRowsNeedClearing) {
            out.clearFollowUpColumns();
        }
        return out.tables;
    }

    private static SurvivalReport.Options options(String endpoint, String group, StatsSettings s) {
        return new SurvivalReport.Options(endpoint, group, null, s.confType(), s.landmarkDays(), s.rmstTauDays(), s.ties(),
                s.confLevel());
    }

    /**
     * One (endpoint, factor): curves of every level (configured levels first, in their order, then
     * the others in code-point order, null last), then log-rank and univariable Cox over the
     * configured levels present when there are at least two (not for follow-up).
     */
    private static void factor(Tables out, String endpoint, String factor, List<Count> rows, StatsSettings s) {
        if (factor.equals(Endpoint.FACTOR_ALL)) {
            List<SurvivalData.Row> data = new ArrayList<>();
            rows.forEach(r -> data.add(new SurvivalData.Row(SurvivalData.NONE, SurvivalData.NONE, r.time(), r.nEvent(),
                    r.nCensor())));
            SurvivalReport.Result all = SurvivalReport.of(SurvivalData.ofAggregates(data), options(endpoint, null, s));
            out.addCurves(all, endpoint, Map.of(), true);
            return;
        }
        List<String> configured = s.levels(factor);
        List<String> order = levelOrder(configured, rows);
        // group codes "0", "1", ...: numbers, so the engine keeps the configured order and the first is the reference
        Map<String, String> names = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            names.put(String.valueOf(i), order.get(i));
            codes.put(order.get(i), String.valueOf(i));
        }
        List<SurvivalData.Row> data = new ArrayList<>();
        List<SurvivalData.Row> known = new ArrayList<>();
        for (Count r : rows) {
            SurvivalData.Row row = new SurvivalData.Row(SurvivalData.NONE, codes.get(r.level()), r.time(), r.nEvent(),
                    r.nCensor());
            data.add(row);
            if (r.level() != null && configured.contains(r.level())) {
                known.add(row);
            }
        }
        SurvivalReport.Result curves = SurvivalReport.of(SurvivalData.ofAggregates(data), options(endpoint, factor, s));
        out.addCurves(curves, endpoint, names, false);
        long knownLevels = order.stream().filter(l -> l != null && configured.contains(l)).count();
        if (knownLevels >= 2 && !endpoint.equals(Endpoint.FOLLOWUP)) {
            SurvivalReport.Result tests = SurvivalReport.of(SurvivalData.ofAggregates(known), options(endpoint, factor, s));
            out.addTests(tests, names, false);
        }
    }

    /** The levels present: configured ones in their order, then the others in code-point order, then null. */
    static List<String> levelOrder(List<String> configured, List<Count> rows) {
        Set<String> present = new LinkedHashSet<>();
        boolean missing = false;
        for (Count r : rows) {
            if (r.level() == null) {
                missing = true;
            } else {
                present.add(r.level());
            }
        }
        List<String> order = new ArrayList<>();
        configured.stream().filter(present::contains).forEach(order::add);
        order.addAll(Levels.order(present.stream().filter(l -> !configured.contains(l)).toList()));
        if (missing) {
            order.add(null);
        }
        return order;
    }

    /**
     * The comparison factor stratified but not adjusted (CLEOPATRA's primary analysis; decision 212):
     * the stratified log-rank test and the stratified univariable Cox model over the patients with a
     * configured level and stratum, as the survival command gives them with {@code --strata}. Its
     * rows carry strata and no adjusted_for; the unstratified ones come from the factor's own rows.
     */
    private static void stratified(Tables out, String endpoint, Comparison c, List<PatternCount> patterns, StatsSettings s) {
        List<String> levels = s.levels(c.factor());
        List<String> strata = s.levels(c.strata());
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            names.put(String.valueOf(i), levels.get(i));
        }
        List<SurvivalData.Row> rows = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (PatternCount p : patterns) {
            int level = levels.indexOf(p.levels().get(0));
            if (p.endpoint().equals(endpoint) && level >= 0 && p.stratum() != null && strata.contains(p.stratum())) {
                rows.add(new SurvivalData.Row(p.stratum(), String.valueOf(level), p.time(), p.nEvent(), p.nCensor()));
                present.add(p.levels().get(0));
            }
        }
        if (present.size() < 2) {
            return;
        }
        SurvivalReport.Result r = SurvivalReport.of(SurvivalData.ofAggregates(rows), new SurvivalReport.Options(endpoint,
                c.factor(), c.strata(), s.confType(), List.of(), null, s.ties(), s.confLevel()));
        out.addTests(r, names, true);
    }

    /**
     * The comparison's Cox model on one endpoint: the factor and the adjustment covariates
     * dummy-coded against their first configured level, stratified by the strata factor's
     * configured levels; patients with a level or stratum not configured are left out.
     */
    private static void comparison(Tables out, String endpoint, Comparison c, List<PatternCount> patterns, StatsSettings s) {
        List<CoxData.Factor> factors = new ArrayList<>();
        factors.add(new CoxData.Factor(c.factor(), s.levels(c.factor())));
        c.adjust().forEach(f -> factors.add(new CoxData.Factor(f, s.levels(f))));
        List<String> strata = s.levels(c.strata());
        List<PatternCount> own = new ArrayList<>(patterns.stream()
                .filter(p -> p.endpoint().equals(endpoint) && p.stratum() != null && strata.contains(p.stratum())
                        && !p.levels().contains(null)).toList());
        if (own.isEmpty()) {
            return;
        }
        own.sort(Comparator.comparing(PatternCount::stratum).thenComparing(p -> String.join("\u0000",
                p.levels().stream().map(String::valueOf).toList())).thenComparingInt(PatternCount::time));
        List<CoxData.PatternRow> rows = new ArrayList<>();
        for (PatternCount p : own) {
            rows.add(new CoxData.PatternRow(p.stratum(), p.time(), p.levels(), p.nEvent(), p.nCensor()));
        }
        CoxModel.Result fit = CoxModel.withDefaults().with(s.ties()).withConfidenceLevel(s.confLevel())
                .fit(CoxData.ofFactors(factors, rows));
        String adjusted = String.join(",", c.adjust());
        String warning = SurvivalReport.warning(fit);
        for (CoxModel.Result.Term term : fit.terms()) {
            String termFactor = term.name().substring(0, term.name().indexOf('='));
            Map<String, Object> row = new HashMap<>();
            row.put("endpoint", endpoint);
            row.put("factor", c.factor());
            row.put("term", term.name());
            row.put("reference", s.levels(termFactor).get(0));
            row.put("hr", term.hr());
            row.put("hr_lower", term.hrLower());
            row.put("hr_upper", term.hrUpper());
            row.put("coef", term.coef());
            row.put("se", term.se());
            row.put("p_value", term.pValue());
            row.put("ties", ConfigKey.token(s.ties()));
            row.put("strata", c.strata());
            row.put("converged", fit.converged());
            row.put("warning", warning);
            row.put(ADJUSTED_FOR, adjusted);
            out.row("hazard_ratio", row);
        }
        test(out, endpoint, c, "cox_wald", fit.wald(), adjusted);
        test(out, endpoint, c, "cox_lr", fit.likelihoodRatio(), adjusted);
        test(out, endpoint, c, "cox_score", fit.score(), adjusted);
    }

    private static void test(Tables out, String endpoint, Comparison c, String name, CoxModel.Result.Test t, String adjusted) {
        out.row("survival_test", Map.of("endpoint", endpoint, "factor", c.factor(), "test", name, "statistic", t.statistic(),
                "df", t.df(), "p_value", t.pValue(), "strata", c.strata(), ADJUSTED_FOR, adjusted));
    }

    /** The study's tables being filled: rows copied by column name, study set, group codes named, days as months. */
    private static final class Tables {
        final Map<String, OutputTable> tables = new LinkedHashMap<>();
        final String study;
        final double daysPerMonth;
        boolean followUpRowsNeedClearing;

        Tables(String study, double daysPerMonth) {
            this.study = study;
            this.daysPerMonth = daysPerMonth;
            for (String name : TABLES) {
                OutputTable t = SurvivalReport.emptyTable(name);
                if (name.equals("survival_test") || name.equals("hazard_ratio")) {
                    t.column(ADJUSTED_FOR, OutputTable.Type.STRING);
                }
                tables.put(name, t);
            }
        }

        /** km_curve, survival_summary and survival_landmark of a report: every curve but the pooled one of a factor. */
        void addCurves(SurvivalReport.Result r, String endpoint, Map<String, String> names, boolean pooled) {
            for (OutputTable t : r.tables().subList(0, 3)) {
                int level = index(t, "level");
                for (Object[] values : t.rows()) {
                    if (Endpoint.FACTOR_ALL.equals(values[level]) == pooled) {
                        copy(t, values, names);
                    }
                }
            }
            followUpRowsNeedClearing |= endpoint.equals(Endpoint.FOLLOWUP);
        }

        /**
         * survival_test, logrank_groups and hazard_ratio of a report on the configured levels; with
         * {@code stratifiedOnly} only the rows with strata (not the report's unstratified log-rank).
         */
        void addTests(SurvivalReport.Result r, Map<String, String> names, boolean stratifiedOnly) {
            for (OutputTable t : r.tables().subList(3, 6)) {
                int strata = index(t, "strata");
                t.rows().stream().filter(values -> !stratifiedOnly || values[strata] != null)
                        .forEach(values -> copy(t, values, names));
            }
        }

        private void copy(OutputTable from, Object[] values, Map<String, String> names) {
            Map<String, Object> byName = new HashMap<>();
            List<OutputTable.Column> columns = from.columns();
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i).name();
                Object v = values[i];
                if ((c.equals("level") || c.equals("term") || c.equals("reference")) && v != null && names.containsKey(v)) {
                    v = names.get(v);
                }
                byName.put(c, v);
            }
            row(from.name(), byName);
        }

        void row(String table, Map<String, Object> byName) {
            OutputTable t = tables.get(table);
            List<OutputTable.Column> columns = t.columns();
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                String c = columns.get(i).name();
                Object v = c.equals("study") ? study : byName.get(c);
                if (v instanceof Double d && TIME_COLUMNS.contains(c)) {
                    v = d / daysPerMonth;
                }
                values[i] = v;
            }
            t.add(values);
        }

        /**
         * The follow-up endpoint's curves are the reverse Kaplan-Meier itself (its median is the
         * median follow-up), so its followup_median/lower/upper (the reverse of the reverse) are null.
         */
        void clearFollowUpColumns() {
            OutputTable t = tables.get("survival_summary");
            OutputTable cleared = SurvivalReport.emptyTable("survival_summary");
            int endpoint = index(t, "endpoint");
            List<Integer> clear = List.of(index(t, "followup_median"), index(t, "followup_lower"), index(t, "followup_upper"));
            for (Object[] values : t.rows()) {
                Object[] copy = values.clone();
                if (Endpoint.FOLLOWUP.equals(copy[endpoint])) {
                    clear.forEach(i -> copy[i] = null);
                }
                cleared.add(copy);
            }
            tables.put("survival_summary", cleared);
        }
    }

    static int index(OutputTable t, String column) {
        List<OutputTable.Column> columns = t.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(t.name() + " has no column " + column);
    }
}
