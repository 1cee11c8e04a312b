package org.oncorwe.ingest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-extract checks: layout, headers, manifest counts and checksums, encoding. */
@Tag("unit")
class ExtractLayoutTest {

    static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like/2020-10-31");
    static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand/2020-10-31");

    static Map<String, FileStats> scanAll(ExtractLayout layout) {
        Map<String, FileStats> stats = new TreeMap<>();
        for (ExtractLayout.TableFile f : layout.allFiles()) {
            stats.put(f.path(), FileScanner.scan(layout.extract(), f.path(), layout.charset(), 100, 32768, r -> { }));
        }
        return stats;
    }

    private static ExtractLayout inspect(Path extract) {
        return ExtractLayout.inspect(extract, Optional.empty(), 100, 32768);
    }

    private static String failure(Path extract) {
        return assertThrows(PipelineFailure.class, () -> {
            ExtractLayout layout = inspect(extract);
            ExtractIntegrity.check(layout, scanAll(layout), 0.01);
        }).getMessage();
    }

    /** A copy of the sample's small tables (no parts), manifest rewritten to match, to damage one way. */
    private static Path smallExtract() throws IOException {
        Path dir = Files.createDirectories(TestPaths.emptyHome("layout").resolve("2020-10-31"));
        for (String f : List.of("patient.csv", "tumor_event.csv", "pathology.csv", "tumor_assessment.csv")) {
            Files.copy(SAMPLE.resolve(f), dir.resolve(f));
        }
        Files.createDirectories(dir.resolve("drug_administration"));
        Files.writeString(dir.resolve("drug_administration/part-00000.csv"),
                "patient_id,admin_date,drug_name\n" + firstPatient() + ",2020-01-01,Taxol\n");
        return dir;
    }

    private static String firstPatient() throws IOException {
        return Files.readAllLines(SAMPLE.resolve("patient.csv")).get(1).split(",")[0];
    }

    @Test
    void theSampleAndTheHandFixturePassWithTheirManifests() {
        for (Path extract : List.of(SAMPLE, HAND)) {
            ExtractLayout layout = inspect(extract);
            assertEquals(LocalDate.of(2020, 10, 31), layout.extractDate());
            assertEquals(StandardCharsets.UTF_8, layout.charset());
            assertTrue(layout.synthetic());
            Map<String, FileStats> stats = scanAll(layout);
            // the hand fixture's lab_result.csv has 1 undecodable record in 39: over 1 %, so it runs at 5 % (decision 75)
            ExtractIntegrity.check(layout, stats, extract == HAND ? 0.05 : 0.01);
            layout.manifest().forEach((file, entry) -> assertEquals(entry.rows(), stats.get(file).records(), file));
        }
        ExtractLayout hand = inspect(HAND);
        assertEquals("lab_result.csv: 1 of 39 records cannot be decoded as UTF-8 (more than 1.0 %): wrong encoding or damaged file",
                assertThrows(PipelineFailure.class, () -> ExtractIntegrity.check(hand, scanAll(hand), 0.01)).getMessage());
        ExtractLayout sample = inspect(SAMPLE);
        assertEquals(9, sample.files().size());
        assertEquals("lab_result/part-00000.csv", sample.files().get("lab_result").get(0).path());
    }

    @Test
    void missingRequiredFileOrColumnFailsNamingIt() throws IOException {
        Path noEvents = smallExtract();
        Files.delete(noEvents.resolve("tumor_event.csv"));
        assertTrue(failure(noEvents).startsWith("required file tumor_event.csv is missing or empty"), failure(noEvents));

        Path noColumn = smallExtract();
        List<String> lines = Files.readAllLines(noColumn.resolve("pathology.csv"));
        Files.write(noColumn.resolve("pathology.csv"), List.of(lines.get(0).replace("report_date", "reported")));
        assertEquals("pathology.csv has no column report_date", failure(noColumn));
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        Path emptyRequired = smallExtract();
        Files.write(emptyRequired.resolve("pathology.csv"), new byte[0]);
        assertEquals("required file pathology.csv is empty (no header)", failure(emptyRequired));

        Path noPatients = smallExtract();
        Files.writeString(noPatients.resolve("patient.csv"), Files.readAllLines(SAMPLE.resolve("patient.csv")).get(0) + "\n");
        assertEquals("patient.csv has a header but no patients", failure(noPatients));

        Path emptyOptional = smallExtract();
        Files.write(emptyOptional.resolve("surgery.csv"), new byte[0]);
        Files.writeString(emptyOptional.resolve("adverse_event.csv"), "patient_id,onset_date,term\n");
        ExtractLayout layout = inspect(emptyOptional);
        assertTrue(!layout.files().containsKey("surgery"), "an empty optional file is an absent table");
        assertEquals(1, layout.files().get("adverse_event").size(), "header-only is a valid table of 0 rows");
    }

