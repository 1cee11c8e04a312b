package org.oncorwe.cohort;

import org.oncorwe.ingest.dictionary.DrugClass;
import org.oncorwe.ingest.rules.PatientSummary;
import org.oncorwe.ingest.rules.RowOutcome;
import org.oncorwe.ingest.rules.RulesOverExtract;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the cohort rules read, per patient, from an extract run through ingest's rules without
 * Spark: given administrations, metastatic date, pathology reports, and the patient summaries.
 */
record ExtractFacts(Map<String, List<LinesOfTherapy.Given>> given, Map<String, LocalDate> metastatic,
                    Map<String, List<Biomarkers.Report>> reports, Map<String, List<DiseaseCourse.Event>> events,
                    Map<String, List<DiseaseCourse.Surgery>> surgeries, Map<String, LocalDate> births,
                    Map<String, String> menopausal, Map<String, PatientSummary> patients) {

    static ExtractFacts of(Path extract, LocalDate extractDate) {
        RulesOverExtract.Run run = RulesOverExtract.run(extract, extractDate);
        Map<String, List<LinesOfTherapy.Given>> given = new HashMap<>();
        Map<String, LocalDate> metastatic = new HashMap<>();
        Map<String, List<Biomarkers.Report>> reports = new HashMap<>();
        Map<String, List<DiseaseCourse.Event>> events = new HashMap<>();
        Map<String, List<DiseaseCourse.Surgery>> surgeries = new HashMap<>();
        Map<String, LocalDate> births = new HashMap<>();
        Map<String, String> menopausal = new HashMap<>();
        Map<String, List<PatientHistory.Administration>> administrations = new HashMap<>();
        for (RowOutcome o : run.rows()) {
            if (!o.accepted()) {
                continue;
            }
            switch (o.table()) {
                case "drug_administration" -> {
                    if (Boolean.TRUE.equals(o.get("administration_given"))) {
                        String klass = o.get("drug_class");
                        @SuppressWarnings("unchecked")
                        List<String> ingredients = (List<String>) o.get("ingredients");
                        administrations.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(new PatientHistory.Administration(
                                o.get("administration_id"), ((LocalDateTime) o.get("administration_date")).toLocalDate(), ingredients,
                                klass == null ? null : DrugClass.valueOf(klass), o.get("drug_form"),
                                Boolean.TRUE.equals(o.get("biosimilar"))));
                    }
                }
                case "patient" -> {
                    births.put(o.patientId(), o.get("birth_date"));
                    menopausal.put(o.patientId(), o.get("menopausal_status"));
                }
                case "surgery" -> surgeries.computeIfAbsent(o.patientId(), k -> new ArrayList<>())
                        .add(new DiseaseCourse.Surgery(o.get("surgery_date"), o.get("intent")));
                case "tumor_event" -> {
                    events.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(new DiseaseCourse.Event(o.get("event_date"),
                            o.get("event_type"), o.get("kcd_code"), o.get("stage"), o.get("site")));
                    if ("METASTASIS".equals(o.get("event_type"))
                            || ("PRIMARY_DIAGNOSIS".equals(o.get("event_type")) && "IV".equals(o.get("stage")))) {
                        metastatic.merge(o.patientId(), o.get("event_date"), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
                case "pathology" -> reports.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(new Biomarkers.Report(
                        o.get("report_date"), o.get("specimen"), (BigDecimal) o.get("er_percent"), (BigDecimal) o.get("pr_percent"),
                        o.get("er_result"), o.get("pr_result"), o.get("her2_ihc"), (BigDecimal) o.get("her2_ish_ratio"),
                        (BigDecimal) o.get("her2_copy_number")));
                default -> {
                }
            }
        }
        administrations.forEach((id, list) -> given.put(id, PatientHistory.given(list))); // as the stage does
        return new ExtractFacts(given, metastatic, reports, events, surgeries, births, menopausal, run.patients());
    }

    List<LinesOfTherapy.Line> lines(String patientId, LocalDate extractDate) {
        return LinesOfTherapy.derive(given.getOrDefault(patientId, List.of()), metastatic.get(patientId),
                patients.get(patientId).deathDate(), extractDate, LinesOfTherapy.Params.defaults());
    }

    DiseaseCourse.Course course(String patientId, LocalDate extractDate) {
        return DiseaseCourse.of(events.getOrDefault(patientId, List.of()), surgeries.getOrDefault(patientId, List.of()),
                lines(patientId, extractDate), DiseaseCourse.Params.defaults());
    }

    static final StudyAttrition.Study FIRST_LINE_THP = new StudyAttrition.Study("first_line_thp", "METASTATIC", 1,
            List.of("THP"), LocalDate.of(2008, 8, 1), LocalDate.of(2020, 10, 31), List.of());

    StudyAttrition.Verdict verdict(String patientId, LocalDate extractDate) {
        PatientSummary s = patients.get(patientId);
        StudyAttrition.Patient p = new StudyAttrition.Patient(births.get(patientId), s.deathDate(), s.effectiveLastContact(),
                course(patientId, extractDate), reports.getOrDefault(patientId, List.of()), lines(patientId, extractDate));
        return StudyAttrition.evaluate(FIRST_LINE_THP, p, Her2Rule.ASCO_CAP_2018, org.oncorwe.config.DayWindow.days(30), 30);
    }

    CohortCovariates.Row covariates(String patientId, LocalDate extractDate) {
        StudyAttrition.Verdict v = verdict(patientId, extractDate);
        List<Biomarkers.Report> r = reports.getOrDefault(patientId, List.of());
        return CohortCovariates.of(v.indexLine(), lines(patientId, extractDate), given.getOrDefault(patientId, List.of()),
                births.get(patientId), menopausal.get(patientId), course(patientId, extractDate),
                events.getOrDefault(patientId, List.of()), surgeries.getOrDefault(patientId, List.of()),
                Biomarkers.hrStatus(r, v.indexLine().start(), 30), v.her2().basis(), DiseaseCourse.Params.defaults());
    }

    /** The candidate index date of first_line_thp: the start of METASTATIC line 1, or null. */
    LocalDate firstMetastaticLineStart(String patientId, LocalDate extractDate) {
        return lines(patientId, extractDate).stream().filter(l -> l.setting().equals("METASTATIC") && l.lineNo() == 1)
                .map(LinesOfTherapy.Line::start).findFirst().orElse(null);
    }

    /** A truth or expected-output CSV: header row, optional comment marker, a BOM tolerated. */
    static java.util.List<org.apache.commons.csv.CSVRecord> csv(java.nio.file.Path file, Character comment) throws java.io.IOException {
        String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        try (java.io.Reader r = new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            org.apache.commons.csv.CSVFormat.Builder b = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                    .setSkipHeaderRecord(true);
            if (comment != null) {
                b.setCommentMarker(comment);
            }
            return b.build().parse(r).getRecords();
        }
    }
}
