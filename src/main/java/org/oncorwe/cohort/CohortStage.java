package org.oncorwe.cohort;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.oncorwe.ingest.StagedReader;
import org.oncorwe.ingest.dictionary.DrugClass;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.runtime.StepLog;

import static org.oncorwe.runtime.SparkTables.date;
import static org.oncorwe.runtime.SparkTables.list;
import static org.oncorwe.runtime.SparkTables.perPatient;
import static org.oncorwe.runtime.SparkTables.seq;
import static org.oncorwe.runtime.SparkTables.sql;
import static org.oncorwe.runtime.SparkTables.writePartition;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.to_date;

/**
 * The cohort stage's Spark shell: reads the staged tables of one extract date, gathers each
 * patient's rows into one record (one join of per-patient lists), hands it to
 * {@link PatientCohorts} and writes {@code lines_of_therapy}, {@code cohort},
 * {@code cohort_exclusions} (one partition per study) and {@code cohort_attrition} under staging.
 */
public final class CohortStage {

    /** The rows each table got (cohort tables summed over studies) and the key id the inputs carry. */
    public record Result(Map<String, Long> rowsPerTable, String keyId) {
    }

    public static final List<String> TABLES = List.of("lines_of_therapy", "cohort", "cohort_attrition", "cohort_exclusions");

    private static final StructType LINE = new StructType()
            .add("setting", DataTypes.StringType, false)
            .add("line_no", DataTypes.IntegerType, false)
            .add("line_seq", DataTypes.IntegerType, false)
            .add("regimen", DataTypes.StringType, false)
            .add("regimen_label", DataTypes.StringType, false)
            .add("start_date", DataTypes.DateType, false)
            .add("end_date", DataTypes.DateType, false)
            .add("end_reason", DataTypes.StringType, false)
            .add("maintenance_start", DataTypes.DateType, true)
            .add("substitutions", DataTypes.StringType, true)
            .add("endocrine_addon", DataTypes.BooleanType, false);

    /** The cohort columns after study and patient_key, in outputs.md's order (then the extra day counts). */
    private static final StructType COVARIATES = new StructType()
            .add("index_date", DataTypes.DateType)
            .add("age_at_index", DataTypes.IntegerType)
            .add("age_group", DataTypes.StringType)
            .add("menopausal_status", DataTypes.StringType)
            .add("hr_status", DataTypes.StringType)
            .add("her2_basis", DataTypes.StringType)
            .add("disease_setting", DataTypes.StringType)
            .add("curative_surgery", DataTypes.BooleanType)
            .add("relapse_context", DataTypes.StringType)
            .add("perioperative_chemo", DataTypes.BooleanType)
            .add("prior_anti_her2", DataTypes.BooleanType)
            .add("docetaxel_admins", DataTypes.IntegerType)
            .add("taxane_admins", DataTypes.IntegerType)
            .add("docetaxel_group", DataTypes.StringType)
            .add("docetaxel_ge6", DataTypes.StringType)
            .add("thp_cycles", DataTypes.IntegerType)
            .add("dfi_months", DataTypes.DoubleType)
            .add("dfi_group", DataTypes.StringType)
            .add("visceral_mets", DataTypes.BooleanType)
            .add("bone_mets", DataTypes.BooleanType)
            .add("brain_mets", DataTypes.BooleanType)
            .add("index_regimen", DataTypes.StringType)
            .add("index_label", DataTypes.StringType)
            .add("index_line_end", DataTypes.DateType)
            .add("index_line_months", DataTypes.DoubleType)
            .add("dfi_days", DataTypes.IntegerType)
            .add("index_line_days", DataTypes.IntegerType);

    private static final StructType MEMBERSHIP = new StructType()
            .add("study", DataTypes.StringType, false)
            .add("step", DataTypes.StringType, false)
            .add("covariates", COVARIATES, true);

    private static final StructType PER_PATIENT = new StructType()
            .add("patient_key", DataTypes.StringType, false)
            .add("lines", DataTypes.createArrayType(LINE, false), false)
            .add("memberships", DataTypes.createArrayType(MEMBERSHIP, false), false);

    private CohortStage() {
    }

