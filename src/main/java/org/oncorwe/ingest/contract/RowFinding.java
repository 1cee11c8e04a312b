package org.oncorwe.ingest.contract;

import java.io.Serializable;

/**
 * A finding on a kept row.
 *
 * @param column the column it concerns
 * @param value  for UNMAPPED_DRUG / UNMAPPED_LAB / UNMAPPED_AE_TERM / UNKNOWN_UNIT / CODE_NAME_DISAGREE the
 *               text that did not map (the ingest report counts them per value); null otherwise.
 *               Never from a PHI column.
 */
public record RowFinding(Finding finding, String column, String value) implements Serializable {
}
