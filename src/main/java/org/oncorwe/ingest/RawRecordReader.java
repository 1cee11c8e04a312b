package org.oncorwe.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads one CSV file of an extract as the contract says (registry-extract.md, File format),
 * streaming its raw bytes: physical lines are split on LF (a CR before it dropped), decoded
 * strictly one by one, a UTF-8 BOM stripped; record boundaries follow RFC 4180 quoting, and
 * a record with a quote is parsed by Commons CSV, one without (nearly all) split on commas here,
 * which is what Commons CSV gives for it (decision 269). A record that cannot be read becomes a
 * {@link RawRecord} with its defect instead of failing the file:
 * <ul>
 *   <li>{@code INVALID_ENCODING}: an undecodable byte sequence, or a control character other
 *       than TAB, CR and LF (NUL included);</li>
 *   <li>{@code MALFORMED_ROW}: a quoted field still open at end of file or after
 *       {@code maxLinesPerRecord} physical lines (the record's first line is the defect and
 *       reading restarts on the next physical line), or the wrong number of fields;</li>
 *   <li>{@code FIELD_TOO_LONG}: a field longer than {@code maxFieldLength} characters.</li>
 * </ul>
 * {@code lineNumber} is the 1-based physical line where a record starts (header = line 1).
 * Blank lines are not records. Details name positions and counts, never a field's value.
 */
public final class RawRecordReader implements Iterator<RawRecord>, Closeable {

