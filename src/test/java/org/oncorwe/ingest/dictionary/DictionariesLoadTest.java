package org.oncorwe.ingest.dictionary;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.testing.JavaSerialization;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading: the shipped dictionaries load and serialise; a malformed file fails naming file and line. */
@Tag("unit")
class DictionariesLoadTest {

    private static final Path SHIPPED = TestPaths.home().resolve("conf/dictionaries");

    @Test
    void shippedDictionariesLoadAndSurviveJavaSerialisation() throws Exception {
        Dictionaries d = Dictionaries.load(SHIPPED);
        Dictionaries copy = JavaSerialization.roundTrip(d);
        assertEquals("trastuzumab", copy.drugs().map(null, "Herzuma 150mg").ingredientKey());
        assertEquals("anc", copy.labs().resolve("751-8", null, null).orElseThrow().id());
        assertEquals("Nausea", copy.aeTerms().term("구역").orElseThrow());
    }

    /** Copies the shipped dictionaries, appends a line to one file, and expects the load to name it. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            drug_ingredients.csv | 'docetaxel,TAXANE'                                  | listed twice
            drug_ingredients.csv | 'Docetaxol,TAXANE'                                  | lower case
            drug_ingredients.csv | 'newdrug,CHEMO'                                     | drug_class 'CHEMO' is not one of
            drug_codes.csv       | 'ATC,L01XX99,aspirin,,,,x'                          | ingredient 'aspirin' is not in drug_ingredients.csv
            drug_codes.csv       | 'ATC,l01cd02,docetaxel,,,,x'                        | 'L01CD02' is already mapped
            drug_codes.csv       | 'ATC,L01XX98,docetaxel+tamoxifen,,,,x'              | of different classes
            drug_codes.csv       | 'ATC,L01XX97,docetaxel,IM,,,x'                      | form 'IM'
            drug_codes.csv       | 'ATC,L01XX96,docetaxel,,yes,,x'                     | biosimilar 'yes'
            drug_codes.csv       | 'NDC,123,docetaxel,,,,x'                            | kind 'NDC'
            drug_codes.csv       | 'ATC,L01XX95,docetaxel'                             | 3 fields, the header has 7
            drug_names.csv       | 'TAXOTERE 80 mg inj,docetaxel,IV,'                  | 'taxotere' is already mapped
            drug_names.csv       | '80mg inj,docetaxel,IV,'                            | is empty once strength and form words are stripped
            drug_names.csv       | ',docetaxel,IV,'                                    | name is empty
            lab_units.csv        | 'count,/L,MULTIPLY,0'                               | factor must be positive
            lab_units.csv        | 'count,/L,MULTIPLY,abc'                             | factor 'abc' is not a number
            lab_units.csv        | 'count,x10^9/L,MULTIPLY,1'                          | listed twice in set count
            lab_analytes.csv     | 'ferritin,ng/mL,iron,0,10000,x'                     | unit_set 'iron' is not in lab_units.csv
            lab_analytes.csv     | 'ferritin,/uL,count,0,10000,x'                      | canonical_unit '/uL' is not in set count with factor 1
            lab_analytes.csv     | 'ferritin,10^9/L,count,5,1,x'                       | min_plausible is above max_plausible
            lab_codes.csv        | 'LOINC,2276-4,ferritin'                             | analyte 'ferritin' is not in lab_analytes.csv
            lab_codes.csv        | 'NAME,  anc ,anc'                                   | NAME 'anc' listed twice
            ae_terms.csv         | 'Nausea,1-3,1-3,1-3'                                | term 'Nausea' listed twice
            ae_terms.csv         | 'Cough,1-3,1-6,1-3'                                 | grades_4.03 '1-6' is not grades
            ae_terms.csv         | 'Cough,1-3,3-1,1-3'                                 | grades_4.03 '3-1'
            ae_synonyms.csv      | 'Coughing,Cough,en'                                 | term 'Cough' is not in ae_terms.csv
            ae_synonyms.csv      | 'Neutropenia,Anemia,en'                             | synonym 'Neutropenia' already maps to 'Neutrophil count decreased'
            """)
    void malformedLineFailsNamingFileAndLine(String file, String line, String problem) throws IOException {
        Path dir = copyOfShipped();
        Path target = dir.resolve(file);
        long lines = Files.readAllLines(target, StandardCharsets.UTF_8).size();
        Files.writeString(target, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        PipelineFailure e = assertThrows(PipelineFailure.class, () -> Dictionaries.load(dir));
        assertTrue(e.getMessage().contains(file + " line " + (lines + 1) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void missingFileOrHeaderColumnFails() throws IOException {
        Path dir = copyOfShipped();
        Files.delete(dir.resolve("ae_synonyms.csv"));
        assertTrue(assertThrows(PipelineFailure.class, () -> Dictionaries.load(dir)).getMessage()
                .matches("dictionary .*ae_synonyms\\.csv is missing"));
        Files.writeString(dir.resolve("ae_synonyms.csv"), "# comment\nsynonym,term\nx,Nausea\n");
        assertTrue(assertThrows(PipelineFailure.class, () -> Dictionaries.load(dir)).getMessage()
                .endsWith("ae_synonyms.csv: header lacks column language"));
    }

    @Test
    void brokenQuoteFailsNamingTheFile() throws IOException {
        Path dir = copyOfShipped();
        Files.writeString(dir.resolve("lab_codes.csv"), "kind,code,analyte\nNAME,\"ANC,anc\n");
        assertTrue(assertThrows(PipelineFailure.class, () -> Dictionaries.load(dir)).getMessage()
                .contains("lab_codes.csv: cannot be read as CSV"));
    }

    private static Path copyOfShipped() throws IOException {
        Path dir = TestPaths.emptyHome("dictionaries");
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
