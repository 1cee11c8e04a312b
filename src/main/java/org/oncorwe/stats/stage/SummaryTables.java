package org.oncorwe.stats.stage;

import org.oncorwe.stats.ClopperPearson;

import org.oncorwe.stats.tables.OutputTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The paper's Tables 1–3 for one study (outputs.md; the summary-table layout of decision 190):
 * {@code baseline_table}, {@code response_summary} and {@code ae_summary}, one row per (table_row,
 * level, group), rows in the paper's order; {@code group} = {@code all} plus each level of the study's
 * comparison factor, compared by chi-square or Fisher's exact test. Plain Java over the study's
 * {@link SummaryPatient}s, one by one or in aggregated slices ({@link SummaryData}, decision 268); small
 * cells are hidden in the published copy (decisions 192–194).
 */
public final class SummaryTables {

    public static final String BASELINE = "baseline_table";
    public static final String RESPONSE = "response_summary";
    public static final String AE = "ae_summary";
    public static final List<String> TABLES = List.of(BASELINE, RESPONSE, AE);
    public static final String INTERNAL_PREFIX = "internal_";
    /** Table 3's terms in the paper's order (the toxicity table's CTCAE v5.0 spelling); other terms follow alphabetically. */
    public static final List<String> PAPER_AE_TERMS = List.of("Neutrophil count decreased", "Febrile neutropenia", "Diarrhea",
            "Nausea", "Vomiting", "Mucositis oral", "Peripheral sensory neuropathy");

    private static final List<String> YES_NO = List.of("true", "false");
    private static final List<String> BEST_RESPONSES = List.of("CR", "PR", "SD", "NON_CR_NON_PD", "PD", "NE");
    private static final String RELAPSED = SummaryCells.base(BASELINE, "disease_setting", "RELAPSED");
    private static final String AFTER_SURGERY = SummaryCells.base(BASELINE, "relapse_context", "CURATIVE_SURGERY");
    private static final String MEASURABLE = SummaryCells.base(RESPONSE, "measurable", "true");
    private static final String RESPONDERS = SummaryCells.base(RESPONSE, "orr", "responder");

    /** The published tables and their unsuppressed {@code internal_*} copies, by table name. */
    public record Tables(Map<String, OutputTable> published, Map<String, OutputTable> internal) {
    }

    private SummaryTables() {
    }

    /**
     * The three tables of {@code study} from its patients; {@code comparisonLevels} = the levels of its
     * comparison factor in configured order (empty without a comparison); k = privacy.min_cell_count.
     */
    public static Tables of(String study, List<SummaryPatient> patients, List<String> comparisonLevels, int k) {
        return of(study, patients, comparisonLevels, k, 0.95);
    }

    /** As {@link #of(String, List, List, int)}, with Clopper–Pearson intervals at {@code confLevel} (stats.conf_level). */
    public static Tables of(String study, List<SummaryPatient> patients, List<String> comparisonLevels, int k, double confLevel) {
        return of(study, SummaryData.of(patients), comparisonLevels, k, confLevel);
    }

    /** As {@link #of(String, List, List, int, double)}, over a study's patients in slices ({@link SummaryData}). */
    public static Tables of(String study, SummaryData data, List<String> comparisonLevels, int k, double confLevel) {
        SummaryCells c = new SummaryCells(data, comparisonLevels, ClopperPearson.withDefaults().withConfidenceLevel(confLevel));
        baseline(c);
        response(c);
        adverseEvents(c, data);
        return c.tables(study, TABLES, k);
    }