    private static final CSVFormat RECORD = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();
    private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "US-ASCII", "ISO-8859-1");

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    /** ASCII bytes decode to themselves (UTF-8, US-ASCII, ISO-8859-1): a line of them needs no decoder. */
    private final boolean asciiCompatible;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[512];
    private final int maxLinesPerRecord;
    private final int maxFieldLength;
    private final Deque<Line> pending = new ArrayDeque<>();
    private long nextLineNumber = 1;
    private boolean eof;
    private boolean atStart = true;
    private final List<String> header;
    private RawRecord next;

    /** One physical line: its number and decoded text, or null text when it would not decode. */
    private record Line(long number, String text) {
    }

    /**
     * Opens a file stream and reads its header. An empty (0-byte) stream has no header
     * ({@link #header()} is empty) and no records.
     */
    public RawRecordReader(InputStream in, Charset charset, int maxLinesPerRecord, int maxFieldLength) {
        this.in = in; // read in blocks of 64 KiB into this reader's own buffer, lines found by scanning it
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.asciiCompatible = ASCII_COMPATIBLE.contains(charset.name());
        this.maxLinesPerRecord = maxLinesPerRecord;
        this.maxFieldLength = maxFieldLength;
        this.header = readHeader();
    }

    /** The header's column names as written (trimmed); empty for an empty file. */
    public List<String> header() {
        return header;
    }

    /** True for a 0-byte (or blank) file: no header at all. */
    public boolean isEmptyFile() {
        return header.isEmpty();
    }

    private List<String> readHeader() {
        RawRecord first = assemble();
        if (first == null) {
            return List.of();
        }
        if (first.defect() != null) {
            throw new IllegalArgumentException("unreadable header (line " + first.lineNumber() + "): " + first.detail());
        }
        List<String> names = new ArrayList<>();
        for (String v : first.values()) {
            names.add(v.trim());
        }
        return List.copyOf(names);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !header.isEmpty()) {
            next = assemble();
            if (next != null && next.defect() == null && next.values().size() != header.size()) {
                next = RawRecord.defective(next.lineNumber(), RawRecord.Defect.MALFORMED_ROW,
                        "expected " + header.size() + " fields, found " + next.values().size());
            }
        }
        return next != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord r = next;
        next = null;
        return r;
    }

    /** The next record (skipping blank lines), or null at end of file. */
    private RawRecord assemble() {
        Line first;
        do {
            first = takeLine();
            if (first == null) {
                return null;
            }
        } while (first.text() != null && first.text().isBlank());
        List<Line> lines = new ArrayList<>();
        lines.add(first);
        boolean open = first.text() != null && oddQuotes(first.text());
        while (open) {
            if (lines.size() >= maxLinesPerRecord) {
                return restartAfter(first, lines, "quoted field still open after " + maxLinesPerRecord + " lines");
            }
            Line more = takeLine();
            if (more == null) {
                return restartAfter(first, lines, "quoted field still open at end of file");
            }
            lines.add(more);
            if (more.text() != null && oddQuotes(more.text())) {
                open = false;
            }
        }
        for (Line l : lines) {
            if (l.text() == null) {
                return RawRecord.defective(first.number(), RawRecord.Defect.INVALID_ENCODING,
                        "bytes not decodable as " + charset.name() + " on line " + l.number());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(lines.get(i).text());
        }
        return parse(first.number(), text.toString());
    }

    /** The first line is MALFORMED_ROW; the lines read after it are read again as new records. */
    private RawRecord restartAfter(Line first, List<Line> lines, String detail) {
        for (int i = lines.size() - 1; i >= 1; i--) {
            pending.addFirst(lines.get(i));
        }
        return RawRecord.defective(first.number(), RawRecord.Defect.MALFORMED_ROW, detail);
    }

    private RawRecord parse(long lineNumber, String text) {
        boolean plain = true; // no quote and no line break: the fields are the text between commas, as RFC 4180 reads them
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return RawRecord.defective(lineNumber, RawRecord.Defect.INVALID_ENCODING,
                        String.format(Locale.ROOT, "control character U+%04X at character %d of the record", (int) c, i + 1));
            }
            plain &= c != '"' && c != '\n' && c != '\r';
        }
        return plain ? split(lineNumber, text) : parseQuoted(lineNumber, text);
    }

    /** A record without quotes or line breaks: split on commas, empty fields kept (what Commons CSV gives for it). */
    private RawRecord split(long lineNumber, String text) {
        List<String> values = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            if (end - start > maxFieldLength) {
                return RawRecord.defective(lineNumber, RawRecord.Defect.FIELD_TOO_LONG,
                        "field " + (values.size() + 1) + " has " + (end - start) + " characters (limit " + maxFieldLength + ")");
            }
            values.add(text.substring(start, end));
            if (comma < 0) {
                return RawRecord.of(lineNumber, values);
            }
            start = comma + 1;
        }
    }

    private RawRecord parseQuoted(long lineNumber, String text) {
        List<String> values = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), RECORD)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                return RawRecord.defective(lineNumber, RawRecord.Defect.MALFORMED_ROW, "no fields");
            }
            CSVRecord record = it.next();
            if (it.hasNext()) {
                return RawRecord.defective(lineNumber, RawRecord.Defect.MALFORMED_ROW, "more than one record on the line");
            }
            for (int i = 0; i < record.size(); i++) {
                String v = record.get(i);
                if (v.length() > maxFieldLength) {
                    return RawRecord.defective(lineNumber, RawRecord.Defect.FIELD_TOO_LONG,
                            "field " + (i + 1) + " has " + v.length() + " characters (limit " + maxFieldLength + ")");
                }
                values.add(v);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return RawRecord.defective(lineNumber, RawRecord.Defect.MALFORMED_ROW, "unbalanced or misplaced quote");
        }
        return RawRecord.of(lineNumber, values);
    }

    private static boolean oddQuotes(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                n++;
            }
        }
        return n % 2 == 1;
    }

    /** The next physical line (from the re-read queue first), or null at end of file. */
    private Line takeLine() {
        if (!pending.isEmpty()) {
            return pending.pollFirst();
        }
        if (eof) {
            return null;
        }
        try {
            int length = 0;
            boolean any = false;
            boolean lineFeed = false;
            while (!lineFeed) {
                if (position == limit && !fill()) {
                    eof = true;
                    break;
                }
                any = true;
                int from = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                length = append(length, from, position);
                if (position < limit) {
                    position++; // the LF
                    lineFeed = true;
                }
            }
            if (!any) {
                return null;
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            int offset = 0;
            if (atStart && length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                offset = 3; // UTF-8 byte-order mark
            }
            atStart = false;
            return new Line(nextLineNumber++, decode(line, offset, length - offset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next block into the buffer; false at end of stream. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** Appends buffer[from, to) to the line at {@code length}; the line's new length. */
    private int append(int length, int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buffer, from, line, length, n);
        return length + n;
    }

    private String decode(byte[] raw, int offset, int length) {
        if (asciiCompatible && ascii(raw, offset, length)) {
            return new String(raw, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(raw, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean ascii(byte[] raw, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (raw[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
