package org.oncorwe.endpoints;

import org.oncorwe.cohort.FirstLineThpMembers;
import org.oncorwe.cohort.LinesOfTherapy;
import org.oncorwe.ingest.rules.PatientSummary;
import org.oncorwe.ingest.rules.RowOutcome;
import org.oncorwe.ingest.rules.RuleColumns;
import org.oncorwe.ingest.rules.RulesOverExtract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the endpoint rules read of each first_line_thp member of an extract, without Spark: the
 * index line and the next one from the cohort rules ({@link FirstLineThpMembers}), death and the
 * effective last contact from ingest's patient summary, and the accepted tumour assessments as
 * staged (overall_response, overall_response_derived, measurable) from ingest's rules.
 */
record EndpointFacts(Map<String, PatientEndpoints.Input> inputs) {

    static EndpointFacts of(Path extract, LocalDate extractDate) {
        Map<String, FirstLineThpMembers.Member> members = FirstLineThpMembers.of(extract, extractDate);
        Map<String, List<PatientEndpoints.Assessment>> assessments = new HashMap<>();
        for (RowOutcome o : RulesOverExtract.run(extract, extractDate).rows()) {
            if (o.accepted() && o.table().equals("tumor_assessment") && members.containsKey(o.patientId())) {
                assessments.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(new PatientEndpoints.Assessment(
                        o.get("assessment_date"), o.get("overall_response"),
                        Boolean.TRUE.equals(o.get(RuleColumns.OVERALL_RESPONSE_DERIVED)), o.get("measurable")));
            }
        }
        Map<String, PatientEndpoints.Input> inputs = new TreeMap<>();
        members.forEach((id, m) -> {
            LinesOfTherapy.Line index = m.indexLine();
            LinesOfTherapy.Line next = m.nextLine();
            PatientSummary patient = m.patient();
            inputs.put(id, new PatientEndpoints.Input(index.start(), index.end(), next == null ? null : next.regimen(),
                    next == null ? null : next.start(), patient.deathDate(), patient.effectiveLastContact(),
                    assessments.getOrDefault(id, List.of())));
        });
        return new EndpointFacts(inputs);
    }

    /** Each member's endpoints under {@code p}, by patient_id. */
    Map<String, PatientEndpoints.Result> endpoints(PatientEndpoints.Params p) {
        Map<String, PatientEndpoints.Result> out = new TreeMap<>();
        inputs.forEach((id, in) -> out.put(id, PatientEndpoints.of(in, p)));
        return out;
    }
}
