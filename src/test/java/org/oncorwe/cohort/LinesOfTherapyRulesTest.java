package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.dictionary.DrugDictionary;
import org.oncorwe.ingest.dictionary.DrugMapping;
import org.oncorwe.testing.TestPaths;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncorwe.cohort.Administrations.day;
import static org.oncorwe.cohort.Administrations.describe;
import static org.oncorwe.ingest.dictionary.DrugClass.ANTI_HER2_ANTIBODY;
import static org.oncorwe.ingest.dictionary.DrugClass.CHEMOTHERAPY;
import static org.oncorwe.ingest.dictionary.DrugClass.ENDOCRINE;
import static org.oncorwe.ingest.dictionary.DrugClass.SUPPORTIVE;
import static org.oncorwe.ingest.dictionary.DrugClass.TAXANE;

/**
 * domain-rules §3, one rule per test, each on a small hand-built patient (day 0 = 2019-01-01, alive,
 * extract 2020-10-31, so a line ending in 2019 ends by GAP). Every expected line is written out in
 * full ({@link Administrations#describe}) as computed by hand from the rule.
 */
@Tag("unit")
class LinesOfTherapyRulesTest {

    /** Metastatic from day 0 (split at day -30): every line below is METASTATIC unless a test says otherwise. */
    static final LocalDate METASTATIC_AT_DAY0 = Administrations.DAY0;
    static final DrugDictionary DRUGS = Dictionaries.load(TestPaths.home().resolve("conf/dictionaries")).drugs();

    private final Administrations patient = new Administrations();

    private List<String> lines() {
        return describe(patient.lines(METASTATIC_AT_DAY0));
    }

    /** Docetaxel + trastuzumab on days 0, 21, 42, 63; pertuzumab from {@code first} on, and with every later cycle. */
    private List<String> thWithPertuzumabFrom(int first) {
        patient.th(0, 21, 42, 63).pertuzumab(first);
        for (int cycle : new int[] {42, 63}) {
            if (cycle > first) {
                patient.pertuzumab(cycle);
            }
        }
        return lines();
    }

    /**
     * A drug_administration row mapped by the real drug dictionary (conf/dictionaries), one Given per
     * ingredient with its product, as the stage makes them (PatientHistory.given).
     */
    private DrugMapping dispensed(int day, String drugCode, String drugName) {
        DrugMapping m = DRUGS.map(drugCode, drugName);
        patient.given.addAll(PatientHistory.given(List.of(new PatientHistory.Administration("A" + patient.given.size(),
                Administrations.day(day), m.ingredients(), m.drugClass(), m.form(), m.biosimilar()))));
        return m;
    }

    @Test
    void paclitaxelReplacingDocetaxelAfterDay28IsASubstitutionInTheSameLine() {
        patient.th(0, 21).every(21, 42, 63, TAXANE, "paclitaxel").every(21, 42, 63, ANTI_HER2_ANTIBODY, "trastuzumab");
        assertEquals(List.of(
                "METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 63 GAP maintenance - substitutions docetaxel->paclitaxel addon false"),
                lines());
    }

    @Test
    void twoTaxanesWithinDays0To28KeepTheFirstGivenInTheRegimen() {
        patient.on(0, TAXANE, "paclitaxel").on(0, ANTI_HER2_ANTIBODY, "trastuzumab").th(21, 42);
        assertEquals(List.of(
                "METASTATIC 1 #1 paclitaxel+trastuzumab TH days 0 to 42 GAP maintenance - substitutions paclitaxel->docetaxel addon false"),
                lines());
    }

