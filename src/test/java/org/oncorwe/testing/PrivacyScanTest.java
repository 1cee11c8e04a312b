package org.oncorwe.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scan finds what it looks for (else its zero hits would prove nothing), in raw bytes and printed text. */
@Tag("unit")
class PrivacyScanTest {

    @Test
    void findsEveryKindOfIdentifierAndTheKeyAndNothingElse() throws Exception {
        Path extract = TestPaths.emptyHome("privacy-scan");
        Files.writeString(extract.resolve("patient.csv"), "\uFEFFPatient_ID,patient_name,resident_no,birth_date\n"
                + "P-000001,김민수,800101-2345678,1980-01-01\nF-1,NA,NA,1990-01-01\nP-000009,xxxxxxxxxx,NA,1990-01-01\n\"P-000002\",\"Lee, Jina\",NA,1970-01-01\n", StandardCharsets.UTF_8);
        Files.createDirectories(extract.resolve("lab_result"));
        // a broken quote: the reader gives up, the comma split still finds P-999999
        Files.writeString(extract.resolve("lab_result/part-00000.csv"), "patient_id,value\nP-000003,\"1\nP-999999,1\n",
                StandardCharsets.UTF_8);
        PrivacyScan scan = PrivacyScan.of(extract, "the-secret-key");
        // P-000001, P-000002, P-000003, P-000009, P-999999; 김민수, "Lee, Jina"; 800101-2345678 (NA, F-1: under 8 bytes; xxxxxxxxxx: one character)
        assertEquals(Map.of("patient_id", 5L, "patient_name", 2L, "resident_no", 1L, "pseudonym key", 1L), scan.needleKinds());

        Path out = Files.createDirectories(extract.resolve("out"));
        Files.write(out.resolve("a.bin"), ("xx김민수yy P-999999 " + "the-secret-key").getBytes(StandardCharsets.UTF_8));
        Files.write(out.resolve("b.txt"), "P-00000 P-0000011 800101-234567".getBytes(StandardCharsets.UTF_8));
        scan.files("out", out).text("stderr", "Lee, Jina said hello; P-000002");
        assertEquals(Map.of("out: patient_id", 2L, "out: patient_name", 1L, "out: pseudonym key", 1L, "stderr: patient_id", 1L,
                "stderr: patient_name", 1L), scan.hits(), "P-0000011 holds P-000001; a shorter prefix is not a hit");
        assertEquals(3, scan.filesScanned());
    }
}
