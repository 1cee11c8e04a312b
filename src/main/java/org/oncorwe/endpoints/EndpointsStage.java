package org.oncorwe.endpoints;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.oncorwe.ingest.StagedReader;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.StepLog;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.oncorwe.runtime.SparkTables.date;
import static org.oncorwe.runtime.SparkTables.list;
import static org.oncorwe.runtime.SparkTables.perPatient;
import static org.oncorwe.runtime.SparkTables.seq;
import static org.oncorwe.runtime.SparkTables.sql;
import static org.oncorwe.runtime.SparkTables.writePartition;

/**
 * The endpoints stage's Spark shell: for each chosen study's cohort, gathers each patient's
 * lines, assessments, labs, measurements and recorded AEs (one join of per-patient lists), hands
 * them to {@link PatientEndpoints} and {@link Toxicity}, and writes {@code endpoints},
 * {@code tumor_response} and {@code toxicity}, one partition per extract date and study.
 */
public final class EndpointsStage {

    /** Rows per table (summed over studies) and the key id the inputs carry. */
    public record Result(Map<String, Long> rowsPerTable, String keyId) {
    }

    public static final List<String> TABLES = List.of("endpoints", "tumor_response", "toxicity");

    private static final StructType ENDPOINTS = new StructType()
            .add("os_days", DataTypes.IntegerType, false)
            .add("os_months", DataTypes.DoubleType, false)
            .add("os_event", DataTypes.IntegerType, false)
            .add("pfs_days", DataTypes.IntegerType, false)
            .add("pfs_months", DataTypes.DoubleType, false)
            .add("pfs_event", DataTypes.IntegerType, false)
            .add("pfs_event_type", DataTypes.StringType, true)
            .add("pfs_trial_days", DataTypes.IntegerType, false)
            .add("pfs_trial_months", DataTypes.DoubleType, false)
            .add("pfs_trial_event", DataTypes.IntegerType, false)
            .add("measurable", DataTypes.BooleanType, false)
            .add("best_response", DataTypes.StringType, false)
            .add("responder", DataTypes.BooleanType, true)
            .add("dor_days", DataTypes.IntegerType, true)
            .add("dor_months", DataTypes.DoubleType, true)
            .add("dor_event", DataTypes.IntegerType, true)
            .add("long_term_responder", DataTypes.BooleanType, true)
            .add("next_line_regimen", DataTypes.StringType, true)
            .add("next_line_start", DataTypes.DateType, true);

    private static final StructType RESPONSE = new StructType()
            .add("assessment_date", DataTypes.DateType, false)
            .add("days_from_index", DataTypes.IntegerType, false)
            .add("overall_response", DataTypes.StringType, true)
            .add("derived", DataTypes.BooleanType, false)
            .add("counted_for_bor", DataTypes.BooleanType, false);

    private static final StructType TOXICITY = new StructType()
            .add("ctcae_term", DataTypes.StringType, false)
            .add("ctcae_version", DataTypes.StringType, false)
            .add("max_grade", DataTypes.IntegerType, false)
            .add("source", DataTypes.StringType, false)
            .add("first_onset_date", DataTypes.DateType, false)
            .add("max_grade_date", DataTypes.DateType, false);

    private static final StructType PER_PATIENT = new StructType()
            .add("study", DataTypes.StringType, false)
            .add("patient_key", DataTypes.StringType, false)
            .add("endpoints", ENDPOINTS, false)
            .add("responses", DataTypes.createArrayType(RESPONSE, false), false)
            .add("toxicities", DataTypes.createArrayType(TOXICITY, false), false);

    private EndpointsStage() {
    }

