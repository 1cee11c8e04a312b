package org.oncorwe.synth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.runtime.FileInventory;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's files: reproducible to the byte, laid out and counted as the contract says. */
@Tag("unit")
class SyntheticRegistryTest {

    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);
    private static Path first;
    private static Path second;

    static GeneratorSettings settings(int patients, int rowsPerPart) {
        DamageRates heavy = new DamageRates(0.3, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.01, 0.1, 0.1, 0.2, 0.5, 0.2, 0.2, 0.2);
        return new GeneratorSettings(patients, 7L, EXTRACT, Profile.SMC, heavy, rowsPerPart);
    }

    @BeforeAll
    static void generateTwice() {
        first = SyntheticRegistry.generate(settings(300, 5000), TestPaths.emptyHome("gen-a")).extractDir().getParent();
        second = SyntheticRegistry.generate(settings(300, 5000), TestPaths.emptyHome("gen-b")).extractDir().getParent();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        List<Path> a = files(first);
        assertEquals(a, files(second));
        assertTrue(a.size() >= 14, a.toString());
        for (Path f : a) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f.toString());
        }
    }

    @Test
    void allNineTablesLargeOnesInParts() {
        Path extract = first.resolve("2020-10-31");
        for (String single : List.of("patient.csv", "tumor_event.csv", "pathology.csv", "surgery.csv",
                "tumor_assessment.csv", "adverse_event.csv", "extract_manifest.json")) {
            assertTrue(Files.isRegularFile(extract.resolve(single)), single);
        }
        for (String parts : List.of("drug_administration", "lab_result", "measurement")) {
            assertTrue(Files.isRegularFile(extract.resolve(parts).resolve("part-00000.csv")), parts);
        }
        assertTrue(Files.isRegularFile(extract.resolve("lab_result/part-00001.csv")), "5000 records per part");
        assertTrue(Files.isRegularFile(first.resolve("truth/2020-10-31/patients.csv")));
    }

    @Test
    void manifestCountsRecordsAndChecksumsRawBytes() throws IOException {
        Path extract = first.resolve("2020-10-31");
        Config manifest = ConfigFactory.parseFile(extract.resolve("extract_manifest.json").toFile(),
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        assertEquals("oncorwe-synthetic", manifest.getString("source"));
        assertEquals("2020-10-31", manifest.getString("extract_date"));
        Config files = manifest.getConfig("files");
        Set<String> listed = new HashSet<>();
        for (Map.Entry<String, com.typesafe.config.ConfigValue> e : manifest.getObject("files").entrySet()) {
            String file = e.getKey();
            listed.add(file);
            Config entry = ((com.typesafe.config.ConfigObject) e.getValue()).toConfig();
            assertEquals(FileInventory.sha256(extract.resolve(file)), entry.getString("sha256"), file);
            assertEquals(countRecords(extract.resolve(file)), entry.getLong("rows"), file);
        }
        try (Stream<Path> s = Files.walk(extract)) {
            List<String> csvs = s.filter(p -> p.toString().endsWith(".csv"))
                    .map(p -> extract.relativize(p).toString().replace('\\', '/')).toList();
            assertEquals(new HashSet<>(csvs), listed);
        }
        assertFalse(files.isEmpty());
    }

    @Test
    void everyFileReadsWithoutAFileLevelDefectAndAsManyRecordsAsTheManifestSays() throws IOException {
        Path extract = first.resolve("2020-10-31");
        Config files = ConfigFactory.parseFile(extract.resolve("extract_manifest.json").toFile(),
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)).getConfig("files");
        for (Map.Entry<String, com.typesafe.config.ConfigValue> e : files.root().entrySet()) {
            try (org.oncorwe.ingest.RawRecordReader reader = new org.oncorwe.ingest.RawRecordReader(
                    Files.newInputStream(extract.resolve(e.getKey())), StandardCharsets.UTF_8, 100, 32768)) {
                long n = 0;
                while (reader.hasNext()) {
                    org.oncorwe.ingest.RawRecord r = reader.next();
                    assertEquals(null, r.defect(), () -> e.getKey() + ":" + r.lineNumber() + " " + r.detail());
                    n++;
                }
                assertEquals(((com.typesafe.config.ConfigObject) e.getValue()).toConfig().getLong("rows"), n, e.getKey());
            }
        }
    }

    /** CSV records (not lines) after the header, as the contract counts them; BOM tolerated. */
    static long countRecords(Path file) throws IOException {
        return read(file).size();
    }

    @Test
    void damageIsRecordedAtTheLineWhereItStands() throws IOException {
        Path extract = first.resolve("2020-10-31");
        List<CSVRecord> damage = read(first.resolve("truth/2020-10-31/damage.csv"));
        assertTrue(damage.size() > 20, "heavy damage rates plant many defects");
        Set<String> kinds = new HashSet<>();
        for (CSVRecord d : damage) {
            kinds.add(d.get("kind"));
            List<String> lines = Files.readAllLines(extract.resolve(d.get("file")), StandardCharsets.UTF_8);
            String line = lines.get(Integer.parseInt(d.get("line_number")) - 1);
            assertTrue(line.startsWith(d.get("patient_id") + ",") || line.startsWith("\"" + d.get("patient_id")),
                    () -> d + " -> " + line);
        }
        assertTrue(kinds.containsAll(List.of("UNKNOWN_DRUG", "NON_NUMERIC_LAB", "IMPOSSIBLE_DATE", "INVALID_AE_GRADE",
                "IDENTICAL_DUPLICATE", "CONFLICTING_PATIENT", "UNKNOWN_PATIENT", "PARTIAL_DATE", "UNMAPPED_AE_TERM",
                "CODE_NAME_DISAGREE")), kinds.toString());
    }

    @Test
    void patientIdsAndPhiAreDistinctiveAndUnique() throws IOException {
        List<CSVRecord> patients = read(first.resolve("2020-10-31/patient.csv"));
        Set<String> names = new HashSet<>();
        for (CSVRecord p : patients) {
            assertTrue(p.get("patient_id").matches("SP\\d{8}-[A-Z2-7]{4}"), p.get("patient_id"));
            assertTrue(p.get("patient_name").matches("SYN-[A-Z2-7]{10}"));
            assertTrue(p.get("resident_no").matches("SYN-[A-Z2-7]{10}"));
            names.add(p.get("patient_name"));
        }
        assertTrue(names.size() >= 300, "one fake name per patient (conflicting copies repeat theirs)");
    }

    @Test
    void aPatientDoesNotDependOnHowManyOthersAreGenerated() {
        List<String> small = new ArrayList<>();
        SyntheticRegistry.stories(settings(40, 5000)).forEach(s -> small.add(s.patientId + s.indexDate + s.osDays));
        List<String> large = new ArrayList<>();
        SyntheticRegistry.stories(settings(80, 5000)).limit(40).forEach(s -> large.add(s.patientId + s.indexDate + s.osDays));
        assertEquals(small, large);
    }

    @Test
    void eachProfileHasItsOwnStreams() {
        PatientRandom smc = new PatientRandom(7, Profile.SMC, 3);
        PatientRandom smcAgain = new PatientRandom(7, Profile.SMC, 3);
        PatientRandom cleopatra = new PatientRandom(7, Profile.CLEOPATRA, 3);
        double a = smc.uniform();
        assertEquals(a, smcAgain.uniform());
        assertTrue(a != cleopatra.uniform());
    }

    static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (Reader r = new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            return p.getRecords();
        }
    }
}
