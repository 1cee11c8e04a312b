package org.oncorwe.synth;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.RawRecord;
import org.oncorwe.ingest.RawRecordReader;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.HeaderBinding;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.ingest.contract.RowResult;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.dictionary.DrugMapping;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row the generator writes passes the per-row contract validator with the dictionaries
 * of conf/: undamaged rows are accepted with no finding at all, and each planted defect gets
 * exactly the reject or finding its truth states (the cross-row outcomes — collapsed copies,
 * unknown and rejected patients — are ingest's, so those rows need only be readable).
 */
@Tag("unit")
class GeneratedExtractPassesContractTest {

    static final Dictionaries DICTIONARIES = Dictionaries.load(TestPaths.home().resolve("conf/dictionaries"));
    static final Set<String> ROW_REJECTS = Set.of("NON_NUMERIC_VALUE", "INVALID_DATE", "INVALID_GRADE_FOR_TERM");
    static final Set<String> ROW_FINDINGS = Set.of("UNMAPPED_DRUG", "DATE_IMPUTED", "UNMAPPED_AE_TERM", "CODE_NAME_DISAGREE");
    static final Set<String> CROSS_ROW = Set.of("COLLAPSED", "UNKNOWN_PATIENT", "PATIENT_REJECTED", "DUPLICATE_CONFLICT",
            "DERIVED_ANC");

    @Test
    void theCommittedSamplePasses() throws IOException {
        assertPasses(TestPaths.home().resolve("sample-data/smc-like"));
    }

    @Test
    void aHeavilyDamagedRunPasses() throws IOException {
        Path out = TestPaths.emptyHome("validated");
        SyntheticRegistry.generate(SyntheticRegistryTest.settings(400, 50_000), out);
        assertPasses(out);
    }

    private static void assertPasses(Path root) throws IOException {
        Path extract = root.resolve("2020-10-31");
        Map<String, String> damage = new HashMap<>();
        for (CSVRecord d : SyntheticRegistryTest.read(root.resolve("truth/2020-10-31/damage.csv"))) {
            damage.put(d.get("file") + ":" + d.get("line_number"), d.get("expected"));
        }
        RowValidator.Settings settings = RowValidator.Settings.defaults(LocalDate.of(2020, 10, 31));
        List<String> problems = new ArrayList<>();
        int checkedDamage = 0;
        long rows = 0;
        for (TableContract table : ExtractContract.TABLES) {
            RowValidator validator = new RowValidator(table, settings, DICTIONARIES);
            for (Path file : files(extract, table.name())) {
                String rel = extract.relativize(file).toString().replace('\\', '/');
                try (RawRecordReader reader = new RawRecordReader(Files.newInputStream(file), StandardCharsets.UTF_8, 100, 32768)) {
                    HeaderBinding binding = HeaderBinding.bind(table, reader.header());
                    assertEquals(List.of(), binding.missingRequired(), rel);
                    assertEquals(List.of(), binding.unknown(), rel);
                    while (reader.hasNext()) {
                        RawRecord raw = reader.next();
                        rows++;
                        RowResult r = validator.validate(binding.row(raw.values()), raw.lineNumber());
                        String expected = damage.get(rel + ":" + raw.lineNumber());
                        String at = rel + ":" + raw.lineNumber() + " ";
                        if (expected == null) {
                            if (!r.accepted() || !r.findings().isEmpty()) {
                                problems.add(at + (r.accepted() ? r.findings() : r.reject()));
                            }
                        } else if (ROW_REJECTS.contains(expected)) {
                            checkedDamage++;
                            if (r.accepted() || !r.reject().reason().name().equals(expected)) {
                                problems.add(at + "expected " + expected + ", got " + (r.accepted() ? "accepted" : r.reject()));
                            }
                        } else if (ROW_FINDINGS.contains(expected)) {
                            checkedDamage++;
                            if (!r.accepted() || r.findings().stream().map(RowFinding::finding).noneMatch(f -> f.name().equals(expected))) {
                                problems.add(at + "expected finding " + expected + ", got " + (r.accepted() ? r.findings() : r.reject()));
                            }
                        } else if (!CROSS_ROW.contains(expected)) {
                            problems.add(at + "unknown expectation " + expected);
                        } else if (!expected.equals("PATIENT_REJECTED") && !r.accepted()) {
                            problems.add(at + expected + " row must be readable, got " + r.reject());
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first: " + problems.subList(0, Math.min(10, problems.size())));
        assertTrue(rows > 10_000 && checkedDamage > 5, rows + " rows, " + checkedDamage + " planted per-row defects");
    }

    private static List<Path> files(Path extract, String table) throws IOException {
        Path single = extract.resolve(table + ".csv");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        try (Stream<Path> parts = Files.list(extract.resolve(table))) {
            return parts.sorted().toList();
        }
    }

    @Test
    void everyDrugTheGeneratorNamesMapsToItsIngredient() throws IllegalAccessException {
        Map<String, String> expected = new HashMap<>();
        for (Field f : Vocabulary.class.getDeclaredFields()) {
            Object v = f.get(null);
            String ingredient = switch (f.getName()) {
                case "DOCETAXEL", "DISAGREEING" -> "docetaxel";
                case "PACLITAXEL" -> "paclitaxel";
                case "TRASTUZUMAB_IV", "TRASTUZUMAB_BIOSIMILAR", "TRASTUZUMAB_SC" -> "trastuzumab";
                case "PERTUZUMAB" -> "pertuzumab";
                case "TDM1" -> "trastuzumab emtansine";
                case "UNKNOWN_DRUGS" -> "UNKNOWN";
                case "CAPECITABINE_KO" -> "capecitabine";
                case "ZOLEDRONIC_ACID" -> "zoledronic acid";
                default -> f.getName().toLowerCase(java.util.Locale.ROOT);
            };
            if (v instanceof Vocabulary.Drug d) {
                expected.put(d.code() + "|" + d.name(), ingredient);
            } else if (v instanceof Vocabulary.Drug[] ds) {
                for (Vocabulary.Drug d : ds) {
                    expected.put(d.code() + "|" + d.name(), ingredient);
                }
            }
        }
        assertTrue(expected.size() > 40);
        expected.forEach((key, ingredient) -> {
            String[] parts = key.split("\\|", 2);
            DrugMapping m = DICTIONARIES.drugs().map("null".equals(parts[0]) ? null : parts[0], parts[1]);
            assertEquals(List.of(ingredient), m.ingredients(), key);
        });
    }
}
