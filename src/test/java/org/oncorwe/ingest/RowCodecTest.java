package org.oncorwe.ingest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.ingest.contract.Column;
import org.oncorwe.ingest.contract.ColumnType;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.Finding;
import org.oncorwe.ingest.contract.Reject;
import org.oncorwe.ingest.contract.RejectReason;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.ingest.contract.RowResult;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.ingest.rules.RowOutcome;
import org.oncorwe.ingest.rules.RulesOverExtract;
import org.oncorwe.ingest.rules.SourcedRow;
import org.oncorwe.testing.TestPaths;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RowCodec} gives back exactly what it was given: every record of the bundled sample after the
 * per-row steps (values by equals, so a BigDecimal keeps its scale; the rules' values all have a tag), and
 * hand-made rows with every value tag, text past writeUTF's 65 535 bytes and a table not of the contract.
 */
@Tag("unit")
class RowCodecTest {

    static final Path SAMPLE = TestPaths.home().resolve("sample-data/smc-like/2020-10-31");
    static final LocalDate EXTRACT_DATE = LocalDate.of(2020, 10, 31);

    @Test
    void everySampleRowComesBackEqualAndSmallerThanJavaSerialization() {
        List<SourcedRow> sourced = RulesOverExtract.sourced(SAMPLE, EXTRACT_DATE);
        long codec = 0;
        long java = 0;
        for (SourcedRow row : sourced) {
            if (row.result() != null) {
                row.result().values().values().forEach(v -> assertTrue(RowCodec.tagged(v), () -> "untagged " + v.getClass()));
            }
            byte[] bytes = RowCodec.encode(row);
            SourcedRow back = RowCodec.decodeSourcedRow(bytes);
            assertEquals(row, back);
            assertSame(row.table(), back.table());
            codec += bytes.length;
            java += javaBytes(row);
        }
        assertTrue(sourced.size() > 90_000, "sample rows: " + sourced.size());
        assertTrue(codec * 3 < java, "codec " + codec + " bytes against Java serialization " + java);

        List<RowOutcome> outcomes = RulesOverExtract.run(SAMPLE, EXTRACT_DATE).rows();
        long accepted = 0;
        for (RowOutcome o : outcomes) {
            o.values().values().forEach(v -> assertTrue(RowCodec.tagged(v), () -> "untagged " + v.getClass()));
            accepted += o.accepted() ? 1 : 0;
        }
        assertEquals(sourced.size(), outcomes.size());
        assertTrue(accepted > 90_000);
    }

    @Test
    void everyTagEdgeAndFallbackComesBack() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "é 한국어 \u0000 \u001f");
        values.put("long_text", "x".repeat(70_000) + "한");
        values.put("missing", null);
        values.put("flag", Boolean.FALSE);
        values.put("grade", 4);
        values.put("count", Long.MIN_VALUE);
        values.put("real", -0.0);
        values.put("exact", new BigDecimal("1.2300"));
        values.put("negative_scale", new BigDecimal("1E+3"));
        values.put("huge", new BigDecimal("-123456789012345678901234567890.123456789"));
        values.put("date", LocalDate.of(1899, Month.DECEMBER, 31));
        values.put("at", LocalDateTime.of(2020, 2, 29, 23, 59, 59, 999_999_999));
        values.put("ingredients", List.of("paclitaxel", "trastuzumab"));
        values.put("status", RowOutcome.Status.COLLAPSED);
        values.put("fallback", new Fallback(7)); // no tag: Java serialization inside the codec
        assertTrue(!RowCodec.tagged(values.get("fallback")));
        List<RowFinding> findings = List.of(new RowFinding(Finding.UNMAPPED_DRUG, "drug_name", "Herceptin?"),
                new RowFinding(Finding.DATE_IMPUTED, "start_date", null));

        SourcedRow validated = new SourcedRow(ExtractContract.TABLES.get(6), "lab_result/part-00001.csv", 123_456_789_012L,
                "P-2", null, new RowResult(123_456_789_012L, values, null, findings), "ab".repeat(32));
        SourcedRow back = RowCodec.decodeSourcedRow(RowCodec.encode(validated));
        assertEquals(validated, back);
        assertEquals(new BigDecimal("1.2300"), back.result().values().get("exact")); // scale kept: equals is scale-sensitive
        assertEquals(List.copyOf(values.keySet()), List.copyOf(back.result().values().keySet()));

        Reject reject = new Reject(RejectReason.FIELD_TOO_LONG, "comment", "comment is longer than 4000 characters");
        SourcedRow rejected = new SourcedRow(ExtractContract.TABLES.get(0), "patient.csv", 2, "P-1", null,
                RowResult.rejected(2, reject), null);
        assertEquals(rejected, RowCodec.decodeSourcedRow(RowCodec.encode(rejected)));

        TableContract other = new TableContract("not_in_contract", false,
                List.of(Column.required("patient_id", ColumnType.STRING)));
        SourcedRow early = new SourcedRow(other, "x.csv", 3, null, reject, null, null);
        SourcedRow earlyBack = RowCodec.decodeSourcedRow(RowCodec.encode(early));
        assertEquals(early, earlyBack);
        assertNotSame(other, earlyBack.table());


        FileStats stats = new FileStats("lab_result/part-00000.csv", 42, null, 1);
        assertEquals(stats, RowCodec.decodeFileStats(RowCodec.encode(stats)));
    }

    record Fallback(int n) implements Serializable {
    }

    private static long javaBytes(Serializable o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.size();
    }
}
