package org.oncorwe.synth;

import com.typesafe.config.ConfigFactory;
import org.oncorwe.cohort.Biomarkers;
import org.oncorwe.cohort.CohortSettings;
import org.oncorwe.cohort.DiseaseCourse;
import org.oncorwe.cohort.LinesOfTherapy;
import org.oncorwe.cohort.PatientCohorts;
import org.oncorwe.cohort.PatientHistory;
import org.oncorwe.cohort.Studies;
import org.oncorwe.cohort.StudyAttrition;
import org.oncorwe.endpoints.PatientEndpoints;
import org.oncorwe.ingest.dictionary.DrugClass;
import org.oncorwe.ingest.rules.PatientSummary;
import org.oncorwe.ingest.rules.RowOutcome;
import org.oncorwe.ingest.rules.RuleColumns;
import org.oncorwe.ingest.rules.RulesOverExtract;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The members of study first_line_th_vs_thp (as reference.conf configures it) in a generated
 * extract, derived without Spark by the pipeline's own plain-Java rules: ingest's rules over every
 * file, each accepted patient's {@link PatientHistory} through {@link PatientCohorts}, and the
 * members' endpoints through {@link PatientEndpoints} under the defaults. The generator's truth is
 * not read, so a comparison with it can fail.
 */
final class ComparedPatients {

    static final String STUDY = "first_line_th_vs_thp";

    /** One member: its covariates (index_label, prior_anti_her2, …) and endpoints (trial PFS, OS, …). */
    record Member(String patientId, org.oncorwe.cohort.CohortCovariates.Row covariates, PatientEndpoints.Result endpoints) {
    }

    private ComparedPatients() {
    }

    /** Every member by patient_id. */
    static Map<String, Member> of(Path extract, LocalDate extractDate) {
        StudyAttrition.Study study = Studies.read(ConfigFactory.parseResources("reference.conf").getObject("cohort.studies"))
                .get(STUDY);
        RulesOverExtract.Run run = RulesOverExtract.run(extract, extractDate);
        Map<String, PatientRows> byPatient = new HashMap<>();
        for (RowOutcome o : run.rows()) {
            if (o.accepted()) {
                byPatient.computeIfAbsent(o.patientId(), k -> new PatientRows()).add(o);
            }
        }
        Map<String, Member> members = new TreeMap<>();
        run.patients().forEach((id, summary) -> {
            PatientRows rows = byPatient.getOrDefault(id, new PatientRows());
            if (!summary.accepted()) {
                return;
            }
            PatientCohorts.Result r = PatientCohorts.derive(rows.history(summary), List.of(study), CohortSettings.defaults(),
                    extractDate);
            PatientCohorts.Membership m = r.memberships().get(0);
            if (m.included()) {
                members.put(id, new Member(id, m.covariates(), PatientEndpoints.of(rows.endpointInput(summary, r.lines(),
                        m.covariates().indexDate()), PatientEndpoints.Params.defaults())));
            }
        });
        return members;
    }

    /** One patient's accepted rows as the cohort and endpoint rules read them. */
    private static final class PatientRows {
        private final List<PatientHistory.Administration> administrations = new ArrayList<>();
        private final List<DiseaseCourse.Event> events = new ArrayList<>();
        private final List<DiseaseCourse.Surgery> surgeries = new ArrayList<>();
        private final List<Biomarkers.Report> reports = new ArrayList<>();
        private final List<PatientEndpoints.Assessment> assessments = new ArrayList<>();
        private LocalDate birth;
        private String menopausal;

        @SuppressWarnings("unchecked")
        void add(RowOutcome o) {
            switch (o.table()) {
                case "patient" -> {
                    birth = o.get("birth_date");
                    menopausal = o.get("menopausal_status");
                }
                case "drug_administration" -> {
                    String klass = o.get("drug_class");
                    if (Boolean.TRUE.equals(o.get("administration_given"))) {
                        administrations.add(new PatientHistory.Administration(o.get("administration_id"),
                                ((LocalDateTime) o.get("administration_date")).toLocalDate(), (List<String>) o.get("ingredients"),
                                klass == null ? null : DrugClass.valueOf(klass), o.get("drug_form"),
                                Boolean.TRUE.equals(o.get("biosimilar"))));
                    }
                }
                case "tumor_event" -> events.add(new DiseaseCourse.Event(o.get("event_date"), o.get("event_type"),
                        o.get("kcd_code"), o.get("stage"), o.get("site")));
                case "surgery" -> surgeries.add(new DiseaseCourse.Surgery(o.get("surgery_date"), o.get("intent")));
                case "pathology" -> reports.add(new Biomarkers.Report(o.get("report_date"), o.get("specimen"),
                        (BigDecimal) o.get("er_percent"), (BigDecimal) o.get("pr_percent"), o.get("er_result"),
                        o.get("pr_result"), o.get("her2_ihc"), (BigDecimal) o.get("her2_ish_ratio"),
                        (BigDecimal) o.get("her2_copy_number")));
                case "tumor_assessment" -> assessments.add(new PatientEndpoints.Assessment(o.get("assessment_date"),
                        o.get("overall_response"), Boolean.TRUE.equals(o.get(RuleColumns.OVERALL_RESPONSE_DERIVED)),
                        o.get("measurable")));
                default -> {
                }
            }
        }

        PatientHistory history(PatientSummary s) {
            return new PatientHistory(birth, s.deathDate(), s.effectiveLastContact(), menopausal,
                    PatientHistory.given(administrations), events, surgeries, reports);
        }

        /** The index line is METASTATIC line 1 (the study's), the next line the one after it. */
        PatientEndpoints.Input endpointInput(PatientSummary s, List<LinesOfTherapy.Line> lines, LocalDate indexDate) {
            LinesOfTherapy.Line index = lines.stream().filter(l -> l.setting().equals("METASTATIC") && l.lineNo() == 1)
                    .findFirst().orElseThrow();
            LinesOfTherapy.Line next = lines.stream().filter(l -> l.lineSeq() == index.lineSeq() + 1).findFirst().orElse(null);
            if (!index.start().equals(indexDate)) {
                throw new IllegalStateException("index line starts " + index.start() + ", covariates say " + indexDate);
            }
            return new PatientEndpoints.Input(index.start(), index.end(), next == null ? null : next.regimen(),
                    next == null ? null : next.start(), s.deathDate(), s.effectiveLastContact(), assessments);
        }
    }
}
