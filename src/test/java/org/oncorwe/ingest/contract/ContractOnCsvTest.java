package org.oncorwe.ingest.contract;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How ingest glues the pieces: a CSV file's header bound, each record validated with its line number. */
@Tag("unit")
class ContractOnCsvTest {

    @Test
    void adverseEventFileEndToEnd() throws IOException {
        String csv = "\uFEFFPatient_ID, Term ,GRADE,onset_date,ctcae_version,ward\n"
                + "P1,구역,2,2019-04-01,,5W\n"
                + "P2,\"Nausea,\nsevere\",3,2019-04-02,5.0,5W\n"
                + "P3,Nausea,4,2019-04-03,NULL,5W\n"
                + ",Diarrhea,2,2019-04-04,,5W\n"
                + "P5,Feeling unwell,2,20190405,4.03,5W\n";
        List<RowResult> results = new ArrayList<>();
        HeaderBinding binding;
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            List<CSVRecord> records = parser.getRecords();
            binding = HeaderBinding.bind(ExtractContract.ADVERSE_EVENT, records.get(0).toList());
            RowValidator v = new RowValidator(ExtractContract.ADVERSE_EVENT, RowValidatorTest.DEFAULTS, RowValidatorTest.DICTIONARIES);
            long line = 2;
            for (CSVRecord r : records.subList(1, records.size())) {
                results.add(v.validate(binding.row(r.toList()), line));
                line += r.toList().stream().mapToLong(f -> f.chars().filter(c -> c == '\n').count()).sum() + 1;
            }
        }
        assertTrue(binding.missingRequired().isEmpty());
        assertEquals(List.of("ward"), binding.unknown());
        assertEquals("Nausea", results.get(0).get(Derived.CTCAE_TERM));
        assertTrue(results.get(0).accepted());
        assertEquals(3, results.get(1).lineNumber());
        assertNull(results.get(1).get(Derived.CTCAE_TERM), "a quoted newline is text, not a synonym");
        assertEquals(5, results.get(2).lineNumber());
        assertEquals(RejectReason.INVALID_GRADE_FOR_TERM, results.get(2).reject().reason());
        assertEquals(RejectReason.MISSING_REQUIRED, results.get(3).reject().reason());
        assertEquals("patient_id", results.get(3).reject().column());
        assertEquals(Finding.UNMAPPED_AE_TERM, results.get(4).findings().get(0).finding());
        assertEquals("4.03", results.get(4).get("ctcae_version"));
    }
}
