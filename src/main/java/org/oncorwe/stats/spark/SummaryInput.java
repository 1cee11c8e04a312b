package org.oncorwe.stats.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncorwe.stats.stage.Comparison;
import org.oncorwe.stats.stage.StatsSettings;
import org.oncorwe.stats.stage.SummaryPatient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.struct;

/**
 * The summary tables' input of one study (decision 191): the cohort, endpoints and toxicity rows
 * joined per patient in Spark, the toxicity rows folded into a term → max grade map, and only the
 * columns the tables read collected on the driver — never patient_key. A study is a few hundred
 * patients, so the driver holds one small row each.
 */
final class SummaryInput {

    private static final List<String> COHORT = List.of("age_at_index", "age_group", "menopausal_status", "hr_status",
            "disease_setting", "relapse_context", "perioperative_chemo", "prior_anti_her2", "docetaxel_admins",
            "docetaxel_group", "dfi_months", "dfi_group", "visceral_mets", "bone_mets", "brain_mets", "thp_cycles");
    private static final List<String> ENDPOINTS = List.of("measurable", "best_response", "dor_months", "long_term_responder");

    private SummaryInput() {
    }

    static List<SummaryPatient> patients(SparkSession spark, Path cohort, Path endpoints, Path toxicity, String study,
                                         StatsSettings s) {
        Comparison comparison = s.comparison(study);
        List<Column> fromCohort = new ArrayList<>();
        fromCohort.add(col("patient_key"));
        fromCohort.add((comparison == null ? lit(null).cast("string") : col(comparison.factor()).cast("string")).as("grp"));
        COHORT.forEach(c -> fromCohort.add(col(c)));
        List<Column> fromEndpoints = new ArrayList<>(List.of(col("patient_key")));
        ENDPOINTS.forEach(c -> fromEndpoints.add(col(c)));
        Dataset<Row> grades = spark.read().parquet(toxicity.toString()).groupBy("patient_key")
                .agg(map_from_entries(collect_list(struct(col("ctcae_term"), col("max_grade")))).as("grades"));
        Dataset<Row> joined = spark.read().parquet(cohort.toString()).select(fromCohort.toArray(Column[]::new))
                .join(spark.read().parquet(endpoints.toString()).select(fromEndpoints.toArray(Column[]::new)), "patient_key")
                .join(grades, new String[] {"patient_key"}, "left")
                .drop("patient_key");
        List<SummaryPatient> out = new ArrayList<>();
        for (Row r : joined.collectAsList()) {
            Map<String, Integer> g = r.isNullAt(r.fieldIndex("grades")) ? Map.of() : r.getJavaMap(r.fieldIndex("grades"));
            out.add(new SummaryPatient(r.getAs("grp"), r.getAs("age_at_index"), r.getAs("age_group"),
                    r.getAs("menopausal_status"), r.getAs("hr_status"), r.getAs("disease_setting"), r.getAs("relapse_context"),
                    r.getAs("perioperative_chemo"), r.getAs("prior_anti_her2"), r.getAs("docetaxel_admins"),
                    r.getAs("docetaxel_group"), r.getAs("dfi_months"), r.getAs("dfi_group"), r.getAs("visceral_mets"),
                    r.getAs("bone_mets"), r.getAs("brain_mets"), r.getAs("thp_cycles"), r.getAs("measurable"),
                    r.getAs("best_response"), r.getAs("dor_months"), r.getAs("long_term_responder"), g));
        }
        return out;
    }
}
