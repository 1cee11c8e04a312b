package org.oncorwe.ingest.dictionary;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oncorwe.testing.TestPaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drug dictionary maps every drug string and code the synthetic registry writes (issue #3). */
@Tag("unit")
class DrugDictionaryTest {

    static final DrugDictionary DRUGS = DrugDictionary.load(TestPaths.home().resolve("conf/dictionaries"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Docetaxel 80mg/4ml inj      | docetaxel              | TAXANE             | IV | false
            Taxotere 20mg inj           | docetaxel              | TAXANE             | IV | false
            DOCETAXEL                   | docetaxel              | TAXANE             | IV | false
            도세탁셀주 80mg               | docetaxel              | TAXANE             | IV | false
            Monotaxel 120mg             | docetaxel              | TAXANE             | IV | false
            Paclitaxel 300mg inj        | paclitaxel             | TAXANE             | IV | false
            Taxol                       | paclitaxel             | TAXANE             | IV | false
            Genexol 30mg                | paclitaxel             | TAXANE             | IV | false
            파클리탁셀                    | paclitaxel             | TAXANE             | IV | false
            Abraxane 100mg              | nab-paclitaxel         | TAXANE             | IV | false
            nab-paclitaxel              | nab-paclitaxel         | TAXANE             | IV | false
            Herceptin 440mg inj         | trastuzumab            | ANTI_HER2_ANTIBODY | IV | false
            Herceptin SC 600mg/5ml      | trastuzumab            | ANTI_HER2_ANTIBODY | SC | false
            Herzuma 150mg               | trastuzumab            | ANTI_HER2_ANTIBODY | IV | true
            Kanjinti 420mg              | trastuzumab            | ANTI_HER2_ANTIBODY | IV | true
            Ontruzant 150mg             | trastuzumab            | ANTI_HER2_ANTIBODY | IV | true
            trastuzumab                 | trastuzumab            | ANTI_HER2_ANTIBODY | -  | false
            허셉틴주 440mg                | trastuzumab            | ANTI_HER2_ANTIBODY | IV | false
            트라스투주맙                  | trastuzumab            | ANTI_HER2_ANTIBODY | -  | false
            Perjeta 420mg/14ml          | pertuzumab             | ANTI_HER2_ANTIBODY | IV | false
            pertuzumab                  | pertuzumab             | ANTI_HER2_ANTIBODY | IV | false
            퍼제타주                      | pertuzumab             | ANTI_HER2_ANTIBODY | IV | false
            Phesgo 1200mg/600mg SC      | pertuzumab+trastuzumab | ANTI_HER2_ANTIBODY | SC | false
            Phesgo                      | pertuzumab+trastuzumab | ANTI_HER2_ANTIBODY | SC | false
            Kadcyla 160mg               | trastuzumab emtansine  | ADC                | IV | false
            캐싸일라주                    | trastuzumab emtansine  | ADC                | IV | false
            T-DM1                       | trastuzumab emtansine  | ADC                | IV | false
            Enhertu 100mg               | trastuzumab deruxtecan | ADC                | IV | false
            T-DXd                       | trastuzumab deruxtecan | ADC                | IV | false
            Tykerb 250mg tab            | lapatinib              | TKI                | PO | false
            Tukysa 150mg                | tucatinib              | TKI                | PO | false
            Nerlynx 40mg                | neratinib              | TKI                | PO | false
            Xeloda 500mg tab            | capecitabine           | CHEMOTHERAPY       | PO | false
            카페시타빈                    | capecitabine           | CHEMOTHERAPY       | PO | false
            Carboplatin 450mg           | carboplatin            | CHEMOTHERAPY       | IV | false
            Adriamycin 50mg             | doxorubicin            | CHEMOTHERAPY       | IV | false
            Endoxan 500mg               | cyclophosphamide       | CHEMOTHERAPY       | -  | false
            Epirubicin 50mg             | epirubicin             | CHEMOTHERAPY       | IV | false
            Navelbine 30mg              | vinorelbine            | CHEMOTHERAPY       | -  | false
            Halaven 1mg                 | eribulin               | CHEMOTHERAPY       | IV | false
            Gemzar 1g                   | gemcitabine            | CHEMOTHERAPY       | IV | false
            Nolvadex 10mg tab           | tamoxifen              | ENDOCRINE          | PO | false
            Femara 2.5mg                | letrozole              | ENDOCRINE          | PO | false
            Arimidex 1mg                | anastrozole            | ENDOCRINE          | PO | false
            Aromasin 25mg               | exemestane             | ENDOCRINE          | PO | false
            Faslodex 250mg              | fulvestrant            | ENDOCRINE          | -  | false
            Zoladex 3.6mg               | goserelin              | ENDOCRINE          | SC | false
            Lupron 3.75mg               | leuprorelin            | ENDOCRINE          | -  | false
            Neulasta 6mg                | pegfilgrastim          | SUPPORTIVE         | SC | false
            Grasin 300mcg               | filgrastim             | SUPPORTIVE         | -  | false
            Ondansetron 8mg             | ondansetron            | SUPPORTIVE         | -  | false
            Aloxi 0.25mg                | palonosetron           | SUPPORTIVE         | IV | false
            Emend 125mg                 | aprepitant             | SUPPORTIVE         | PO | false
            Dexamethasone 5mg           | dexamethasone          | SUPPORTIVE         | -  | false
            Zometa 4mg                  | zoledronic acid        | SUPPORTIVE         | IV | false
            Xgeva 120mg                 | denosumab              | SUPPORTIVE         | SC | false
            """)
    void everySyntheticNameMapsByName(String name, String ingredients, DrugClass drugClass, String form,
                                      boolean biosimilar) {
        DrugMapping m = DRUGS.map(null, name);
        assertEquals(ingredients, m.ingredientKey(), name);
        assertEquals(drugClass, m.drugClass(), name);
        assertEquals(DrugMapping.Basis.NAME, m.basis());
        assertEquals(form, m.form(), name);
        assertEquals(biosimilar, m.biosimilar(), name);
        assertFalse(m.codeNameDisagree());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            L01CD02   | docetaxel
            644802490 | docetaxel
            DOCE80    | docetaxel
            L01CD01   | paclitaxel
            PACL300   | paclitaxel
            ABRX100   | nab-paclitaxel
            L01XC03   | trastuzumab
            L01FD01   | trastuzumab
            645302130 | trastuzumab
            HERC440   | trastuzumab
            L01XC13   | pertuzumab
            L01FD02   | pertuzumab
            PERJ420   | pertuzumab
            L01FY01   | pertuzumab+trastuzumab
            L01XC14   | trastuzumab emtansine
            L01FD03   | trastuzumab emtansine
            L01FD04   | trastuzumab deruxtecan
            L01XE07   | lapatinib
            L01EH01   | lapatinib
            L01EH02   | neratinib
            L01EH03   | tucatinib
            L01BC06   | capecitabine
            L01XA02   | carboplatin
            L01DB01   | doxorubicin
            L01AA01   | cyclophosphamide
            L01DB03   | epirubicin
            L01CA04   | vinorelbine
            L01XX41   | eribulin
            L01BC05   | gemcitabine
            L02BA01   | tamoxifen
            L02BG04   | letrozole
            L02BG03   | anastrozole
            L02BG06   | exemestane
            L02BA03   | fulvestrant
            L02AE03   | goserelin
            L02AE02   | leuprorelin
            L03AA13   | pegfilgrastim
            L03AA02   | filgrastim
            A04AA01   | ondansetron
            A04AA05   | palonosetron
            A04AD12   | aprepitant
            H02AB02   | dexamethasone
            M05BA08   | zoledronic acid
            M05BX04   | denosumab
            """)
    void everySyntheticCodeMapsByCode(String code, String ingredients) {
        DrugMapping m = DRUGS.map(code, null);
        assertEquals(ingredients, m.ingredientKey(), code);
        assertEquals(DrugMapping.Basis.CODE, m.basis());
        assertEquals(ingredients, DRUGS.map(" " + code.toLowerCase(java.util.Locale.ROOT) + " ", "").ingredientKey(),
                "codes are trimmed and case-insensitive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Investigational drug XZ-101", "Herbal extract", "", "  "})
    void unknownDrugsMapToUnknown(String name) {
        DrugMapping m = DRUGS.map(null, name);
        assertEquals(DrugMapping.UNMAPPED, m);
        assertEquals("UNKNOWN", m.ingredientKey());
        assertNull(m.drugClass());
        assertFalse(m.mapped());
        assertEquals(DrugMapping.UNMAPPED, DRUGS.map("XX999", name), "an unknown code does not help");
    }

    @Test
    void codeWinsWhenCodeAndNameDisagree() {
        DrugMapping m = DRUGS.map("L01CD02", "Taxol");
        assertEquals("docetaxel", m.ingredientKey());
        assertEquals(DrugMapping.Basis.CODE, m.basis());
        assertTrue(m.codeNameDisagree());
        assertFalse(DRUGS.map("L01CD02", "Investigational drug XZ-101").codeNameDisagree(), "an unmappable name cannot disagree");
        assertFalse(DRUGS.map("L01CD02", "Taxotere 20mg inj").codeNameDisagree());
    }

    @Test
    void sharedPaclitaxelCodeFollowsTheNameOnlyToNabPaclitaxel() {
        assertEquals("nab-paclitaxel", DRUGS.map("L01CD01", "Abraxane 100mg").ingredientKey());
        assertFalse(DRUGS.map("L01CD01", "Abraxane 100mg").codeNameDisagree());
        assertEquals(DrugMapping.Basis.CODE, DRUGS.map("L01CD01", "nab-paclitaxel").basis());
        assertEquals("paclitaxel", DRUGS.map("L01CD01", "Taxol").ingredientKey());
        assertEquals("paclitaxel", DRUGS.map("L01CD01", null).ingredientKey());
        DrugMapping wrong = DRUGS.map("L01CD01", "Docetaxel 80mg/4ml inj");
        assertEquals("paclitaxel", wrong.ingredientKey());
        assertTrue(wrong.codeNameDisagree());
    }

    @Test
    void unknownCodeFallsBackToTheName() {
        DrugMapping m = DRUGS.map("ZZ-404", "Perjeta 420mg/14ml");
        assertEquals("pertuzumab", m.ingredientKey());
        assertEquals(DrugMapping.Basis.NAME, m.basis());
    }

    @Test
    void formAndBiosimilarComeFromTheCodeElseAnAgreeingName() {
        DrugMapping sc = DRUGS.map("L01FD01", "Herceptin SC 600mg/5ml");
        assertEquals("SC", sc.form());
        assertEquals(DrugMapping.Basis.CODE, sc.basis());
        assertEquals("IV", DRUGS.map("L01XC03", "Herceptin 440mg inj").form());
        assertTrue(DRUGS.map("L01FD01", "Herzuma 150mg").biosimilar());
        assertEquals("IV", DRUGS.map("HERC440", "Herceptin SC 600mg/5ml").form(), "the code's own form wins");
        assertNull(DRUGS.map("L01FD01", "Perjeta").form(), "a disagreeing name adds nothing");
        assertFalse(DRUGS.map("L01FD01", "Perjeta").biosimilar());
        assertEquals("SC", DRUGS.map("L01FY01", "Phesgo").form());
        assertEquals(2, DRUGS.map("L01FY01", null).ingredients().size());
    }

    @Test
    void classOfIngredients() {
        assertEquals(DrugClass.TAXANE, DRUGS.classOf("nab-paclitaxel"));
        assertEquals(DrugClass.SUPPORTIVE, DRUGS.classOf("denosumab"));
        assertNull(DRUGS.classOf(DrugMapping.UNKNOWN));
        assertTrue(DrugClass.ADC.isAntiHer2());
        assertTrue(DrugClass.TAXANE.isChemotherapy());
        assertFalse(DrugClass.SUPPORTIVE.isLineDrug());
    }

    @ParameterizedTest(name = "{0} → [{1}] {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Docetaxel 80mg/4ml inj     | docetaxel        | -
            Herceptin SC 600mg/5ml     | herceptin        | SC
            HERCEPTIN 440 mg           | herceptin        | -
            Herceptin 440 MG / 20 ML   | herceptin        | -
            Femara 2.5mg               | femara           | -
            Femara 2,5 mg tablets      | femara           | PO
            Gemzar 1g vial             | gemzar           | -
            Phesgo 1200mg/600mg SC     | phesgo           | SC
            도세탁셀주 80mg              | 도세탁셀           | -
            카페시타빈정 500mg           | 카페시타빈          | PO
            Trastuzumab (i.v.) 150 mg  | trastuzumab      | IV
            5-FU 500mg                 | 5-fu             | -
            T-DM1                      | t-dm1            | -
            Investigational drug XZ-101| investigational drug xz-101 | -
            """)
    void drugNameNormalisation(String raw, String key, String form) {
        DrugName n = DrugName.of(raw);
        assertEquals(key, n.key());
        assertEquals(form, n.form());
    }

    @Test
    void namesAreComparedInNfc() {
        String decomposed = java.text.Normalizer.normalize("허셉틴주", java.text.Normalizer.Form.NFD);
        assertEquals("trastuzumab", DRUGS.map(null, decomposed).ingredientKey());
    }
}