    /**
     * Derives the cohort tables of {@code studies} from the staged tables under {@code tables} and
     * writes them under {@code staging}, one partition per extract date (and study). The lineage
     * gives pipeline_version and config_hash; key_id is the staged rows' own.
     */
    public static Result run(SparkSession spark, Path tables, LocalDate extractDate, List<StudyAttrition.Study> studies,
                             CohortSettings settings, Map<String, String> runLineage, Path staging) {
        StepLog progress = StepLog.of("cohort");
        StagedReader staged = new StagedReader(spark, tables, extractDate);
        if (!java.nio.file.Files.isDirectory(staged.partition("patient"))) {
            throw new PipelineFailure("no staged_patient partition for extract date " + extractDate + " under " + tables
                    + " (run ingest first)");
        }
        Dataset<Row> patients = staged.read("patient");
        List<String> keys = patients.select("key_id").distinct().as(Encoders.STRING()).collectAsList();
        if (keys.size() != 1) {
            throw new PipelineFailure("the staged tables of " + extractDate + " carry " + keys.size()
                    + " pseudonym key ids; rerun ingest");
        }
        Map<String, String> lineage = new LinkedHashMap<>(runLineage);
        lineage.put("key_id", keys.get(0)); // the key id of the staged rows read: this stage never sees the key
        Dataset<Row> gathered = patients.select("patient_key", "birth_date", "death_date", "effective_last_contact",
                        "menopausal_status")
                .join(perPatient(staged.read("drug_administration").filter(col("administration_given")), "administrations",
                        col("administration_id"), to_date(col("administration_date")).as("administration_day"), col("ingredients"),
                        col("drug_class"), col("drug_form"), col("biosimilar")), "patient_key", "left")
                .join(perPatient(staged.read("tumor_event"), "events", col("event_date"), col("event_type"), col("kcd_code"),
                        col("stage"), col("site")), "patient_key", "left")
                .join(perPatient(staged.read("surgery"), "surgeries", col("surgery_date"), col("intent")), "patient_key", "left")
                .join(perPatient(staged.read("pathology"), "reports", col("report_date"), col("specimen"), col("er_percent"),
                        col("pr_percent"), col("er_result"), col("pr_result"), col("her2_ihc"), col("her2_ish_ratio"),
                        col("her2_copy_number")), "patient_key", "left");
        List<StudyAttrition.Study> chosen = List.copyOf(studies);
        Dataset<Row> derived = gathered.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> derive(rows, chosen, settings,
                        extractDate), Encoders.row(PER_PATIENT))
                .persist(StorageLevel.MEMORY_AND_DISK());