    private static void baseline(SummaryCells c) {
        Predicate<SummaryPatient> all = p -> true;
        String n = SummaryCells.N;
        String base = SummaryData.BASE;
        c.continuous(BASELINE, "age", 1, "age_at_index", all, n, SummaryPatient::ageAtIndex);
        c.categorical(BASELINE, "age_group", 2, "age_group", all, n, List.of("<=40", "41-50", "51-60", ">60"),
                SummaryPatient::ageGroup);
        c.categorical(BASELINE, "menopausal_status", 3, "menopausal_status", all, n, List.of("PRE", "POST", "UNKNOWN"),
                SummaryPatient::menopausalStatus);
        c.categorical(BASELINE, "hr_status", 4, "hr_status", all, n, List.of("POSITIVE", "NEGATIVE", "UNKNOWN"),
                SummaryPatient::hrStatus);
        c.categorical(BASELINE, "disease_setting", 5, base, all, n, List.of("DE_NOVO", "RELAPSED"),
                SummaryPatient::diseaseSetting);
        c.categorical(BASELINE, "relapse_context", 6, base, SummaryPatient::relapsed, RELAPSED,
                List.of("CURATIVE_SURGERY", "NEOADJUVANT_PROGRESSION", "UNKNOWN"), SummaryPatient::relapseContext);
        c.categorical(BASELINE, "perioperative_chemo", 7, "perioperative_chemo", SummaryPatient::afterCurativeSurgery,
                AFTER_SURGERY, YES_NO, SummaryPatient::perioperativeChemo);
        c.categorical(BASELINE, "prior_anti_her2", 8, "prior_anti_her2", all, n, YES_NO, SummaryPatient::priorAntiHer2);
        c.continuous(BASELINE, "docetaxel_admins", 9, "docetaxel_admins", all, n, SummaryPatient::docetaxelAdmins);
        c.categorical(BASELINE, "docetaxel_group", 10, "docetaxel_group", all, n, List.of("<6", "6-9", ">=10"),
                SummaryPatient::docetaxelGroup);
        c.continuous(BASELINE, "dfi_months", 11, "dfi_months", SummaryPatient::afterCurativeSurgery, AFTER_SURGERY,
                SummaryPatient::dfiMonths);
        c.categorical(BASELINE, "dfi_group", 12, "dfi_group", SummaryPatient::afterCurativeSurgery, AFTER_SURGERY,
                List.of("<=6", ">6-12", ">12-24", ">24"), SummaryPatient::dfiGroup);
        c.categorical(BASELINE, "visceral_mets", 13, "visceral_mets", all, n, YES_NO, SummaryPatient::visceralMets);
        c.categorical(BASELINE, "bone_mets", 14, "bone_mets", all, n, YES_NO, SummaryPatient::boneMets);
        c.categorical(BASELINE, "brain_mets", 15, "brain_mets", all, n, YES_NO, SummaryPatient::brainMets);
    }

    private static void response(SummaryCells c) {
        Predicate<SummaryPatient> measurable = p -> Boolean.TRUE.equals(p.measurable());
        String base = SummaryData.BASE;
        c.categorical(RESPONSE, "measurable", 1, base, p -> true, SummaryCells.N, YES_NO, SummaryPatient::measurable);
        c.categorical(RESPONSE, "bor", 2, base, measurable, MEASURABLE, BEST_RESPONSES, SummaryPatient::bestResponse);
        c.rate(RESPONSE, "orr", 3, "responder", measurable, MEASURABLE, SummaryPatient::responder, bor("CR", "PR"), false);
        c.rate(RESPONSE, "cr_rate", 4, "CR", measurable, MEASURABLE, p -> "CR".equals(p.bestResponse()), bor("CR"), false);
        List<String> controlled = List.of("CR", "PR", "SD", "NON_CR_NON_PD");
        c.rate(RESPONSE, "dcr", 5, "controlled", measurable, MEASURABLE, p -> controlled.contains(p.bestResponse()),
                bor(controlled.toArray(String[]::new)), true);
        c.continuous(RESPONSE, "thp_cycles", 6, "thp_cycles", p -> true, SummaryCells.N, SummaryPatient::thpCycles);
        c.continuous(RESPONSE, "dor_months", 7, "dor_months", SummaryPatient::responder, RESPONDERS,
                SummaryPatient::dorMonths);
        c.categorical(RESPONSE, "long_term_responder", 8, "long_term_responder", SummaryPatient::responder, RESPONDERS,
                YES_NO, SummaryPatient::longTermResponder);
    }

    private static List<String> bor(String... levels) {
        return List.of(levels).stream().map(l -> SummaryCells.base(RESPONSE, "bor", l)).toList();
    }

    /** The paper's seven terms always (0 shown), then every other term a patient of the study has. */
    private static void adverseEvents(SummaryCells c, SummaryData data) {
        List<String> terms = new ArrayList<>(PAPER_AE_TERMS);
        TreeSet<String> others = new TreeSet<>(data.terms());
        others.removeAll(PAPER_AE_TERMS);
        terms.addAll(others);
        for (int i = 0; i < terms.size(); i++) {
            c.adverseEvent(AE, terms.get(i), i + 1);
        }
    }

    /** The summary tables of a study with its settings: groups from its comparison factor's configured levels. */
    public static Tables of(String study, SummaryData data, StatsSettings s) {
        Comparison comparison = s.comparison(study);
        return of(study, data, comparison == null ? List.of() : s.levels(comparison.factor()), s.minCellCount(),
                s.confLevel());
    }
}
