package org.oncorwe.ingest.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One validated row: its typed values (column → value, contract order, then derived columns;
 * never a PHI column) and findings, or its reject.
 *
 * @param lineNumber the 1-based physical line the record starts on
 * @param values     empty when rejected; see docs/extract-contract.md for the derived columns
 *                   ({@code <date>_imputed}, {@code <date_time>_time_known}, drug mapping, lab
 *                   canonical value, CTCAE term). Holds the trimmed patient_id, which ingest
 *                   replaces by patient_key.
 * @param reject     null when the row is kept
 * @param findings   on kept rows only (a rejected row counts its reject, not its findings)
 */
public record RowResult(long lineNumber, Map<String, Object> values, Reject reject, List<RowFinding> findings)
        implements Serializable {

    public RowResult {
        values = RowValues.kept(values);
        findings = List.copyOf(findings);
    }

    public static RowResult rejected(long lineNumber, Reject reject) {
        return new RowResult(lineNumber, Map.of(), reject, List.of());
    }

    public boolean accepted() {
        return reject == null;
    }

    /** A typed value, cast to what the caller expects (null when missing or unreadable). */
    @SuppressWarnings("unchecked")
    public <T> T get(String column) {
        return (T) values.get(column);
    }
}
