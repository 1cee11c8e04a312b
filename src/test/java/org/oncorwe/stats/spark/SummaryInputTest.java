package org.oncorwe.stats.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.stats.stage.Comparison;
import org.oncorwe.stats.stage.StatsSettings;
import org.oncorwe.stats.stage.SummaryData;
import org.oncorwe.stats.stage.SummaryPatient;
import org.oncorwe.stats.stage.SummaryTables;
import org.oncorwe.stats.tables.OutputTable;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.SharedSpark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary tables from Spark's aggregated slices (decision 268) equal, cell for cell, the tables
 * of the same study's patients collected one by one — the way the stage read them before (decision
 * 191), kept here as the oracle — on the sample's two studies, and the driver receives fewer rows.
 */
@Tag("spark")
class SummaryInputTest {

    private static final List<String> STUDIES = List.of("first_line_thp", "first_line_th_vs_thp");

    private static Path partition(Path tables, String table, String study) {
        return tables.resolve(table).resolve("extract_date=" + IngestedExtracts.DATE).resolve("study=" + study);
    }

    /** Every cohort patient of the study as one row, collected (the pre-268 input). */
    private static List<SummaryPatient> onePerPatient(SparkSession spark, Path tables, String study, StatsSettings s) {
        Comparison comparison = s.comparison(study);
        List<Column> fromCohort = new ArrayList<>(List.of(col("patient_key"),
                (comparison == null ? lit(null).cast("string") : col(comparison.factor()).cast("string")).as("grp")));
        List.of("age_at_index", "age_group", "menopausal_status", "hr_status", "disease_setting", "relapse_context",
                "perioperative_chemo", "prior_anti_her2", "docetaxel_admins", "docetaxel_group", "dfi_months", "dfi_group",
                "visceral_mets", "bone_mets", "brain_mets", "thp_cycles").forEach(c -> fromCohort.add(col(c)));
        Dataset<Row> grades = spark.read().parquet(partition(tables, "toxicity", study).toString()).groupBy("patient_key")
                .agg(map_from_entries(collect_list(struct(col("ctcae_term"), col("max_grade")))).as("grades"));
        Dataset<Row> joined = spark.read().parquet(partition(tables, "cohort", study).toString())
                .select(fromCohort.toArray(Column[]::new))
                .join(spark.read().parquet(partition(tables, "endpoints", study).toString()).select("patient_key", "measurable",
                        "best_response", "dor_months", "long_term_responder"), "patient_key")
                .join(grades, new String[] {"patient_key"}, "left");
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

    private static List<List<Object>> rows(OutputTable t) {
        return t.rows().stream().map(r -> Arrays.asList(r.clone())).toList();
    }

    @Test
    void slicesGiveTheTablesOfThePatientsCollectedOneByOne() {
        SparkSession spark = SharedSpark.get();
        Path tables = IngestedExtracts.sampleWithEndpoints();
        StatsSettings s = StatsSettings.from(IngestedExtracts.referenceConfig());
        for (String study : STUDIES) {
            List<SummaryPatient> patients = onePerPatient(spark, tables, study, s);
            SummaryData data = SummaryInput.data(spark, partition(tables, "cohort", study), partition(tables, "endpoints", study),
                    partition(tables, "toxicity", study), study, s);
            assertTrue(patients.size() >= 100, study + ": " + patients.size() + " patients");
            SummaryTables.Tables expected = SummaryTables.of(study, SummaryData.of(patients), s);
            SummaryTables.Tables actual = SummaryTables.of(study, data, s);
            for (String name : SummaryTables.TABLES) {
                assertEquals(rows(expected.published().get(name)), rows(actual.published().get(name)), study + " " + name);
                String internal = SummaryTables.INTERNAL_PREFIX + name;
                assertEquals(rows(expected.internal().get(internal)), rows(actual.internal().get(internal)), study + " " + internal);
                assertTrue(expected.internal().get(internal).size() > 10, internal);
            }
            // every patient once in every slice; a slice of a categorical column is far smaller than the cohort
            for (String column : SummaryData.SLICE_COLUMNS) {
                assertEquals(patients.size(), data.column(column).stream().mapToLong(SummaryData.Weighted::weight).sum(),
                        study + " " + column);
            }
            assertTrue(data.column("hr_status").size() * 4 < patients.size(), study + ": " + data.column("hr_status").size());
        }
    }
}
