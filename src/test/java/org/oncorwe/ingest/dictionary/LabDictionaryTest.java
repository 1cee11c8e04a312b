package org.oncorwe.ingest.dictionary;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncorwe.testing.TestPaths;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lab analytes, units and exact conversions for every code, name and unit the synthetic registry writes. */
@Tag("unit")
class LabDictionaryTest {

    static final LabDictionary LABS = LabDictionary.load(TestPaths.home().resolve("conf/dictionaries"));

    @ParameterizedTest(name = "{0} / {1} / {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            751-8   | -        | -                          | anc
            26499-4 | -        | -                          | anc
            -       | LAB-ANC  | -                          | anc
            -       | -        | ANC                        | anc
            -       | -        | Absolute neutrophil count  | anc
            770-8   | -        | -                          | neutrophil_pct
            -       | LAB-NEUT | -                          | neutrophil_pct
            -       | -        | Neutrophil %               | neutrophil_pct
            -       | -        | Seg. neutrophil            | neutrophil_pct
            6690-2  | -        | -                          | wbc
            -       | LAB-WBC  | -                          | wbc
            -       | -        | WBC                        | wbc
            718-7   | -        | -                          | hemoglobin
            -       | LAB-HB   | -                          | hemoglobin
            -       | -        | Hemoglobin                 | hemoglobin
            -       | -        | Hb                         | hemoglobin
            777-3   | -        | -                          | platelets
            -       | LAB-PLT  | -                          | platelets
            -       | -        | Platelet                   | platelets
            -       | -        | PLT                        | platelets
            1742-6  | -        | -                          | alt
            -       | LAB-ALT  | -                          | alt
            -       | -        | ALT                        | alt
            -       | -        | SGPT                       | alt
            1920-8  | -        | -                          | ast
            -       | LAB-AST  | -                          | ast
            -       | -        | AST                        | ast
            -       | -        | SGOT                       | ast
            1975-2  | -        | -                          | total_bilirubin
            -       | LAB-TBIL | -                          | total_bilirubin
            -       | -        | Total bilirubin            | total_bilirubin
            -       | -        | T.bil                      | total_bilirubin
            2160-0  | -        | -                          | creatinine
            -       | LAB-CR   | -                          | creatinine
            -       | -        | Creatinine                 | creatinine
            -       | -        | Cr                         | creatinine
            -       | lab-cr   | '  creatinine '            | creatinine
            """)
    void everySyntheticCodeAndNameResolves(String loinc, String local, String name, String analyte) {
        assertEquals(analyte, LABS.resolve(loinc, local, name).orElseThrow().id());
    }

    @Test
    void loincThenLocalCodeThenName() {
        assertEquals("anc", LABS.resolve("751-8", "LAB-WBC", "Hb").orElseThrow().id());
        assertEquals("wbc", LABS.resolve("0000-0", "LAB-WBC", "Hb").orElseThrow().id());
        assertEquals("hemoglobin", LABS.resolve("0000-0", "LAB-XX", "Hb").orElseThrow().id());
        assertTrue(LABS.resolve("0000-0", null, "Ferritin").isEmpty());
        assertTrue(LABS.resolve(null, null, null).isEmpty());
    }

    @ParameterizedTest(name = "{0}: {1} {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            anc             | 1.5    | 10^3/uL   | 1.5
            anc             | 1.5    | x10^9/L   | 1.5
            anc             | 1.5    | 10*3/uL   | 1.5
            anc             | 1.5    | ×10^9/L   | 1.5
            anc             | 1.5    | 10^9/L    | 1.5
            anc             | 1.5    | /nL       | 1.5
            anc             | 1.5    | x10^3/uL  | 1.5
            anc             | 1.5    | 10*9/L    | 1.5
            anc             | 1.5    | X10^9/L   | 1.5
            wbc             | 4.1    | x10^9/L   | 4.1
            platelets       | 98000  | /mm3      | 98
            platelets       | 98     | 10^3/uL   | 98
            anc             | 1500   | /uL       | 1.5
            anc             | 1500   | /µL       | 1.5
            anc             | 1500   | /μL       | 1.5
            anc             | 1500   | /mm3      | 1.5
            anc             | 1      | /uL       | 0.001
            wbc             | 3200   | /mm3      | 3.2
            wbc             | 3.2    | 10^3/uL   | 3.2
            platelets       | 150000 | /uL       | 150
            platelets       | 150    | x10^9/L   | 150
            neutrophil_pct  | 55.5   | %         | 55.5
            hemoglobin      | 95     | g/L       | 9.5
            hemoglobin      | 9.5    | g/dL      | 9.5
            alt             | 40     | U/L       | 40
            alt             | 40     | IU/L      | 40
            ast             | 41     | IU/L      | 41
            total_bilirubin | 26.0   | µmol/L    | 1.5204678363
            total_bilirubin | 26.0   | umol/L    | 1.5204678363
            total_bilirubin | 17.1   | umol/L    | 1
            total_bilirubin | 1.2    | mg/dL     | 1.2
            creatinine      | 88.42  | µmol/L    | 1
            creatinine      | 100    | umol/L    | 1.1309658448
            creatinine      | 0.8    | mg/dL     | 0.8
            """)
    void conversionsAreExact(String analyte, String value, String unit, String expected) {
        LabAnalyte a = LABS.analyte(analyte).orElseThrow();
        BigDecimal out = LABS.conversion(a, unit).orElseThrow().apply(new BigDecimal(value));
        assertEquals(new BigDecimal(expected), out, () -> value + " " + unit);
    }

    @Test
    void unknownOrMissingUnitHasNoConversion() {
        LabAnalyte anc = LABS.analyte("anc").orElseThrow();
        assertTrue(LABS.conversion(anc, "mEq/L").isEmpty());
        assertTrue(LABS.conversion(anc, null).isEmpty());
        assertTrue(LABS.conversion(anc, "g/dL").isEmpty(), "a unit of another analyte");
        assertEquals("10^9/L", anc.canonicalUnit());
    }

    @Test
    void physiologicalLimitsInTheCanonicalUnit() {
        LabAnalyte anc = LABS.analyte("anc").orElseThrow();
        assertFalse(anc.plausible(new BigDecimal("1e9")));
        assertFalse(anc.plausible(new BigDecimal("-0.01")));
        assertTrue(anc.plausible(BigDecimal.ZERO));
        assertTrue(anc.plausible(new BigDecimal("1.5")));
        assertFalse(LABS.analyte("platelets").orElseThrow().plausible(new BigDecimal("-1")));
        assertFalse(LABS.analyte("neutrophil_pct").orElseThrow().plausible(new BigDecimal("100.1")));
        assertFalse(LABS.analyte("hemoglobin").orElseThrow().plausible(new BigDecimal("95")), "Hb 95 g/dL: a g/L value");
    }

    @Test
    void unitSpellingsNormalise() {
        assertEquals("10^9/l", LabDictionary.normaliseUnit(" x10^9/L "));
        assertEquals("10^3/ul", LabDictionary.normaliseUnit("10*3/µL"));
        assertEquals("10^3/ul", LabDictionary.normaliseUnit("×10³/μL"));
        assertEquals("umol/l", LabDictionary.normaliseUnit("µmol/L"));
    }
}