    @Test
    void manifestCountAndChecksumProtectAgainstTruncation() throws IOException {
        Path truncated = smallExtract();
        writeManifest(truncated);
        List<String> lines = Files.readAllLines(truncated.resolve("tumor_event.csv"));
        Files.write(truncated.resolve("tumor_event.csv"), lines.subList(0, lines.size() - 1));
        assertTrue(failure(truncated).matches("tumor_event.csv has \\d+ records but extract_manifest.json says \\d+: .*"),
                failure(truncated));

        Path altered = smallExtract();
        writeManifest(altered);
        String text = Files.readString(altered.resolve("pathology.csv"));
        Files.writeString(altered.resolve("pathology.csv"), text.replaceFirst("PRIMARY", "primary"));
        assertEquals("pathology.csv: sha256 differs from extract_manifest.json: incomplete or altered extract", failure(altered));

        Path listedMissing = smallExtract();
        writeManifest(listedMissing);
        Files.move(listedMissing.resolve("tumor_assessment.csv"), listedMissing.getParent().resolve("moved.csv"));
        assertTrue(failure(listedMissing).contains("required file tumor_assessment.csv is missing"));
    }

    @Test
    void tooManyUndecodableRowsFailTheFile() throws IOException {
        Path bad = smallExtract();
        StringBuilder rows = new StringBuilder("patient_id,admin_date,drug_name\n");
        for (int i = 0; i < 50; i++) {
            rows.append("P").append(i).append(",2020-01-01,Taxol\n");
        }
        byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBad = new byte[good.length + 4];
        System.arraycopy(good, 0, withBad, 0, good.length);
        withBad[good.length] = 'X';
        withBad[good.length + 1] = ',';
        withBad[good.length + 2] = (byte) 0xFF;
        withBad[good.length + 3] = '\n';
        Files.write(bad.resolve("drug_administration/part-00000.csv"), withBad);
        assertEquals("drug_administration/part-00000.csv: 1 of 51 records cannot be decoded as UTF-8 (more than 1.0 %): "
                + "wrong encoding or damaged file", failure(bad));
    }

    @Test
    void aTableIsAFileOrAFolderNotBoth() throws IOException {
        Path both = smallExtract();
        Files.createDirectories(both.resolve("patient"));
        assertEquals("table patient is both patient.csv and a folder patient/", failure(both));
    }

    @Test
    void cp949WhenTheManifestSaysSo() throws IOException {
        Path korean = smallExtract();
        Charset cp949 = Charset.forName("x-windows-949");
        Files.write(korean.resolve("adverse_event.csv"), ("patient_id,onset_date,term\n" + firstPatient() + ",2020-01-02,설사\n")
                .getBytes(cp949));
        Files.writeString(korean.resolve("extract_manifest.json"), "{\"encoding\": \"CP949\", \"extract_date\": \"2020-10-31\"}");
        ExtractLayout layout = inspect(korean);
        assertEquals(cp949, layout.charset());
        List<RawRecord> records = new java.util.ArrayList<>();
        FileScanner.scan(korean, "adverse_event.csv", layout.charset(), 100, 32768, records::add);
        assertEquals("설사", records.get(0).values().get(2));
        assertEquals("extract_manifest.json declares an unknown encoding 'KLINGON'",
                assertThrows(PipelineFailure.class, () -> ExtractLayout.charset("KLINGON")).getMessage());
    }

    private static void writeManifest(Path extract) throws IOException {
        StringBuilder files = new StringBuilder();
        try (Stream<Path> s = Files.walk(extract)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String rel = extract.relativize(f).toString();
                FileStats st = FileScanner.scan(extract, rel, StandardCharsets.UTF_8, 100, 32768, r -> { });
                files.append(files.length() == 0 ? "" : ",").append('"').append(rel).append("\": {\"rows\": ")
                        .append(st.records()).append(", \"sha256\": \"").append(st.sha256()).append("\"}");
            }
        }
        Files.writeString(extract.resolve("extract_manifest.json"), "{\"source\": \"oncorwe-synthetic\", "
                + "\"extract_date\": \"2020-10-31\", \"files\": {" + files + "}}");
    }
}
