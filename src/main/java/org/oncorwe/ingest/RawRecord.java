package org.oncorwe.ingest;

import java.util.List;

/**
 * One CSV record of an extract file before typing: its values in header order, or the
 * file-level defect that makes it a reject (then {@code values} is empty and {@code detail}
 * holds only the problem and its position: never a field's value).
 *
 * @param lineNumber the physical line where the record starts (header = line 1)
 * @param values     field values in header order; empty for a defective record
 * @param defect     null for a readable record
 * @param detail     what is wrong and where, for a defective record
 */
public record RawRecord(long lineNumber, List<String> values, Defect defect, String detail) {

    /** What makes a record unreadable (the contract's precedence group 1). */
    public enum Defect { INVALID_ENCODING, MALFORMED_ROW, FIELD_TOO_LONG }

    static RawRecord of(long lineNumber, List<String> values) {
        return new RawRecord(lineNumber, List.copyOf(values), null, null);
    }

    static RawRecord defective(long lineNumber, Defect defect, String detail) {
        return new RawRecord(lineNumber, List.of(), defect, detail);
    }
}
