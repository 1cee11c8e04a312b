package org.oncorwe.stats.stage;

import org.oncorwe.config.ConfigError;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.stats.ConfidenceIntervalType;
import org.oncorwe.stats.TieMethod;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the stats stage reads of the configuration ({@code stats.*}, {@code privacy.min_cell_count}).
 * Times are days inside the stage; {@code daysPerMonth} converts them on output. {@code confLevel}
 * is the level of every interval the stage publishes (decision 211).
 */
public record StatsSettings(ConfidenceIntervalType confType, double confLevel, TieMethod ties, List<Integer> landmarkMonths,
                            double rmstTauMonths, double daysPerMonth, int docetaxelLandmarkDays,
                            int responderLandmarkDays, int minCellCount, Map<String, List<String>> factorLevels,
                            List<String> subgroupFactors, Map<String, Comparison> comparisons) implements Serializable {

    public StatsSettings {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new ConfigError("config key stats.conf_level: expected a level in (0, 1), got " + confLevel);
        }
        landmarkMonths = List.copyOf(landmarkMonths);
        factorLevels = Map.copyOf(factorLevels);
        subgroupFactors = List.copyOf(subgroupFactors);
        comparisons = Map.copyOf(comparisons);
        for (String f : subgroupFactors) {
            requireLevels(factorLevels, f, "stats.subgroup_factors");
        }
        for (Comparison c : comparisons.values()) {
            String where = "stats.comparisons." + c.study();
            requireLevels(factorLevels, c.factor(), where + ".factor");
            requireLevels(factorLevels, c.strata(), where + ".strata");
            for (String f : c.adjust()) {
                requireLevels(factorLevels, f, where + ".adjust");
            }
        }
        requireLevels(factorLevels, Endpoint.DOCETAXEL_GE6, "stats.factor_levels (os_lm126's grouping)");
        requireLevels(factorLevels, Endpoint.INDEX_LINE_ONGOING, "stats.factor_levels (os_lm1066's grouping)");
    }

    private static void requireLevels(Map<String, List<String>> levels, String factor, String where) {
        if (!levels.containsKey(factor)) {
            throw new ConfigError("config key " + where + ": factor " + factor + " has no levels in stats.factor_levels");
        }
    }

    public static StatsSettings from(OncoRweConfig c) {
        return new StatsSettings(c.get(ConfigKeys.STATS_CONF_TYPE), c.get(ConfigKeys.STATS_CONF_LEVEL), c.get(ConfigKeys.STATS_TIES),
                c.get(ConfigKeys.STATS_LANDMARK_MONTHS), c.get(ConfigKeys.STATS_RMST_TAU_MONTHS),
                c.get(ConfigKeys.STATS_DAYS_PER_MONTH), c.get(ConfigKeys.STATS_OS_LANDMARK_DOCETAXEL_DAYS),
                c.get(ConfigKeys.STATS_OS_LANDMARK_RESPONDER_DAYS), c.get(ConfigKeys.PRIVACY_MIN_CELL_COUNT),
                c.get(ConfigKeys.STATS_FACTOR_LEVELS), c.get(ConfigKeys.STATS_SUBGROUP_FACTORS),
                c.get(ConfigKeys.STATS_COMPARISONS));
    }

    /** The levels of a factor, the first the reference. */
    public List<String> levels(String factor) {
        return factorLevels.get(factor);
    }

    /** The study's comparison, or null. */
    public Comparison comparison(String study) {
        return comparisons.get(study);
    }

    /** The factors a study's survival endpoints are broken down by: the subgroup factors, then its comparison factor. */
    public List<String> factors(String study) {
        Set<String> out = new LinkedHashSet<>(subgroupFactors);
        Comparison c = comparison(study);
        if (c != null) {
            out.add(c.factor());
        }
        return List.copyOf(out);
    }

    /** Every cohort column the stage reads for a study: its factors, and its comparison's strata and covariates. */
    public List<String> cohortColumns(String study) {
        Set<String> out = new LinkedHashSet<>(factors(study));
        Comparison c = comparison(study);
        if (c != null) {
            out.add(c.strata());
            out.addAll(c.adjust());
        }
        return new ArrayList<>(out);
    }

    /** Landmark times in days. */
    public List<Double> landmarkDays() {
        return landmarkMonths.stream().map(m -> m * daysPerMonth).toList();
    }

    public double rmstTauDays() {
        return rmstTauMonths * daysPerMonth;
    }
}
