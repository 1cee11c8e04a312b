package org.oncorwe.endpoints;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.oncorwe.endpoints.ToxicityCases.END;
import static org.oncorwe.endpoints.ToxicityCases.INDEX;
import static org.oncorwe.endpoints.ToxicityCases.ae;
import static org.oncorwe.endpoints.ToxicityCases.grade;
import static org.oncorwe.endpoints.ToxicityCases.lab;
import static org.oncorwe.endpoints.ToxicityCases.lvef;

/** One row per term: recorded AEs merged with their lab term, max grade, source, first onset, max grade date, version, order. */
@Tag("unit")
class ToxicityTermsTest {

    private static final String ANC = LabTerm.NEUTROPHILS.term();

    private static Toxicity.TermGrade row(String term, String version, int max, String source, String first, String maxDate) {
        return new Toxicity.TermGrade(term, version, max, source, LocalDate.parse(first), LocalDate.parse(maxDate));
    }

    @Test
    void bothSourcesReachingTheMaxOnDifferentDaysAreBoth() {
        // HND-0018: LVEF drop 10 on 12-11 (grade 2), recorded grade 2 on 12-12
        List<Toxicity.TermGrade> got = grade(List.of(), List.of(lvef("2019-12-20", "65"), lvef("2020-02-11", "55")),
                List.of(ae(EjectionFraction.TERM, "2020-02-12", 2, "5.0")));
        assertEquals(List.of(row(EjectionFraction.TERM, "5.0", 2, "BOTH", "2020-02-11", "2020-02-11")), got);
    }

    @Test
    void theSourceIsWhichReachedTheMax() {
        List<Toxicity.LabSample> anc = List.of(lab("anc", "2020-01-20T09:00", "1.20", "1.8", "7.0"),
                lab("anc", "2020-02-10T09:00", "0.80", "1.8", "7.0"));
        assertEquals(List.of(row(ANC, "5.0", 3, "LAB", "2020-01-15", "2020-02-10")),
                grade(anc, List.of(), List.of(ae(ANC, "2020-01-15", 2, "5.0"))), "the recorded grade 2 is the first onset");
        assertEquals(List.of(row(ANC, "4.03", 4, "RECORDED", "2020-01-20", "2020-03-01")),
                grade(anc, List.of(), List.of(ae(ANC, "2020-03-01", 4, "4.03"))));
    }

    @Test
    void theMaxGradeDateIsTheFirstDateTheMaxWasReached() {
        List<Toxicity.LabSample> anc = List.of(lab("anc", "2020-01-20T09:00", "0.80", "1.8", "7.0"),
                lab("anc", "2020-01-27T09:00", "1.20", "1.8", "7.0"), lab("anc", "2020-02-10T09:00", "0.70", "1.8", "7.0"));
        assertEquals(List.of(row(ANC, "5.0", 3, "BOTH", "2020-01-12", "2020-01-20")),
                grade(anc, List.of(), List.of(ae(ANC, "2020-01-12", 1, "5.0"), ae(ANC, "2020-03-02", 3, "5.0"))));
    }

    @Test
    void recordedAesCountFromTheIndexDayToTheWindowEnd() {
        List<Toxicity.RecordedAe> aes = List.of(ae("Nausea", "2020-01-05", 2, "5.0"), ae("Nausea", INDEX.toString(), 1, "5.0"),
                ae("Vomiting", END.toString(), 1, "5.0"), ae("Vomiting", END.plusDays(1).toString(), 3, "5.0"));
        assertEquals(List.of(row("Nausea", "5.0", 1, "RECORDED", "2020-01-06", "2020-01-06"),
                row("Vomiting", "5.0", 1, "RECORDED", "2020-06-30", "2020-06-30")), grade(List.of(), List.of(), aes));
    }

    @Test
    void anAeWithoutTermOrGradeIsNotGraded() {
        assertEquals(List.of(), grade(List.of(), List.of(), List.of(ae(null, "2020-02-01", 1, "5.0"), ae("Diarrhea", "2020-02-01",
                null, "5.0"))));
    }

    @Test
    void aRecordedOnlyTermKeepsItsOwnVersionAndALabTermTheParamsVersion() {
        List<Toxicity.TermGrade> got = grade(List.of(lab("anc", "2020-02-10T09:00", "0.80", "1.8", "7.0")), List.of(),
                List.of(ae("Diarrhea", "2020-02-01", 2, "4.03"), ae("Diarrhea", "2020-02-03", 2, "5.0"),
                        ae("Nausea", "2020-02-01", 1, null), ae("Fatigue", "2020-02-01", 2, "3.0"), ae("Fatigue", "2020-02-01", 2, "4.03"),
                        ae(ANC, "2020-02-10", 3, "4.03")));
        assertEquals(List.of(row("Diarrhea", "4.03", 2, "RECORDED", "2020-02-01", "2020-02-01"),
                row("Fatigue", "4.03", 2, "RECORDED", "2020-02-01", "2020-02-01"),
                row("Nausea", "5.0", 1, "RECORDED", "2020-02-01", "2020-02-01"),
                row(ANC, "5.0", 3, "BOTH", "2020-02-10", "2020-02-10")), got);
    }

    @Test
    void rowsAreOrderedByTerm() {
        List<Toxicity.TermGrade> got = grade(List.of(lab("platelets", "2020-02-10T09:00", "40", "150", "400"),
                        lab("hemoglobin", "2020-02-10T09:00", "9.0", "12.0", "16.0"), lab("alt", "2020-02-10T09:00", "130", "0", "40")),
                List.of(), List.of(ae("Vomiting", "2020-02-01", 1, "5.0"), ae("Alopecia", "2020-02-01", 1, "5.0")));
        assertEquals(List.of("Alanine aminotransferase increased", "Alopecia", "Anemia", "Platelet count decreased", "Vomiting"),
                got.stream().map(Toxicity.TermGrade::term).toList());
    }

    @Test
    void onlyVersion5IsGraded() {
        assertThrows(IllegalArgumentException.class, () -> Toxicity.grade(INDEX, END, List.of(), List.of(), List.of(),
                new Toxicity.Params("3.0", 30, 30, 180)));
    }
}
