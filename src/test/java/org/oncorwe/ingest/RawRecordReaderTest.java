package org.oncorwe.ingest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file-format rules of registry-extract.md, one hand-written file each. */
@Tag("unit")
class RawRecordReaderTest {

    private static List<RawRecord> read(byte[] bytes, Charset charset, int maxLines, int maxField) {
        RawRecordReader reader = new RawRecordReader(new ByteArrayInputStream(bytes), charset, maxLines, maxField);
        List<RawRecord> out = new ArrayList<>();
        reader.forEachRemaining(out::add);
        return out;
    }

    private static List<RawRecord> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 100, 32768);
    }

    private static String summary(List<RawRecord> records) {
        StringBuilder sb = new StringBuilder();
        for (RawRecord r : records) {
            sb.append(r.lineNumber()).append(':').append(r.defect() == null ? String.join("|", r.values()) : r.defect())
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void quotedCommasQuotesAndNewlinesAndLineNumbers() {
        List<RawRecord> r = read("patient_id,procedure_name\r\nP1,\"Mastectomy, left\"\r\nP2,\"a \"\"b\"\"\nsecond line\"\r\nP3,x\r\n");
        assertEquals("2:P1|Mastectomy, left\n3:P2|a \"b\"\nsecond line\n5:P3|x\n", summary(r));
    }

    @Test
    void bomIsStrippedAndHeaderTrimmed() {
        RawRecordReader reader = new RawRecordReader(new ByteArrayInputStream(
                "\uFEFF Patient_ID , sex\nP1,F\n".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, 100, 32768);
        assertEquals(List.of("Patient_ID", "sex"), reader.header());
    }

    @Test
    void emptyAndHeaderOnlyFiles() {
        RawRecordReader empty = new RawRecordReader(new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8, 100, 10);
        assertTrue(empty.isEmptyFile());
        assertTrue(!empty.hasNext());
        assertEquals("", summary(read("patient_id,sex\n")));
        assertEquals("", summary(read("patient_id,sex")));
    }

    @Test
    void blankLinesAreNotRecordsButCountAsLines() {
        assertEquals("2:P1|F\n4:P2|M\n", summary(read("patient_id,sex\nP1,F\n\nP2,M")));
    }

    @Test
    void wrongFieldCountIsMalformed() {
        List<RawRecord> r = read("a,b\n1,2,3\n1\n1,2\n");
        assertEquals("2:MALFORMED_ROW\n3:MALFORMED_ROW\n4:1|2\n", summary(r));
        assertEquals("expected 2 fields, found 3", r.get(0).detail());
    }

    @Test
    void quoteOpenAtEndOfFileMakesTheFirstLineMalformedAndReadingRestarts() {
        List<RawRecord> r = read("a,b\n1,\"open\n2,x\n3,y\n");
        assertEquals("2:MALFORMED_ROW\n3:2|x\n4:3|y\n", summary(r));
        assertEquals("quoted field still open at end of file", r.get(0).detail());
    }

    @Test
    void quoteOpenPastTheLineLimitRestartsOnTheNextLine() {
        StringBuilder sb = new StringBuilder("a,b\n1,\"never closed\n");
        for (int i = 0; i < 5; i++) {
            sb.append(i).append(",v\n");
        }
        List<RawRecord> r = read(sb.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 3, 100);
        assertEquals("2:MALFORMED_ROW\n3:0|v\n4:1|v\n5:2|v\n6:3|v\n7:4|v\n", summary(r));
        assertEquals("quoted field still open after 3 lines", r.get(0).detail());
    }

    @Test
    void undecodableBytesRejectOnlyTheirRecord() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("a,b\n1,ok\n2,".getBytes(StandardCharsets.UTF_8));
        b.write(0xC3); // a lone UTF-8 lead byte
        b.writeBytes("\n3,설사\n".getBytes(StandardCharsets.UTF_8));
        List<RawRecord> r = read(b.toByteArray(), StandardCharsets.UTF_8, 100, 100);
        assertEquals("2:1|ok\n3:INVALID_ENCODING\n4:3|설사\n", summary(r));
        assertEquals("bytes not decodable as UTF-8 on line 3", r.get(1).detail());
    }

    @Test
    void controlCharactersOtherThanTabAreInvalidEncoding() {
        List<RawRecord> r = read("a,b\n1,x\u0000y\n2,x\ty\n3,\"x\u0007\"\n");
        assertEquals("2:INVALID_ENCODING\n3:2|x\ty\n4:INVALID_ENCODING\n", summary(r));
        assertEquals("control character U+0000 at character 4 of the record", r.get(0).detail());
    }

    @Test
    void fieldTooLongNamesItsPositionNotItsValue() {
        List<RawRecord> r = read("a,b\n1,abcdef\n2,abc\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 100, 5);
        assertEquals("2:FIELD_TOO_LONG\n3:2|abc\n", summary(r));
        assertEquals("field 2 has 6 characters (limit 5)", r.get(0).detail());
        assertTrue(!r.get(0).detail().contains("abcdef"));
    }

    @Test
    void cp949IsDecodedWhenDeclared() {
        Charset cp949 = Charset.forName("x-windows-949");
        List<RawRecord> r = read("term,grade\n설사,2\n구역,1\n".getBytes(cp949), cp949, 100, 100);
        assertEquals("2:설사|2\n3:구역|1\n", summary(r));
        List<RawRecord> asUtf8 = read("term,grade\n설사,2\n".getBytes(cp949), StandardCharsets.UTF_8, 100, 100);
        assertEquals(RawRecord.Defect.INVALID_ENCODING, asUtf8.get(0).defect());
    }

    @Test
    void unreadableHeaderFailsTheFile() {
        assertThrows(IllegalArgumentException.class, () -> read("a,\"b\n"));
        assertNull(RawRecord.of(2, List.of("x")).defect());
    }

    /**
     * Records without quotes are split on commas by the reader itself (no CSVParser per record): on
     * random lines of commas, spaces, tabs, empty fields, Hangul and ASCII, what it reads equals what
     * Commons CSV's RFC 4180 parser gives for the same text; lines longer than one 64 KiB block and
     * blocks that end inside a line or on a CR before its LF are read whole.
     */
    @Test
    void unquotedRecordsAreSplitAsCommonsCsvSplitsThem() throws Exception {
        java.util.Random random = new java.util.Random(20201031);
        String alphabet = "ab  \t1-.:/환자Z";
        int fields = 6;
        StringBuilder file = new StringBuilder("h1,h2,h3,h4,h5,h6\r\n");
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            List<String> values = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                int length = n % 500 == 7 && f == 2 ? 70_000 : random.nextInt(4) == 0 ? 0 : random.nextInt(12);
                StringBuilder v = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    v.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(v.toString());
            }
            String line = String.join(",", values);
            lines.add(line);
            file.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        List<RawRecord> read = read(file.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 100, 100_000);
        assertEquals(lines.size(), read.size());
        org.apache.commons.csv.CSVFormat rfc = org.apache.commons.csv.CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();
        for (int n = 0; n < lines.size(); n++) {
            List<String> expected;
            try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(lines.get(n), rfc)) {
                expected = parser.getRecords().get(0).toList();
            }
            RawRecord r = read.get(n);
            assertNull(r.defect(), "line " + (n + 2));
            assertEquals(fields, expected.size());
            assertEquals(expected, r.values(), "line " + (n + 2));
            assertEquals(n + 2, r.lineNumber());
        }
    }
}
