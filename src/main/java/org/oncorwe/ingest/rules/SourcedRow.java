package org.oncorwe.ingest.rules;

import org.oncorwe.ingest.RawRecord;
import org.oncorwe.ingest.contract.Column;
import org.oncorwe.ingest.contract.ColumnType;
import org.oncorwe.ingest.contract.Derived;
import org.oncorwe.ingest.contract.HeaderBinding;
import org.oncorwe.ingest.contract.Reject;
import org.oncorwe.ingest.contract.RejectReason;
import org.oncorwe.ingest.contract.RowResult;
import org.oncorwe.ingest.contract.RowValidator;
import org.oncorwe.ingest.contract.TableContract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One record of one input file after the per-row steps (precedence groups 1, 2's first rule and
 * 3), ready for the cross-row rules of {@link PatientIngest}. Plain Java, Serializable.
 *
 * @param table       the table the file belongs to
 * @param file        the file relative to the extract folder (e.g. {@code lab_result/part-00000.csv})
 * @param lineNumber  the physical line where the record starts (header = 1)
 * @param patientId   the trimmed patient_id; null when the record could not be split into columns
 *                    (INVALID_ENCODING, MALFORMED_ROW, the reader's FIELD_TOO_LONG), when patient_id is
 *                    missing, or when patient_id itself is the field too long
 * @param earlyReject a group-1 reject, or MISSING_REQUIRED of patient_id; null otherwise
 * @param result      the validator's column result (typed values or a group-3 reject); null with an early reject
 * @param identity    what makes two rows of a table identical (registry-extract.md, Duplicates): a SHA-256
 *                    over every contract column after trimming, missing-marker normalisation and typing
 *                    (PHI columns included, but only as part of the digest); null for a record that could
 *                    not be split into columns (it is never collapsed)
 */
public record SourcedRow(TableContract table, String file, long lineNumber, String patientId, Reject earlyReject,
                         RowResult result, String identity) implements Serializable {

    private static final char SEP = '\u001f';
    private static final String NULL = "\u0000";

    /**
     * Runs the per-row steps on one record: the reader's defect, FIELD_TOO_LONG, a missing patient_id,
     * then every other column ({@link RowValidator#validateColumns}).
     *
     * <p>Run the reader with no field-length limit ({@code Integer.MAX_VALUE}) and let the validator
     * find FIELD_TOO_LONG: the reader's own FIELD_TOO_LONG drops the fields, so the row loses its
     * patient_id (decision 87).
     *
     * @param binding   the file's header bound to {@code validator.table()}
     */
    public static SourcedRow read(String file, RawRecord record, HeaderBinding binding, RowValidator validator) {
        return read(file, record, record.defect() == null ? binding.row(record.values()) : null, validator);
    }

    /** {@link #read(String, RawRecord, HeaderBinding, RowValidator)} for a caller that has bound the record already. */
    public static SourcedRow read(String file, RawRecord record, Map<String, String> raw, RowValidator validator) {
        TableContract table = validator.table();
        if (record.defect() != null) {
            Reject reject = new Reject(RejectReason.valueOf(record.defect().name()), null, record.detail());
            return new SourcedRow(table, file, record.lineNumber(), null, reject, null, null);
        }
        Optional<Reject> tooLong = validator.fieldTooLong(raw);
        if (tooLong.isPresent()) { // the row keeps its patient_id, unless that is the field too long
            String id = TableContract.PATIENT_ID.equals(tooLong.get().column()) ? null : validator.patientId(raw);
            return new SourcedRow(table, file, record.lineNumber(), id, tooLong.get(), null, null);
        }
        Set<String> markers = validator.settings().missingMarkers();
        Optional<Reject> noId = validator.missingPatientId(raw);
        if (noId.isPresent()) {
            return new SourcedRow(table, file, record.lineNumber(), null, noId.get(), null, rawIdentity(table, raw, markers));
        }
        RowResult result = validator.validateColumns(raw, record.lineNumber());
        String identity = result.accepted() ? typedIdentity(table, raw, result, markers) : rawIdentity(table, raw, markers);
        return new SourcedRow(table, file, record.lineNumber(), validator.patientId(raw), null, result, identity);
    }

    /** Kept by the column rules (no early reject, no group-3 reject). */
    public boolean validated() {
        return earlyReject == null && result.accepted();
    }

    /** The reject of the per-row steps, or null. */
    public Reject rowReject() {
        return earlyReject != null ? earlyReject : result.reject();
    }

    /** Typed: each contract column's typed value (with its imputed / time-known flag); PHI columns as trimmed text. */
    static String typedIdentity(TableContract table, Map<String, String> raw, RowResult result, Set<String> markers) {
        StringBuilder key = new StringBuilder("T");
        for (Column column : table.columns()) {
            key.append(SEP);
            if (column.phi()) {
                key.append(canonical(normalised(raw.get(column.name()), markers)));
                continue;
            }
            key.append(canonical(result.values().get(column.name())));
            if (column.partialDate()) {
                key.append('|').append(canonical(result.values().get(column.name() + Derived.IMPUTED)));
            }
            if (column.type() == ColumnType.DATE_TIME) {
                key.append('|').append(canonical(result.values().get(column.name() + Derived.TIME_KNOWN)));
            }
        }
        return sha256(key.toString());
    }

    /** A row the column rules rejected cannot be typed: its contract columns trimmed, missing markers as missing. */
    static String rawIdentity(TableContract table, Map<String, String> raw, Set<String> markers) {
        StringBuilder key = new StringBuilder("R");
        for (Column column : table.columns()) {
            key.append(SEP).append(canonical(normalised(raw.get(column.name()), markers)));
        }
        return sha256(key.toString());
    }

    private static String normalised(String value, Set<String> markers) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return markers.contains(t) ? null : t;
    }

    private static String canonical(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** One digest per thread: the provider lookup of {@code MessageDigest.getInstance} costs more than a row's hash. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private static String sha256(String text) {
        return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