        Map<String, Long> written = new LinkedHashMap<>();
        Dataset<Row> lines = derived.select(col("patient_key"), explode(col("lines")).as("l")).select("patient_key", "l.*")
                .orderBy("patient_key", "line_seq");
        written.put("lines_of_therapy", writePartition(lines, lineage, staging.resolve("lines_of_therapy")
                .resolve("extract_date=" + extractDate)));
        Dataset<Row> memberships = derived.select(col("patient_key"), explode(col("memberships")).as("m"))
                .select(col("m.study").as("study"), col("patient_key"), col("m.step").as("step"), col("m.covariates").as("c"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Map<String, Long>> verdicts = new TreeMap<>();
        for (Row r : memberships.groupBy("study", "step").count().collectAsList()) {
            verdicts.computeIfAbsent(r.getString(0), s -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
        }
        long included = 0;
        long excluded = 0;
        List<Row> attrition = new ArrayList<>();
        for (StudyAttrition.Study study : chosen) {
            Map<String, Long> counts = verdicts.getOrDefault(study.id(), Map.of());
            Path partition = Path.of("extract_date=" + extractDate, "study=" + study.id());
            Column ofStudy = col("study").equalTo(study.id());
            included += writePartition(memberships.filter(ofStudy.and(col("step").equalTo(StudyAttrition.INCLUDED)))
                    .select(col("patient_key"), col("c.*")).orderBy("patient_key"), lineage, staging.resolve("cohort").resolve(partition));
            excluded += writePartition(memberships.filter(ofStudy.and(col("step").notEqual(StudyAttrition.INCLUDED)))
                    .select("patient_key", "step").orderBy("patient_key"), lineage,
                    staging.resolve("cohort_exclusions").resolve(partition));
            List<Row> steps = new ArrayList<>();
            for (StudyAttrition.Step s : StudyAttrition.table(study, counts)) {
                steps.add(RowFactory.create(s.stepOrder(), s.step(), s.nRemaining(), s.nExcluded()));
            }
            attrition.addAll(steps);
            writePartition(spark.createDataFrame(steps, new StructType().add("step_order", DataTypes.IntegerType, false)
                            .add("step", DataTypes.StringType, false).add("n_remaining", DataTypes.LongType, false)
                            .add("n_excluded", DataTypes.LongType, false)), lineage,
                    staging.resolve("cohort_attrition").resolve(partition));
            progress.step(study.id(), counts.values().stream().mapToLong(Long::longValue).sum(),
                    counts.getOrDefault(StudyAttrition.INCLUDED, 0L));
        }
        written.put("cohort", included);
        written.put("cohort_attrition", (long) attrition.size());
        written.put("cohort_exclusions", excluded);
        memberships.unpersist();
        derived.unpersist();
        return new Result(written, keys.get(0));
    }

    private static Iterator<Row> derive(Iterator<Row> rows, List<StudyAttrition.Study> studies, CohortSettings settings,
                                        LocalDate extractDate) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                PatientCohorts.Result result = PatientCohorts.derive(history(r), studies, settings, extractDate);
                List<Row> lines = new ArrayList<>();
                for (LinesOfTherapy.Line l : result.lines()) {
                    lines.add(RowFactory.create(l.setting(), l.lineNo(), l.lineSeq(), l.regimen(), l.label(), sql(l.start()),
                            sql(l.end()), l.endReason().name(), sql(l.maintenanceStart()), l.substitutions(), l.endocrineAddon()));
                }
                List<Row> memberships = new ArrayList<>();
                for (PatientCohorts.Membership m : result.memberships()) {
                    memberships.add(RowFactory.create(m.study(), m.step(), m.included() ? covariates(m.covariates(), settings) : null));
                }
                return RowFactory.create(r.<String>getAs("patient_key"), seq(lines), seq(memberships));
            }
        };
    }

    private static Row covariates(CohortCovariates.Row c, CohortSettings s) {
        int lineDays = (int) ChronoUnit.DAYS.between(c.indexDate(), c.indexLineEnd());
        return RowFactory.create(sql(c.indexDate()), c.ageAtIndex(), c.ageGroup(), c.menopausalStatus(), c.hrStatus(), c.her2Basis(),
                c.diseaseSetting(), c.curativeSurgery(), c.relapseContext(), c.perioperativeChemo(), c.priorAntiHer2(),
                c.docetaxelAdmins(), c.taxaneAdmins(), c.docetaxelGroup(), c.docetaxelGe6(), c.thpCycles(),
                c.dfiDays() == null ? null : c.dfiDays() / s.daysPerMonth(), c.dfiGroup(), c.visceralMets(), c.boneMets(),
                c.brainMets(), c.indexRegimen(), c.indexLabel(), sql(c.indexLineEnd()), lineDays / s.daysPerMonth(),
                c.dfiDays() == null ? null : c.dfiDays().intValue(), lineDays);
    }

    /** One gathered row (patient columns and per-table lists) as the plain-Java history. */
    static PatientHistory history(Row r) {
        List<PatientHistory.Administration> administrations = new ArrayList<>();
        for (Row a : list(r, "administrations")) {
            String klass = a.getAs("drug_class");
            administrations.add(new PatientHistory.Administration(a.getAs("administration_id"), date(a.getAs("administration_day")),
                    a.getList(a.fieldIndex("ingredients")), klass == null ? null : DrugClass.valueOf(klass), a.getAs("drug_form"),
                    Boolean.TRUE.equals(a.getAs("biosimilar"))));
        }
        List<DiseaseCourse.Event> events = new ArrayList<>();
        for (Row e : list(r, "events")) {
            events.add(new DiseaseCourse.Event(date(e.getAs("event_date")), e.getAs("event_type"), e.getAs("kcd_code"),
                    e.getAs("stage"), e.getAs("site")));
        }
        List<DiseaseCourse.Surgery> surgeries = new ArrayList<>();
        for (Row s : list(r, "surgeries")) {
            surgeries.add(new DiseaseCourse.Surgery(date(s.getAs("surgery_date")), s.getAs("intent")));
        }
        List<Biomarkers.Report> reports = new ArrayList<>();
        for (Row p : list(r, "reports")) {
            reports.add(new Biomarkers.Report(date(p.getAs("report_date")), p.getAs("specimen"), decimal(p.getAs("er_percent")),
                    decimal(p.getAs("pr_percent")), p.getAs("er_result"), p.getAs("pr_result"), p.getAs("her2_ihc"),
                    decimal(p.getAs("her2_ish_ratio")), decimal(p.getAs("her2_copy_number"))));
        }
        return new PatientHistory(date(r.getAs("birth_date")), date(r.getAs("death_date")), date(r.getAs("effective_last_contact")),
                r.getAs("menopausal_status"), PatientHistory.given(administrations), events, surgeries, reports);
    }

    /** A staged DOUBLE as the exact decimal it was written from (the shortest repr: 2.0 stays 2.0). */
    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }
}
