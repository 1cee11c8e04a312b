package org.oncorwe.ingest.contract;

import java.io.Serializable;

/**
 * A rejected row's reason, the column it concerns (null for whole-row reasons) and a detail
 * that names the column and the problem, never a value (no patient_id, name or national ID).
 */
public record Reject(RejectReason reason, String column, String detail) implements Serializable {
}
