package org.oncorwe.config;

import org.oncorwe.cohort.Her2Rule;
import org.oncorwe.endpoints.PfsDefinition;
import org.oncorwe.endpoints.ResponseConfirmation;
import org.oncorwe.ingest.PartialDateImputation;
import org.oncorwe.stats.ConfidenceIntervalType;
import org.oncorwe.stats.MedianCiMethod;
import org.oncorwe.stats.TieMethod;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every configuration key, one constant each. Defaults and their meaning are in
 * {@code reference.conf} (a test keeps the two in step).
 */
public final class ConfigKeys {

    /** Sections whose values can change a result; {@code config_hash} covers these only. */
    public static final List<String> ANALYSIS_SECTIONS =
            List.of("ingest", "dates", "cohort", "her2", "endpoints", "stats", "privacy");
    /** All sections, in the order reference.conf lists them. */
    public static final List<String> SECTIONS = List.of(
            "ingest", "dates", "cohort", "her2", "endpoints", "stats", "privacy", "dev", "runtime");

    // ingest
    public static final ConfigKey<Double> INGEST_MAX_UNDECODABLE_FRACTION = ConfigKey.decimal("ingest.max_undecodable_fraction");
    public static final ConfigKey<Integer> INGEST_MAX_LINES_PER_RECORD = ConfigKey.integer("ingest.max_lines_per_record");
    public static final ConfigKey<Integer> INGEST_MAX_FIELD_LENGTH = ConfigKey.integer("ingest.max_field_length");
    public static final ConfigKey<List<String>> INGEST_MISSING_MARKERS = ConfigKey.stringList("ingest.missing_markers");
    public static final ConfigKey<String> INGEST_DEFAULT_ENCODING = ConfigKey.string("ingest.default_encoding");
    public static final ConfigKey<Integer> INGEST_EVENT_AFTER_DEATH_DAYS = ConfigKey.integer("ingest.event_after_death_days");

    // dates
    public static final ConfigKey<PartialDateImputation> DATES_PARTIAL_IMPUTATION =
            ConfigKey.option("dates.partial_imputation", PartialDateImputation.class, false);
    public static final ConfigKey<Integer> DATES_MIN_YEAR = ConfigKey.integer("dates.min_year");

    // cohort
    public static final ConfigKey<String> COHORT_DEFAULT_STUDY = ConfigKey.string("cohort.default_study");
    public static final ConfigKey<Boolean> COHORT_MISSING_KCD_IS_BREAST = ConfigKey.bool("cohort.missing_kcd_is_breast");
    public static final ConfigKey<Integer> COHORT_DE_NOVO_WINDOW_DAYS = ConfigKey.integer("cohort.de_novo_window_days");
    public static final ConfigKey<Integer> COHORT_METASTATIC_SPLIT_DAYS = ConfigKey.integer("cohort.metastatic_split_days");
    public static final ConfigKey<Integer> COHORT_REGIMEN_WINDOW_DAYS = ConfigKey.integer("cohort.regimen_window_days");
    public static final ConfigKey<Integer> COHORT_LINE_GAP_DAYS = ConfigKey.integer("cohort.line_gap_days");
    public static final ConfigKey<Integer> COHORT_SITES_AT_INDEX_DAYS = ConfigKey.integer("cohort.sites_at_index_days");
    public static final ConfigKey<java.util.Map<String, org.oncorwe.cohort.StudyAttrition.Study>> COHORT_STUDIES =
            ConfigKey.records("cohort.studies", org.oncorwe.cohort.Studies::read, org.oncorwe.cohort.Studies::canonical);

    // her2
    public static final ConfigKey<Her2Rule> HER2_RULE = ConfigKey.option("her2.rule", Her2Rule.class, false);
    public static final ConfigKey<DayWindow> HER2_WINDOW_DAYS = ConfigKey.daysOrAny("her2.window_days");
    public static final ConfigKey<Integer> HER2_ISH_IHC_PAIRING_DAYS = ConfigKey.integer("her2.ish_ihc_pairing_days");
    public static final ConfigKey<Integer> HER2_HR_WINDOW_DAYS = ConfigKey.integer("her2.hr_window_days");

