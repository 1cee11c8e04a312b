package org.oncorwe.stats.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncorwe.stats.stage.Comparison;
import org.oncorwe.stats.stage.StatsSettings;
import org.oncorwe.stats.stage.SummaryData;
import org.oncorwe.stats.stage.SummaryPatient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

/**
 * The summary tables' input of one study in aggregated slices (decisions 191, 268): the cohort and
 * endpoints rows joined per patient in Spark, each patient turned into one row per slice (the
 * {@link SummaryData#BASE_COLUMNS} and the slice's column, the other columns null) and counted per
 * distinct row; the toxicity rows counted per (group, term, max grade). One pass and one shuffle
 * for the columns, one for the terms; the driver receives distinct values with their counts —
 * never patient_key, never a row per patient.
 */
final class SummaryInput {

    private static final List<String> COHORT = List.of("age_at_index", "age_group", "menopausal_status", "hr_status",
            "disease_setting", "relapse_context", "perioperative_chemo", "prior_anti_her2", "docetaxel_admins",
            "docetaxel_group", "dfi_months", "dfi_group", "visceral_mets", "bone_mets", "brain_mets", "thp_cycles");
    private static final List<String> ENDPOINTS = List.of("measurable", "best_response", "dor_months", "long_term_responder");
    private static final String SLICE = "slice";
    private static final String COUNT = "patients";
    private static final String MERGE = "merge";

    private SummaryInput() {
    }

    static SummaryData data(SparkSession spark, Path cohort, Path endpoints, Path toxicity, String study, StatsSettings s) {
        Comparison comparison = s.comparison(study);
        List<Column> fromCohort = new ArrayList<>();
        fromCohort.add(col("patient_key"));
        fromCohort.add((comparison == null ? lit(null).cast("string") : col(comparison.factor()).cast("string")).as("grp"));
        COHORT.forEach(c -> fromCohort.add(col(c)));
        List<Column> fromEndpoints = new ArrayList<>(List.of(col("patient_key")));
        ENDPOINTS.forEach(c -> fromEndpoints.add(col(c)));
        // sort-merge joins, never broadcast: a study's endpoints partition is a few MB of Parquet, under
        // the broadcast threshold, but its hundreds of thousands of rows built as a broadcast table ran
        // the stats stage of 1 M patients in -Xmx1g out of memory (decision 268)
        Dataset<Row> joined = spark.read().parquet(cohort.toString()).select(fromCohort.toArray(Column[]::new))
                .join(spark.read().parquet(endpoints.toString()).select(fromEndpoints.toArray(Column[]::new)).hint(MERGE),
                        "patient_key");
        // spread over the session's shuffle partitions before each patient becomes 21 slice rows: AQE
        // coalesces a study's few MB of joined rows into one task, whose aggregation of 5.8 M slice
        // rows at 1 M patients (continuous columns: one distinct row per patient) fell back to a sort
        // and ran -Xmx1g out of heap (decision 273). Round-robin by number: AQE does not coalesce it.
        Dataset<Row> patients = joined.drop("patient_key")
                .repartition(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));

        List<String> all = new ArrayList<>(SummaryData.BASE_COLUMNS);
        all.addAll(SummaryData.SLICE_COLUMNS);
        List<String> names = new ArrayList<>(List.of(SummaryData.BASE));
        names.addAll(SummaryData.SLICE_COLUMNS);
        List<Column> perSlice = new ArrayList<>();
        for (String slice : names) {
            List<Column> fields = new ArrayList<>(List.of(lit(slice).as(SLICE)));
            for (String c : all) {
                boolean kept = SummaryData.BASE_COLUMNS.contains(c) || c.equals(slice);
                fields.add((kept ? col(c) : lit(null).cast(patients.schema().apply(c).dataType())).as(c));
            }
            perSlice.add(struct(fields.toArray(Column[]::new)));
        }
        List<Column> keys = new ArrayList<>(List.of(col(SLICE)));
        all.forEach(c -> keys.add(col(c)));
        Map<String, List<SummaryData.Weighted>> columns = new HashMap<>();
        for (Row r : patients.select(explode(array(perSlice.toArray(Column[]::new))).as("s")).select("s.*")
                .groupBy(keys.toArray(Column[]::new)).agg(count(lit(1)).as(COUNT)).collectAsList()) {
            SummaryPatient p = new SummaryPatient(r.getAs("grp"), r.getAs("age_at_index"), r.getAs("age_group"),
                    r.getAs("menopausal_status"), r.getAs("hr_status"), r.getAs("disease_setting"), r.getAs("relapse_context"),
                    r.getAs("perioperative_chemo"), r.getAs("prior_anti_her2"), r.getAs("docetaxel_admins"),
                    r.getAs("docetaxel_group"), r.getAs("dfi_months"), r.getAs("dfi_group"), r.getAs("visceral_mets"),
                    r.getAs("bone_mets"), r.getAs("brain_mets"), r.getAs("thp_cycles"), r.getAs("measurable"),
                    r.getAs("best_response"), r.getAs("dor_months"), r.getAs("long_term_responder"), Map.of());
            columns.computeIfAbsent(r.getAs(SLICE), k -> new ArrayList<>()).add(new SummaryData.Weighted(p, r.<Long>getAs(COUNT)));
        }

        Map<String, List<SummaryData.Weighted>> grades = new TreeMap<>();
        for (Row r : spark.read().parquet(toxicity.toString()).groupBy("patient_key", "ctcae_term")
                .agg(max("max_grade").as("max_grade"))
                .join(joined.select("patient_key", "grp").hint(MERGE), "patient_key")
                .groupBy("grp", "ctcae_term", "max_grade").agg(count(lit(1)).as(COUNT)).collectAsList()) {
            String term = r.getAs("ctcae_term");
            grades.computeIfAbsent(term, k -> new ArrayList<>()).add(new SummaryData.Weighted(
                    SummaryData.patient(r.getAs("grp"), Map.of(term, r.<Integer>getAs("max_grade"))), r.<Long>getAs(COUNT)));
        }
        return SummaryData.ofSlices(columns, grades);
    }
}
