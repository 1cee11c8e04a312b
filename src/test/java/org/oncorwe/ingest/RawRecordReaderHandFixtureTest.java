package org.oncorwe.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reader against the hand-checked fixture: exactly the file-level rejects computed by
 * hand (MALFORMED_ROW, INVALID_ENCODING, FIELD_TOO_LONG), at their lines, and nothing else.
 */
@Tag("unit")
class RawRecordReaderHandFixtureTest {

    static final Path HAND = TestPaths.home().resolve("src/test/resources/fixtures/hand");
    static final Set<String> FILE_LEVEL = Set.of("MALFORMED_ROW", "INVALID_ENCODING", "FIELD_TOO_LONG");

    @Test
    void fileLevelDefectsAreExactlyTheHandComputedOnes() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(HAND.resolve("expected/expected_rejects.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .build().parse(r)) {
                if (FILE_LEVEL.contains(rec.get("reason"))) {
                    expected.put(rec.get("table") + ":" + rec.get("line_number"), rec.get("reason"));
                }
            }
        }
        Map<String, String> found = new TreeMap<>();
        try (var files = Files.list(HAND.resolve("2020-10-31"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String table = f.getFileName().toString().replace(".csv", "");
                try (RawRecordReader reader = new RawRecordReader(Files.newInputStream(f), StandardCharsets.UTF_8, 100, 32768)) {
                    reader.forEachRemaining(rec -> {
                        if (rec.defect() != null) {
                            found.put(table + ":" + rec.lineNumber(), rec.defect().name());
                        }
                    });
                }
            }
        }
        assertEquals(expected, found);
    }
}