    /**
     * Derives the endpoint tables of {@code studies} from the cohort tables and staged tables
     * under {@code tables} and writes them under {@code staging}. The lineage gives
     * pipeline_version and config_hash; key_id is the cohort rows' own.
     */
    public static Result run(SparkSession spark, Path tables, LocalDate extractDate, List<String> studies,
                             PatientEndpoints.Params params, Toxicity.Params toxicity, double daysPerMonth,
                             Map<String, String> runLineage, Path staging) {
        StepLog progress = StepLog.of("endpoints");
        Dataset<Row> cohort = null;
        for (String study : studies) {
            Path partition = tables.resolve("cohort").resolve("extract_date=" + extractDate).resolve("study=" + study);
            if (!Files.isDirectory(partition)) {
                throw new PipelineFailure("no cohort partition for study " + study + " and extract date " + extractDate + " under "
                        + tables + " (run cohort --study " + study + " first)");
            }
            Dataset<Row> one = spark.read().parquet(partition.toString()).withColumn("study", lit(study));
            cohort = cohort == null ? one : cohort.unionByName(one);
        }
        List<String> keys = cohort.select("key_id").distinct().as(Encoders.STRING()).collectAsList();
        if (keys.size() > 1) {
            throw new PipelineFailure("the cohort tables of " + extractDate + " carry " + keys.size() + " pseudonym key ids; rerun");
        }
        String keyId = keys.isEmpty() ? runLineage.getOrDefault("key_id", "") : keys.get(0);
        Map<String, String> lineage = new LinkedHashMap<>(runLineage);
        lineage.put("key_id", keyId);

        StagedReader staged = new StagedReader(spark, tables, extractDate);
        Dataset<Row> lines = spark.read().parquet(tables.resolve("lines_of_therapy").resolve("extract_date=" + extractDate).toString());
        Dataset<Row> gathered = cohort.select("study", "patient_key", "index_date", "index_line_end")
                .join(staged.read("patient").select("patient_key", "death_date", "effective_last_contact"), "patient_key")
                .join(perPatient(lines, "lines", col("line_seq"), col("start_date"), col("regimen")), "patient_key", "left")
                .join(perPatient(staged.read("tumor_assessment"), "assessments", col("assessment_date"), col("overall_response"),
                        col("overall_response_derived"), col("measurable")), "patient_key", "left")
                .join(perPatient(staged.read("lab_result"), "labs", col("analyte"), col("collected_at"),
                        col("collected_at_time_known"), col("value_canonical"), col("ref_low_canonical"), col("ref_high_canonical"),
                        col("derived_anc")), "patient_key", "left")
                .join(perPatient(staged.read("measurement"), "measurements", col("type"), col("measured_at"),
                        col("measured_at_time_known"), col("value_exact")), "patient_key", "left")
                .join(perPatient(staged.read("adverse_event"), "events", col("ctcae_term"), col("onset_date"), col("grade"),
                        col("ctcae_version")), "patient_key", "left");
        Dataset<Row> derived = gathered.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> derive(rows, params, toxicity,
                        daysPerMonth), Encoders.row(PER_PATIENT))
                .persist(StorageLevel.MEMORY_AND_DISK());