    @Test
    void droppingDocetaxelStartsMaintenanceAtTheFirstAntiHer2AfterTheLastTaxane() {
        patient.thp(0, 21, 42, 63, 84, 105).hp(126, 147, 168);
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+pertuzumab+trastuzumab THP days 0 to 168 GAP maintenance 126 substitutions -"
                + " addon false"), lines());
    }

    @Test
    void aTaxaneGivenOnTheLastDayOfTheLineLeavesNoMaintenanceStart() {
        // HP alone on days 63 and 84, but docetaxel again with the last cycle: nothing anti-HER2 after the last taxane
        patient.hp(0, 21, 42, 63, 84, 105).on(0, TAXANE, "docetaxel").on(21, TAXANE, "docetaxel").on(42, TAXANE, "docetaxel")
                .on(105, TAXANE, "docetaxel");
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+pertuzumab+trastuzumab THP days 0 to 105 GAP maintenance - substitutions -"
                + " addon false"), lines());
    }

    @Test
    void endocrineCarriedOverFromBeforeALineIsIgnoredForLineChanges() {
        // adjuvant letrozole every 28 days from day -116 (an endocrine-only line: nothing else is running), still taken on
        // day -4, after the metastatic split (metastatic date day 10, split day -20), and on through the THP line
        patient.every(28, -116, 136, ENDOCRINE, "letrozole").thp(0, 21, 42, 63, 84, 105).hp(126, 147);
        assertEquals(List.of(
                "PERIOPERATIVE 1 #1 letrozole letrozole days -116 to -4 GAP maintenance - substitutions - addon false",
                "METASTATIC 1 #2 docetaxel+pertuzumab+trastuzumab THP days 0 to 147 GAP maintenance 126 substitutions - addon true"),
                describe(patient.lines(day(10))));
    }

    @Test
    void endocrineAddedDuringALineIsAnAddOnOutsideTheRegimenThatNeverExtendsTheLine() {
        // letrozole from day 14 (inside the regimen window) every 28 days to day 238, 70 days after the last HP
        patient.thp(0, 21, 42, 63, 84, 105).hp(126, 147, 168).every(28, 14, 238, ENDOCRINE, "letrozole");
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+pertuzumab+trastuzumab THP days 0 to 168 GAP maintenance 126 substitutions -"
                + " addon true"), lines());
    }

    @Test
    void aNewDrugFirstGivenOnDay28JoinsTheRegimen() {
        patient.th(0, 21, 42).on(28, CHEMOTHERAPY, "carboplatin");
        assertEquals(List.of("METASTATIC 1 #1 carboplatin+docetaxel+trastuzumab carboplatin+docetaxel+trastuzumab days 0 to 42 GAP"
                + " maintenance - substitutions - addon false"), lines());
    }

    @Test
    void aNewDrugFirstGivenOnDay29OpensTheNextLine() {
        patient.th(0, 21, 42).on(29, CHEMOTHERAPY, "carboplatin");
        assertEquals(List.of(
                "METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 21 NEXT_LINE maintenance - substitutions - addon false",
                "METASTATIC 2 #2 carboplatin+docetaxel+trastuzumab carboplatin+docetaxel+trastuzumab days 29 to 42 GAP"
                        + " maintenance - substitutions - addon false"), lines());
    }

    @Test
    void pertuzumabFirstGivenOnDay20MakesTheLineThp() {
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+pertuzumab+trastuzumab THP days 0 to 63 GAP maintenance - substitutions -"
                + " addon false"), thWithPertuzumabFrom(20));
    }

    @Test
    void pertuzumabFirstGivenOnDay28MakesTheLineThp() {
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+pertuzumab+trastuzumab THP days 0 to 63 GAP maintenance - substitutions -"
                + " addon false"), thWithPertuzumabFrom(28));
    }

    @Test
    void pertuzumabFirstGivenOnDay29EndsATHLineAndOpensATHPLine() {
        assertEquals(List.of(
                "METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 21 NEXT_LINE maintenance - substitutions - addon false",
                "METASTATIC 2 #2 docetaxel+pertuzumab+trastuzumab THP days 29 to 63 GAP maintenance - substitutions - addon false"),
                thWithPertuzumabFrom(29));
    }

    @Test
    void pertuzumabFirstGivenOnDay45EndsATHLineAndOpensATHPLine() {
        assertEquals(List.of(
                "METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 42 NEXT_LINE maintenance - substitutions - addon false",
                "METASTATIC 2 #2 docetaxel+pertuzumab+trastuzumab THP days 45 to 63 GAP maintenance - substitutions - addon false"),
                thWithPertuzumabFrom(45));
    }

    @Test
    void theFixedDoseScProductMapsToPertuzumabAndTrastuzumabAndMakesTheLineThp() {
        for (int d : new int[] {0, 21, 42}) {
            dispensed(d, "L01CD02", "Docetaxel 80mg/4ml inj");
            DrugMapping phesgo = dispensed(d, "L01FY01", "Phesgo");
            assertEquals(List.of("pertuzumab", "trastuzumab"), phesgo.ingredients());
            assertEquals(ANTI_HER2_ANTIBODY, phesgo.drugClass());
            assertEquals("SC", phesgo.form());
        }
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+pertuzumab+trastuzumab THP days 0 to 42 GAP maintenance - substitutions -"
                + " addon false"), lines());
    }

    @Test
    void switchingIvPertuzumabAndTrastuzumabToTheFixedDoseScProductStaysInTheLine() {
        for (int d : new int[] {0, 21, 42}) {
            dispensed(d, null, "Docetaxel");
            dispensed(d, null, "Perjeta 420mg inj");
            dispensed(d, null, "Herceptin 440mg inj");
        }
        dispensed(63, null, "Docetaxel");
        dispensed(63, null, "Phesgo");
        dispensed(84, null, "Phesgo");
        List<LinesOfTherapy.Line> lines = patient.lines(METASTATIC_AT_DAY0);
        // The switch is no new ingredient (both map to pertuzumab + trastuzumab), so it never opens a line; it is a substitution
        assertEquals(1, lines.size());
        LinesOfTherapy.Line line = lines.get(0);
        assertEquals(List.of("docetaxel+pertuzumab+trastuzumab", "THP", day(0), day(84), LinesOfTherapy.EndReason.GAP, day(84),
                        "pertuzumab IV->pertuzumab+trastuzumab SC;trastuzumab IV->pertuzumab+trastuzumab SC"),
                List.of(line.regimen(), line.label(), line.start(), line.end(), line.endReason(), line.maintenanceStart(),
                        line.substitutions()));
    }

    @Test
    void aLineOpenedByEndocrineTherapyAloneThatGetsThpWithinItsWindowIsATHPLine() {
        patient.on(0, ENDOCRINE, "letrozole").thp(10, 31, 52).on(31, ENDOCRINE, "letrozole");
        assertEquals(List.of(
                "METASTATIC 1 #1 docetaxel+pertuzumab+trastuzumab THP days 0 to 52 GAP maintenance - substitutions - addon true"),
                lines());
        patient.given.clear();
        patient.on(0, ENDOCRINE, "letrozole").on(28, ENDOCRINE, "letrozole").thp(29, 50);
        assertEquals(List.of(
                "METASTATIC 1 #1 letrozole letrozole days 0 to 28 NEXT_LINE maintenance - substitutions - addon false",
                "METASTATIC 2 #2 docetaxel+pertuzumab+trastuzumab THP days 29 to 50 GAP maintenance - substitutions - addon false"),
                lines());
    }

    @Test
    void trastuzumabIvToScToABiosimilarIsOneLineRecordingEachChange() {
        for (int d : new int[] {0, 21, 42}) {
            dispensed(d, null, "Docetaxel");
            dispensed(d, null, "Herceptin 440mg inj");
        }
        dispensed(63, null, "Herceptin SC");
        dispensed(84, null, "Herzuma");
        List<LinesOfTherapy.Line> lines = patient.lines(METASTATIC_AT_DAY0);
        assertEquals(1, lines.size());
        assertEquals("TH", lines.get(0).label());
        assertEquals("trastuzumab IV->trastuzumab SC;trastuzumab IV->trastuzumab IV biosimilar", lines.get(0).substitutions());
    }

    @Test
    void adjuvantThRunningIntoRelapseIsSplitAtMetastaticDateMinus30() {
        patient.th(0, 21, 42, 63, 84, 105, 126, 147); // metastatic date day 135: split on day 105, an administration day
        assertEquals(List.of(
                "PERIOPERATIVE 1 #1 docetaxel+trastuzumab TH days 0 to 84 GAP maintenance - substitutions - addon false",
                "METASTATIC 1 #2 docetaxel+trastuzumab TH days 105 to 147 GAP maintenance - substitutions - addon false"),
                describe(patient.lines(day(135))));
    }

    @Test
    void supportiveAndUnknownDrugsNeverMakeOrChangeALine() {
        patient.th(0, 21, 42).th(170)
                .on(0, SUPPORTIVE, "dexamethasone").on(21, SUPPORTIVE, "dexamethasone").on(42, SUPPORTIVE, "dexamethasone")
                .on(1, SUPPORTIVE, "pegfilgrastim").on(22, SUPPORTIVE, "pegfilgrastim").on(43, SUPPORTIVE, "filgrastim")
                .on(10, null, "UNKNOWN") // would join the regimen
                .on(35, null, "UNKNOWN") // would open a line after day 28
                .on(90, SUPPORTIVE, "denosumab").on(150, SUPPORTIVE, "zoledronic acid"); // would bridge the 128-day gap
        assertEquals(List.of(
                "METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 42 GAP maintenance - substitutions - addon false",
                "METASTATIC 2 #2 docetaxel+trastuzumab TH days 170 to 170 GAP maintenance - substitutions - addon false"),
                lines());
    }

    @Test
    void tchpIsLabelledByItsRegimenString() {
        patient.thp(0, 21, 42).every(21, 0, 42, CHEMOTHERAPY, "carboplatin");
        assertEquals(List.of("METASTATIC 1 #1 carboplatin+docetaxel+pertuzumab+trastuzumab carboplatin+docetaxel+pertuzumab+trastuzumab"
                + " days 0 to 42 GAP maintenance - substitutions - addon false"), lines());
    }
}
