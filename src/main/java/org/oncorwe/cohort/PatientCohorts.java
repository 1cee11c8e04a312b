package org.oncorwe.cohort;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the cohort stage derives for one patient, in plain Java: the lines of therapy, the
 * disease course, and for each study the verdict (INCLUDED or the first step failed) with the
 * covariates of an included patient. The Spark stage hands each patient's history here.
 */
public final class PatientCohorts {

    /** One study's verdict on the patient; covariates only when included. */
    public record Membership(String study, String step, CohortCovariates.Row covariates) implements Serializable {
        public boolean included() {
            return covariates != null;
        }
    }

    /** The patient's lines, course and memberships (one per study, in the order given). */
    public record Result(List<LinesOfTherapy.Line> lines, DiseaseCourse.Course course, List<Membership> memberships)
            implements Serializable {
    }

    private PatientCohorts() {
    }

    public static Result derive(PatientHistory h, List<StudyAttrition.Study> studies, CohortSettings s, LocalDate extractDate) {
        LocalDate metastatic = DiseaseCourse.metastaticDate(h.events(), s.course());
        List<LinesOfTherapy.Line> lines = LinesOfTherapy.derive(h.given(), metastatic, h.deathDate(), extractDate, s.lines());
        DiseaseCourse.Course course = DiseaseCourse.of(h.events(), h.surgeries(), lines, s.course());
        StudyAttrition.Patient patient = new StudyAttrition.Patient(h.birthDate(), h.deathDate(), h.effectiveLastContact(), course,
                h.reports(), lines);
        List<Membership> memberships = new ArrayList<>();
        for (StudyAttrition.Study study : studies) {
            StudyAttrition.Verdict v = StudyAttrition.evaluate(study, patient, s.her2Rule(), s.her2Window(), s.ishIhcPairingDays());
            CohortCovariates.Row row = null;
            if (v.included()) {
                LinesOfTherapy.Line index = v.indexLine();
                row = CohortCovariates.of(index, lines, h.given(), h.birthDate(), h.menopausalStatus(), course, h.events(),
                        h.surgeries(), Biomarkers.hrStatus(h.reports(), index.start(), s.hrWindowDays()), v.her2().basis(),
                        s.course());
            }
            memberships.add(new Membership(study.id(), v.status(), row));
        }
        return new Result(lines, course, List.copyOf(memberships));
    }
}
