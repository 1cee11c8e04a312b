package org.oncorwe.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.CliRun;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export}: a published table as the CSV R reads, to a file or standard output; bad requests fail with one line. */
@Tag("spark")
class ExportCommandTest {

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text))) {
            return p.getRecords();
        }
    }

    @Test
    void aStudysCohortAsCsvWithPartitionColumnsFirst() throws IOException {
        Path tables = IngestedExtracts.handWithCohorts();
        Path file = TestPaths.emptyHome("export").resolve("cohort.csv");
        CliRun r = CliRun.of(TestPaths.home(), Map.of(), "export", "--output", tables.toString(), "--table", "cohort",
                "--study", "first_line_thp", "--to", file.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("extract_date,study,patient_key,index_date,age_at_index,age_group,"), text.substring(0, 80));
        List<CSVRecord> rows = parse(text);
        assertEquals(20, rows.size());
        CSVRecord first = rows.stream().filter(c -> c.get("patient_key").equals(IngestedExtracts.patientKey("HND-0001")))
                .findFirst().orElseThrow();
        // as expected_cohort.csv has it: dates as yyyy-MM-dd, booleans, null as an empty field, exact months
        assertEquals(List.of("2020-10-31", "first_line_thp", "2018-03-26", "55", "51-60", "true", "false", "", "6",
                        Double.toString(189 / 30.4375)),
                List.of(first.get("extract_date"), first.get("study"), first.get("index_date"), first.get("age_at_index"),
                        first.get("age_group"), first.get("visceral_mets"), first.get("bone_mets"), first.get("dfi_days"),
                        first.get("docetaxel_admins"), first.get("index_line_months")));

        CliRun stdout = CliRun.of(TestPaths.home(), Map.of(), "export", "--output", tables.toString(), "--table", "cohort",
                "--study", "first_line_thp");
        assertEquals(ExitCode.OK, stdout.exitCode(), stdout.err());
        assertEquals(text, stdout.out(), "standard output holds exactly the file's CSV");
    }

    @Test
    void listsAreJoinedAndEveryStudyIsExportedWithoutStudy() throws IOException {
        Path tables = IngestedExtracts.handWithCohorts();
        CliRun drugs = CliRun.of(TestPaths.home(), Map.of(), "export", "--output", tables.toString(), "--table",
                "staged_drug_administration");
        assertEquals(ExitCode.OK, drugs.exitCode(), drugs.err());
        assertTrue(parse(drugs.out()).stream().anyMatch(c -> c.get("ingredients").equals("pertuzumab+trastuzumab")));
        CliRun all = CliRun.of(TestPaths.home(), Map.of(), "export", "--output", tables.toString(), "--table", "cohort_attrition");
        assertEquals(40, parse(all.out()).size(), "ten steps of each of the four studies");
    }

    @Test
    void badRequestsFailWithOneLine() {
        Path tables = IngestedExtracts.handWithCohorts();
        CliRun none = CliRun.of(TestPaths.home(), Map.of(), "export", "--output", tables.toString(), "--table", "km_curve");
        assertEquals(ExitCode.FAILED, none.exitCode());
        assertEquals("error: no published table km_curve under " + tables, none.err().strip());
        CliRun xlsx = CliRun.of(TestPaths.home(), Map.of(), "export", "--output", tables.toString(), "--table", "cohort",
                "--format", "xlsx");
        assertEquals(ExitCode.USAGE, xlsx.exitCode());
        assertEquals("error: --format: only csv is supported, got 'xlsx'", xlsx.err().strip());
    }
}
