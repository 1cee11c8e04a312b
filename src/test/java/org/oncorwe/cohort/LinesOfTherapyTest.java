package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.dictionary.DrugClass;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** domain-rules §3 one rule at a time, on hand-built administrations (day 0 = 2019-01-01). */
@Tag("unit")
class LinesOfTherapyTest {

    static final LocalDate DAY0 = Administrations.DAY0;

    private Administrations given = new Administrations();

    private Administrations th(int... days) {
        return given.th(days);
    }

    private List<LinesOfTherapy.Line> lines(LocalDate metastatic) {
        return given.lines(metastatic);
    }

    @Test
    void pertuzumabOnDay20JoinsTheRegimenOnDay45OpensTheNextLine() {
        th(0, 21, 42).on(20, DrugClass.ANTI_HER2_ANTIBODY, "pertuzumab");
        assertEquals("THP", lines(DAY0).get(0).label());
        given = new Administrations();
        th(0, 21, 42, 63).on(45, DrugClass.ANTI_HER2_ANTIBODY, "pertuzumab");
        List<LinesOfTherapy.Line> l = lines(DAY0);
        assertEquals(List.of("TH", "THP"), l.stream().map(LinesOfTherapy.Line::label).toList());
        assertEquals(LinesOfTherapy.EndReason.NEXT_LINE, l.get(0).endReason());
        assertEquals(DAY0.plusDays(45), l.get(1).start());
    }

    @Test
    void a120DayGapStartsANewLine119DoesNot() {
        th(0, 120);
        assertEquals(2, lines(DAY0).size());
        given = new Administrations();
        th(0, 119);
        assertEquals(1, lines(DAY0).size());
    }

    @Test
    void theFirstAdministrationOnOrAfterMetastaticDateMinus30OpensAMetastaticLine() {
        th(0, 21, 42);
        List<LinesOfTherapy.Line> l = lines(DAY0.plusDays(72)); // split at day 42
        assertEquals(List.of("PERIOPERATIVE", "METASTATIC"), l.stream().map(LinesOfTherapy.Line::setting).toList());
        assertEquals(LinesOfTherapy.EndReason.GAP, l.get(0).endReason(), "a split is not NEXT_LINE (decision 60)");
    }

    @Test
    void taxaneSubstitutionEndocrineAddonAndMaintenance() {
        th(0, 21).on(42, DrugClass.TAXANE, "paclitaxel").on(63, DrugClass.ANTI_HER2_ANTIBODY, "trastuzumab")
                .on(70, DrugClass.ENDOCRINE, "letrozole").on(84, DrugClass.ANTI_HER2_ANTIBODY, "trastuzumab")
                .on(200, DrugClass.ENDOCRINE, "letrozole").on(1, DrugClass.SUPPORTIVE, "pegfilgrastim");
        List<LinesOfTherapy.Line> l = lines(DAY0);
        assertEquals(1, l.size());
        LinesOfTherapy.Line line = l.get(0);
        assertEquals("docetaxel+trastuzumab", line.regimen());
        assertEquals("docetaxel->paclitaxel", line.substitutions());
        assertTrue(line.endocrineAddon());
        assertEquals(DAY0.plusDays(84), line.end(), "endocrine never extends a line");
        assertEquals(DAY0.plusDays(63), line.maintenanceStart());
    }

    @Test
    void newAntiHer2DrugsOpenLinesAndLabels() {
        th(0, 21).on(100, DrugClass.ADC, "trastuzumab emtansine");
        List<LinesOfTherapy.Line> l = lines(DAY0);
        assertEquals("T-DM1", l.get(1).label());
        assertNull(l.get(1).maintenanceStart());
        assertEquals(List.of(1, 2), l.stream().map(LinesOfTherapy.Line::lineNo).toList());
    }
}
