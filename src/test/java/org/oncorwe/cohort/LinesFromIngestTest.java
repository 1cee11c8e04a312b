package org.oncorwe.cohort;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncorwe.cohort.Administrations.EXTRACT;
import static org.oncorwe.cohort.Administrations.describe;

/**
 * Which administrations count is decided in ingest (registry-extract.md, drug_administration.csv
 * status and order_id; decision 82): a one-patient extract written by hand goes through the real
 * ingest rules ({@link ExtractFacts}, no Spark), then through {@link LinesOfTherapy}.
 */
@Tag("unit")
class LinesFromIngestTest {

    @TempDir
    Path extract;

    /** Patient P1, metastatic (stage IV) since 2018-12-01, alive; its drug_administration rows without the patient_id. */
    private ExtractFacts ingest(String... drugRows) throws IOException {
        write("patient.csv", "patient_id,birth_date,sex,death_date,last_contact_date", "P1,1970-01-01,F,,2020-06-30");
        write("tumor_event.csv", "patient_id,event_date,event_type,kcd_code,stage,site", "P1,2018-12-01,PRIMARY_DIAGNOSIS,C50.9,IV,");
        write("drug_administration.csv", "patient_id,admin_date,drug_code,drug_name,status,order_id",
                Stream.of(drugRows).map(r -> "P1," + r).toArray(String[]::new));
        return ExtractFacts.of(extract, EXTRACT);
    }

    private void write(String file, String header, String... rows) throws IOException {
        Files.writeString(extract.resolve(file), header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private static List<LocalDate> daysOf(ExtractFacts facts, String ingredient) {
        return facts.given().get("P1").stream().filter(g -> g.ingredient().equals(ingredient)).map(LinesOfTherapy.Given::date)
                .sorted().toList();
    }

    @Test
    void cancelledAndHeldAdministrationsAreNotGiven() throws IOException {
        ExtractFacts facts = ingest(
                "2018-12-20,,Perjeta 420mg inj,CANCELLED,", // would start the line on 2018-12-20, as THP
                "2019-01-01,,Docetaxel,DONE,O1", "2019-01-01,,Herceptin 440mg inj,DONE,O1",
                "2019-01-15,,Perjeta 420mg inj,HELD,O2", // would join the regimen on day 14
                "2019-01-22,,Docetaxel,,O3", "2019-01-22,,Herceptin 440mg inj,,O3", // missing status = DONE
                "2019-02-12,,Docetaxel,DONE,O4", "2019-02-12,,Herceptin 440mg inj,DONE,O4",
                "2019-03-05,,Kadcyla,CANCELLED,O5"); // would open a T-DM1 line on day 63
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 42 GAP maintenance - substitutions - addon false"),
                describe(facts.lines("P1", EXTRACT)));
    }

    @Test
    void rowsOfOneOrderAndIngredientAreOneAdministrationOnItsEarliestDoneDay() throws IOException {
        ExtractFacts facts = ingest(
                "2018-12-28,,Docetaxel,CANCELLED,O1", "2019-01-01 09:00,,Docetaxel,DONE,O1", "2019-01-02,,Docetaxel,DONE,O1",
                "2019-01-01,,Herceptin 440mg inj,DONE,O1", "2019-01-01,,Herzuma 150mg inj,DONE,O1",
                "2019-01-22,,Docetaxel,DONE,O2", "2019-01-22,,Herceptin 440mg inj,DONE,O2",
                "2019-02-12,,Docetaxel,DONE,O3", "2019-02-13,,Docetaxel,DONE,O3", "2019-02-12,,Herceptin 440mg inj,DONE,O3");
        List<LocalDate> cycles = List.of(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 22), LocalDate.of(2019, 2, 12));
        assertEquals(cycles, daysOf(facts, "docetaxel"), "the order's re-entries on 01-02 and 02-13 are the same administration");
        assertEquals(cycles, daysOf(facts, "trastuzumab"), "Herceptin and Herzuma in one order are one trastuzumab administration");
        assertEquals(List.of("METASTATIC 1 #1 docetaxel+trastuzumab TH days 0 to 42 GAP maintenance - substitutions - addon false"),
                describe(facts.lines("P1", EXTRACT)));
    }
}