    // endpoints
    public static final ConfigKey<PfsDefinition> ENDPOINTS_DOR_PFS = ConfigKey.option("endpoints.dor_pfs", PfsDefinition.class, true);
    public static final ConfigKey<Integer> ENDPOINTS_PFS_TRIAL_DEATH_WINDOW_DAYS = ConfigKey.integer("endpoints.pfs_trial_death_window_days");
    public static final ConfigKey<Boolean> ENDPOINTS_PFS_TRIAL_CENSOR_AT_NEXT_LINE = ConfigKey.bool("endpoints.pfs_trial_censor_at_next_line");
    public static final ConfigKey<ResponseConfirmation> ENDPOINTS_BOR_CONFIRMATION =
            ConfigKey.option("endpoints.bor_confirmation", ResponseConfirmation.class, false);
    public static final ConfigKey<Integer> ENDPOINTS_BOR_CONFIRMATION_DAYS = ConfigKey.integer("endpoints.bor_confirmation_days");
    public static final ConfigKey<Integer> ENDPOINTS_BOR_SD_MIN_DAYS = ConfigKey.integer("endpoints.bor_sd_min_days");
    public static final ConfigKey<Integer> ENDPOINTS_MEASURABLE_BASELINE_DAYS = ConfigKey.integer("endpoints.measurable_baseline_days");
    public static final ConfigKey<Integer> ENDPOINTS_LONG_TERM_RESPONDER_DAYS = ConfigKey.integer("endpoints.long_term_responder_days");
    public static final ConfigKey<String> ENDPOINTS_CTCAE_VERSION = ConfigKey.string("endpoints.ctcae_version");
    public static final ConfigKey<Integer> ENDPOINTS_TOXICITY_WINDOW_AFTER_LINE_DAYS = ConfigKey.integer("endpoints.toxicity_window_after_line_days");
    public static final ConfigKey<Integer> ENDPOINTS_LAB_BASELINE_DAYS = ConfigKey.integer("endpoints.lab_baseline_days");
    public static final ConfigKey<Integer> ENDPOINTS_LVEF_BASELINE_DAYS = ConfigKey.integer("endpoints.lvef_baseline_days");

    // stats
    public static final ConfigKey<ConfidenceIntervalType> STATS_CONF_TYPE = ConfigKey.option("stats.conf_type", ConfidenceIntervalType.class, true);
    public static final ConfigKey<Double> STATS_CONF_LEVEL = ConfigKey.decimal("stats.conf_level");
    public static final ConfigKey<MedianCiMethod> STATS_MEDIAN_CI = ConfigKey.option("stats.median_ci", MedianCiMethod.class, true);
    public static final ConfigKey<TieMethod> STATS_TIES = ConfigKey.option("stats.ties", TieMethod.class, true);
    public static final ConfigKey<Boolean> STATS_TIMEFIX = ConfigKey.bool("stats.timefix");
    public static final ConfigKey<List<Integer>> STATS_LANDMARK_MONTHS = ConfigKey.integerList("stats.landmark_months");
    public static final ConfigKey<Double> STATS_RMST_TAU_MONTHS = ConfigKey.decimal("stats.rmst_tau_months");
    public static final ConfigKey<Double> STATS_DAYS_PER_MONTH = ConfigKey.decimal("stats.days_per_month");
    public static final ConfigKey<Integer> STATS_OS_LANDMARK_DOCETAXEL_DAYS = ConfigKey.integer("stats.os_landmark_docetaxel_days");
    public static final ConfigKey<Integer> STATS_OS_LANDMARK_RESPONDER_DAYS = ConfigKey.integer("stats.os_landmark_responder_days");
    public static final ConfigKey<Map<String, List<String>>> STATS_FACTOR_LEVELS = ConfigKey.records("stats.factor_levels",
            org.oncorwe.stats.stage.FactorLevels::read, org.oncorwe.stats.stage.FactorLevels::canonical);
    public static final ConfigKey<List<String>> STATS_SUBGROUP_FACTORS = ConfigKey.stringList("stats.subgroup_factors");
    public static final ConfigKey<Map<String, org.oncorwe.stats.stage.Comparison>> STATS_COMPARISONS = ConfigKey.records(
            "stats.comparisons", org.oncorwe.stats.stage.Comparison::read, org.oncorwe.stats.stage.Comparison::canonical);

    // privacy
    public static final ConfigKey<Integer> PRIVACY_MIN_CELL_COUNT = ConfigKey.integer("privacy.min_cell_count");
    public static final ConfigKey<Boolean> PRIVACY_ALLOW_DEVELOPMENT_KEY = ConfigKey.bool("privacy.allow_development_key");

