package org.oncorwe.ingest.dictionary;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oncorwe.testing.TestPaths;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AE synonyms and allowed grades: every term the synthetic registry writes; v5.0 grades as domain-rules §6. */
@Tag("unit")
class AeTermDictionaryTest {

    static final AeTermDictionary AE = AeTermDictionary.load(TestPaths.home().resolve("conf/dictionaries"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Diarrhea                              | Diarrhea
            설사                                   | Diarrhea
            Nausea                                | Nausea
            구역                                   | Nausea
            Vomiting                              | Vomiting
            구토                                   | Vomiting
            Mucositis oral                        | Mucositis oral
            Stomatitis                            | Mucositis oral
            구내염                                 | Mucositis oral
            Peripheral sensory neuropathy         | Peripheral sensory neuropathy
            Peripheral neuropathy                 | Peripheral sensory neuropathy
            말초신경병증                            | Peripheral sensory neuropathy
            Febrile neutropenia                   | Febrile neutropenia
            발열성 호중구감소증                      | Febrile neutropenia
            Neutrophil count decreased            | Neutrophil count decreased
            Neutropenia                           | Neutrophil count decreased
            호중구감소증                            | Neutrophil count decreased
            White blood cell decreased            | White blood cell decreased
            Leukopenia                            | White blood cell decreased
            Anemia                                | Anemia
            빈혈                                   | Anemia
            Platelet count decreased              | Platelet count decreased
            Thrombocytopenia                      | Platelet count decreased
            Alanine aminotransferase increased    | Alanine aminotransferase increased
            ALT increased                         | Alanine aminotransferase increased
            Aspartate aminotransferase increased  | Aspartate aminotransferase increased
            AST increased                         | Aspartate aminotransferase increased
            Blood bilirubin increased             | Blood bilirubin increased
            Creatinine increased                  | Creatinine increased
            Ejection fraction decreased           | Ejection fraction decreased
            Left ventricular systolic dysfunction | Left ventricular systolic dysfunction
            Fatigue                               | Fatigue
            피로                                   | Fatigue
            Alopecia                              | Alopecia
            탈모                                   | Alopecia
            Myalgia                               | Myalgia
            근육통                                 | Myalgia
            '  NAUSEA  '                          | Nausea
            febrile  NEUTROPENIA                  | Febrile neutropenia
            """)
    void everySyntheticTermMaps(String recorded, String term) {
        assertEquals(term, AE.term(recorded).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Feeling unwell", "기타 불편감", ""})
    void vagueComplaintsStayUnmapped(String recorded) {
        assertTrue(AE.term(recorded).isEmpty());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Nausea                               | 1,2,3
            Peripheral sensory neuropathy        | 1,2,3
            Febrile neutropenia                  | 3,4,5
            Ejection fraction decreased          | 2,3,4
            Anemia                               | 1,2,3,4,5
            Neutrophil count decreased           | 1,2,3,4
            White blood cell decreased           | 1,2,3,4
            Platelet count decreased             | 1,2,3,4
            Alanine aminotransferase increased   | 1,2,3,4
            Aspartate aminotransferase increased | 1,2,3,4
            Blood bilirubin increased            | 1,2,3,4
            Creatinine increased                 | 1,2,3,4
            Diarrhea                             | 1,2,3,4,5
            Vomiting                             | 1,2,3,4,5
            Mucositis oral                       | 1,2,3,4,5
            """)
    void version5GradesAsDomainRules(String term, String grades) {
        Set<Integer> expected = new java.util.TreeSet<>();
        for (String g : grades.split(",")) {
            expected.add(Integer.parseInt(g));
        }
        assertEquals(expected, Set.copyOf(AE.allowedGrades(term, CtcaeVersion.V5_0)));
        assertEquals(expected, Set.copyOf(AE.allowedGrades(term, null)), "missing version = 5.0");
    }

    @Test
    void otherVersions() {
        assertFalse(AE.allowedGrades("Nausea", CtcaeVersion.V5_0).contains(4));
        assertTrue(AE.allowedGrades("Peripheral sensory neuropathy", CtcaeVersion.V4_03).contains(4));
        assertTrue(AE.allowedGrades("Ejection fraction decreased", CtcaeVersion.V3_0).isEmpty());
        assertEquals(Set.of(3, 4, 5), AE.allowedGrades("Left ventricular systolic dysfunction", CtcaeVersion.V5_0));
        assertTrue(AE.allowedGrades("No such term", CtcaeVersion.V5_0).isEmpty());
        assertEquals(19, AE.terms().size());
    }

    @Test
    void versionCodes() {
        assertEquals(CtcaeVersion.V4_03, CtcaeVersion.parse(" 4.03 ").orElseThrow());
        assertEquals(CtcaeVersion.V3_0, CtcaeVersion.parse("3.0").orElseThrow());
        assertTrue(CtcaeVersion.parse("4").isEmpty());
        assertTrue(CtcaeVersion.parse(null).isEmpty());
        assertEquals("5.0", CtcaeVersion.DEFAULT.code());
    }
}
