package org.oncorwe.ingest.contract;

import org.oncorwe.ingest.dictionary.UnitConversion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row while RowValidator reads its columns in document order: typed values so far, findings. */
final class RowState {
    /** The raw row: column → text as read. */
    final Map<String, String> raw;
    final LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    final List<RowFinding> findings = new ArrayList<>();
    /** death_date was after the extract date: the patient is alive at the cut-off. */
    boolean deathAfterCutoff;
    /** lab_result: how value converted, for ref_low / ref_high; null when it did not. */
    UnitConversion labConversion;

    RowState(Map<String, String> raw) {
        this.raw = raw;
    }

    void find(Finding finding, String column, String value) {
        findings.add(new RowFinding(finding, column, value));
    }

    String string(String column) {
        return (String) values.get(column);
    }
}
