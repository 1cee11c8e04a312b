package org.oncorwe.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one report shows: the extract date, the run's options (stats and privacy sections
 * and config_hash) beside the config_hash the tables carry, the data-quality counts and a
 * section per study.
 */
public record ReportInput(LocalDate extractDate, String pipelineVersion, String configHash, List<String> tableConfigHashes,
                          Map<String, Object> options, Rows rejects, Rows ingestReport, List<StudyTables> studies) {

    public ReportInput {
        tableConfigHashes = List.copyOf(tableConfigHashes);
        studies = List.copyOf(studies);
    }
}
