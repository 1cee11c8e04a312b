package org.oncorwe.cohort;

import org.oncorwe.ingest.rules.PatientSummary;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first_line_thp members of an extract as the cohort rules see them without Spark
 * ({@link ExtractFacts}), for the tests of the later stages: each member's index line (METASTATIC
 * line 1), the line after it (line_seq + 1) and ingest's summary of the patient.
 */
public final class FirstLineThpMembers {

    /** One included patient; nextLine is null when the index line is the last. */
    public record Member(LinesOfTherapy.Line indexLine, LinesOfTherapy.Line nextLine, PatientSummary patient) {
    }

    private FirstLineThpMembers() {
    }

    /** Every included patient by patient_id. */
    public static Map<String, Member> of(Path extract, LocalDate extractDate) {
        ExtractFacts facts = ExtractFacts.of(extract, extractDate);
        Map<String, Member> members = new TreeMap<>();
        facts.patients().forEach((id, summary) -> {
            if (!summary.accepted()) {
                return;
            }
            StudyAttrition.Verdict v = facts.verdict(id, extractDate);
            if (v.included()) {
                LinesOfTherapy.Line next = facts.lines(id, extractDate).stream()
                        .filter(l -> l.lineSeq() == v.indexLine().lineSeq() + 1).findFirst().orElse(null);
                members.put(id, new Member(v.indexLine(), next, summary));
            }
        });
        return members;
    }
}