    // dev
    public static final ConfigKey<Integer> DEV_GENERATOR_SEED = ConfigKey.integer("dev.generator_seed");
    public static final ConfigKey<Integer> DEV_SAMPLE_PATIENTS = ConfigKey.integer("dev.sample_patients");
    public static final ConfigKey<String> DEV_SAMPLE_DIR = ConfigKey.string("dev.sample_dir");
    public static final ConfigKey<Integer> DEV_ROWS_PER_PART = ConfigKey.integer("dev.rows_per_part");
    public static final ConfigKey<Integer> DEV_PAUSE_BEFORE_PUBLISH_MS = ConfigKey.integer("dev.pause_before_publish_ms");
    public static final ConfigKey<String> DEV_PAUSE_MARKER = ConfigKey.string("dev.pause_marker");
    public static final ConfigKey<String> DEV_SIGNAL_STAGE = ConfigKey.string("dev.signal_stage");
    public static final ConfigKey<String> DEV_SIGNAL_MARKER = ConfigKey.string("dev.signal_marker");
    public static final ConfigKey<Double> DEV_DAMAGE_DATE_FORMATS = ConfigKey.decimal("dev.damage_date_formats");
    public static final ConfigKey<Double> DEV_DAMAGE_MISSING_MARKERS = ConfigKey.decimal("dev.damage_missing_markers");
    public static final ConfigKey<Double> DEV_DAMAGE_KOREAN_SEX = ConfigKey.decimal("dev.damage_korean_sex");
    public static final ConfigKey<Double> DEV_DAMAGE_QUOTED_TEXT = ConfigKey.decimal("dev.damage_quoted_text");
    public static final ConfigKey<Double> DEV_DAMAGE_UNKNOWN_DRUGS = ConfigKey.decimal("dev.damage_unknown_drugs");
    public static final ConfigKey<Double> DEV_DAMAGE_NON_NUMERIC_LABS = ConfigKey.decimal("dev.damage_non_numeric_labs");
    public static final ConfigKey<Double> DEV_DAMAGE_IMPOSSIBLE_DATES = ConfigKey.decimal("dev.damage_impossible_dates");
    public static final ConfigKey<Double> DEV_DAMAGE_IDENTICAL_DUPLICATES = ConfigKey.decimal("dev.damage_identical_duplicates");
    public static final ConfigKey<Double> DEV_DAMAGE_CONFLICTING_PATIENTS = ConfigKey.decimal("dev.damage_conflicting_patients");
    public static final ConfigKey<Double> DEV_DAMAGE_UNKNOWN_PATIENTS = ConfigKey.decimal("dev.damage_unknown_patients");
    public static final ConfigKey<Double> DEV_DAMAGE_INVALID_AE_GRADES = ConfigKey.decimal("dev.damage_invalid_ae_grades");
    public static final ConfigKey<Double> DEV_DAMAGE_BOM = ConfigKey.decimal("dev.damage_bom");
    public static final ConfigKey<Double> DEV_DAMAGE_PARTIAL_DATES = ConfigKey.decimal("dev.damage_partial_dates");
    public static final ConfigKey<Double> DEV_DAMAGE_UNMAPPED_AE_TERMS = ConfigKey.decimal("dev.damage_unmapped_ae_terms");
    public static final ConfigKey<Double> DEV_DAMAGE_CODE_NAME_DISAGREE = ConfigKey.decimal("dev.damage_code_name_disagree");

    // runtime
    public static final ConfigKey<String> RUNTIME_MASTER = ConfigKey.string("runtime.master");
    public static final ConfigKey<String> RUNTIME_DRIVER_MEMORY = ConfigKey.string("runtime.driver_memory");
    public static final ConfigKey<Integer> RUNTIME_SHUFFLE_PARTITIONS = ConfigKey.integer("runtime.shuffle_partitions");
    public static final ConfigKey<Boolean> RUNTIME_ADAPTIVE_ENABLED = ConfigKey.bool("runtime.adaptive_enabled");
    public static final ConfigKey<String> RUNTIME_OUTPUT = ConfigKey.string("runtime.output");
    public static final ConfigKey<String> RUNTIME_DICTIONARIES = ConfigKey.string("runtime.dictionaries");
    public static final ConfigKey<String> RUNTIME_SPARK_LOG_LEVEL = ConfigKey.string("runtime.spark_log_level");
    public static final ConfigKey<Map<String, String>> RUNTIME_SPARK_CONF = ConfigKey.stringMap("runtime.spark_conf");

    /** Every key above, in declaration order. */
    public static final List<ConfigKey<?>> ALL = collect();

    private ConfigKeys() {
    }

    /** The key with this dotted path, or null. */
    public static ConfigKey<?> byPath(String path) {
        for (ConfigKey<?> key : ALL) {
            if (key.path().equals(path)) {
                return key;
            }
        }
        return null;
    }

    /** Keys whose value is an object taking any sub-key (free-form settings, named records). */
    static Set<ConfigKey<?>> freeForm() {
        Set<ConfigKey<?>> out = new java.util.LinkedHashSet<>();
        for (ConfigKey<?> key : ALL) {
            if (key.kind() == ConfigKey.Kind.OBJECT || key.kind() == ConfigKey.Kind.RECORDS) {
                out.add(key);
            }
        }
        return out;
    }

    private static List<ConfigKey<?>> collect() {
        List<ConfigKey<?>> keys = new ArrayList<>();
        for (Field f : ConfigKeys.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigKey.class) {
                try {
                    keys.add((ConfigKey<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(keys);
    }
}
