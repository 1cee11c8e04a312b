package org.oncorwe.ingest.rules;

import org.oncorwe.ingest.contract.Reject;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.ingest.contract.RowValues;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What ingest does with one record: ACCEPTED (final typed values, the validator's derived columns
 * and {@link RuleColumns}, findings), REJECTED (one reason) or COLLAPSED (an identical copy of a
 * row with a lower line number: counted, neither accepted nor rejected).
 *
 * @param table      the table name (patient, tumor_event, ...)
 * @param patientId  the trimmed patient_id the row carries (for the rejects table; rejected rows too); null when
 *                   missing or the record could not be split into columns
 * @param values     empty unless ACCEPTED; holds the trimmed patient_id, which the job replaces by patient_key
 * @param findings   empty unless ACCEPTED
 * @param reject     non-null exactly when REJECTED; its detail never quotes a value
 */
public record RowOutcome(String table, String file, long lineNumber, String patientId, Status status, Map<String, Object> values,
                         List<RowFinding> findings, Reject reject) implements Serializable {

    public enum Status { ACCEPTED, REJECTED, COLLAPSED }

    public RowOutcome {
        values = RowValues.kept(values);
        findings = List.copyOf(findings);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }

    /** A typed value, cast to what the caller expects. */
    @SuppressWarnings("unchecked")
    public <T> T get(String column) {
        return (T) values.get(column);
    }
}