        Map<String, Long> written = new LinkedHashMap<>();
        TABLES.forEach(t -> written.put(t, 0L));
        for (String study : studies) {
            Dataset<Row> own = derived.filter(col("study").equalTo(study));
            Path partition = Path.of("extract_date=" + extractDate, "study=" + study);
            long n = writePartition(own.select(col("patient_key"), col("endpoints.*")).orderBy("patient_key"), lineage,
                    staging.resolve("endpoints").resolve(partition));
            written.merge("endpoints", n, Long::sum);
            written.merge("tumor_response", writePartition(own.select(col("patient_key"), explode(col("responses")).as("r"))
                    .select("patient_key", "r.*").orderBy("patient_key", "assessment_date"), lineage,
                    staging.resolve("tumor_response").resolve(partition)), Long::sum);
            written.merge("toxicity", writePartition(own.select(col("patient_key"), explode(col("toxicities")).as("t"))
                    .select("patient_key", "t.*").orderBy("patient_key", "ctcae_term"), lineage,
                    staging.resolve("toxicity").resolve(partition)), Long::sum);
            progress.step(study, n, n);
        }
        derived.unpersist();
        return new Result(written, keyId);
    }

    private static Iterator<Row> derive(Iterator<Row> rows, PatientEndpoints.Params params, Toxicity.Params toxicity,
                                        double daysPerMonth) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return derive(rows.next(), params, toxicity, daysPerMonth);
            }
        };
    }

    /** One cohort patient of one study: the plain-Java rules over the gathered rows. */
    static Row derive(Row r, PatientEndpoints.Params params, Toxicity.Params toxicity, double daysPerMonth) {
        LocalDate index = date(r.getAs("index_date"));
        LocalDate indexLineEnd = date(r.getAs("index_line_end"));
        Row next = nextLine(list(r, "lines"), index);
        String nextRegimen = next == null ? null : next.getAs("regimen");
        LocalDate nextStart = next == null ? null : date(next.getAs("start_date"));
        List<PatientEndpoints.Assessment> assessments = new ArrayList<>();
        for (Row a : list(r, "assessments")) {
            assessments.add(new PatientEndpoints.Assessment(date(a.getAs("assessment_date")), a.getAs("overall_response"),
                    Boolean.TRUE.equals(a.getAs("overall_response_derived")), a.getAs("measurable")));
        }
        assessments.sort(java.util.Comparator.comparing(PatientEndpoints.Assessment::date)
                .thenComparing(a -> String.valueOf(a.overallResponse())));
        PatientEndpoints.Result e = PatientEndpoints.of(new PatientEndpoints.Input(index, indexLineEnd, nextRegimen, nextStart,
                date(r.getAs("death_date")), date(r.getAs("effective_last_contact")), assessments), params);
        List<Row> responses = new ArrayList<>();
        for (PatientEndpoints.Response x : e.responses()) {
            responses.add(RowFactory.create(sql(x.date()), x.daysFromIndex(), x.overallResponse(), x.derived(), x.countedForBor()));
        }
        List<Row> toxicities = new ArrayList<>();
        for (Toxicity.TermGrade t : Toxicity.grade(index, Toxicity.windowEnd(indexLineEnd, nextStart, toxicity), labs(r),
                measurements(r), recorded(r), toxicity)) {
            toxicities.add(RowFactory.create(t.term(), t.ctcaeVersion(), t.maxGrade(), t.source(), sql(t.firstOnsetDate()),
                    sql(t.maxGradeDate())));
        }
        Row endpoints = RowFactory.create(e.osDays(), e.osDays() / daysPerMonth, e.osEvent(), e.pfsDays(), e.pfsDays() / daysPerMonth,
                e.pfsEvent(), e.pfsEventType(), e.pfsTrialDays(), e.pfsTrialDays() / daysPerMonth, e.pfsTrialEvent(), e.measurable(),
                e.bestResponse(), e.responder(), e.dorDays(), e.dorDays() == null ? null : e.dorDays() / daysPerMonth, e.dorEvent(),
                e.longTermResponder(), e.nextLineRegimen(), sql(e.nextLineStart()));
        return RowFactory.create(r.<String>getAs("study"), r.<String>getAs("patient_key"), endpoints, seq(responses),
                seq(toxicities));
    }

    /** The line after the index line (the one starting on the index date), or null. */
    private static Row nextLine(List<Row> lines, LocalDate index) {
        Integer indexSeq = null;
        for (Row l : lines) {
            if (index.equals(date(l.getAs("start_date")))) {
                indexSeq = l.getAs("line_seq");
            }
        }
        for (Row l : lines) {
            if (indexSeq != null && l.<Integer>getAs("line_seq") == indexSeq + 1) {
                return l;
            }
        }
        return null;
    }

    private static List<Toxicity.LabSample> labs(Row r) {
        List<Toxicity.LabSample> out = new ArrayList<>();
        for (Row l : list(r, "labs")) {
            out.add(new Toxicity.LabSample(l.getAs("analyte"), l.<LocalDateTime>getAs("collected_at"),
                    Boolean.TRUE.equals(l.getAs("collected_at_time_known")), l.<BigDecimal>getAs("value_canonical"),
                    l.<BigDecimal>getAs("ref_low_canonical"), l.<BigDecimal>getAs("ref_high_canonical"),
                    l.<BigDecimal>getAs("derived_anc")));
        }
        out.sort(java.util.Comparator.comparing(Toxicity.LabSample::collectedAt)
                .thenComparing(s -> String.valueOf(s.analyte())).thenComparing(s -> String.valueOf(s.value())));
        return out;
    }

    private static List<Toxicity.Measurement> measurements(Row r) {
        List<Toxicity.Measurement> out = new ArrayList<>();
        for (Row m : list(r, "measurements")) {
            out.add(new Toxicity.Measurement(m.getAs("type"), m.<LocalDateTime>getAs("measured_at"),
                    Boolean.TRUE.equals(m.getAs("measured_at_time_known")), m.<BigDecimal>getAs("value_exact")));
        }
        out.sort(java.util.Comparator.comparing(Toxicity.Measurement::measuredAt).thenComparing(Toxicity.Measurement::type)
                .thenComparing(m -> String.valueOf(m.value())));
        return out;
    }

    private static List<Toxicity.RecordedAe> recorded(Row r) {
        List<Toxicity.RecordedAe> out = new ArrayList<>();
        for (Row a : list(r, "events")) {
            out.add(new Toxicity.RecordedAe(a.getAs("ctcae_term"), date(a.getAs("onset_date")), a.getAs("grade"),
                    a.getAs("ctcae_version")));
        }
        out.sort(java.util.Comparator.comparing(Toxicity.RecordedAe::onset).thenComparing(a -> String.valueOf(a.term()))
                .thenComparing(a -> String.valueOf(a.grade())));
        return out;
    }
}
