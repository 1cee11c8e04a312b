package org.oncorwe.ingest.rules;

import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.TableContract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A row's own date (decision 72): the required date of its table, the one EVENT_AFTER_DEATH and the
 * effective last contact look at. patient.csv has none.
 */
public final class RecordDates {

    private static final Map<String, String> COLUMN = Map.of(
            ExtractContract.TUMOR_EVENT.name(), "event_date",
            ExtractContract.PATHOLOGY.name(), "report_date",
            ExtractContract.SURGERY.name(), "surgery_date",
            ExtractContract.DRUG_ADMINISTRATION.name(), "admin_date",
            ExtractContract.TUMOR_ASSESSMENT.name(), "assessment_date",
            ExtractContract.LAB_RESULT.name(), "collected_at",
            ExtractContract.MEASUREMENT.name(), "measured_at",
            ExtractContract.ADVERSE_EVENT.name(), "onset_date");

    private RecordDates() {
    }

    /** The table's own date column, null for patient. */
    public static String column(TableContract table) {
        return COLUMN.get(table.name());
    }

    /** The day of the row's own date (a date-time's date), null when the table has none. */
    public static LocalDate of(TableContract table, Map<String, Object> values) {
        String column = column(table);
        Object v = column == null ? null : values.get(column);
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        return (LocalDate) v;
    }
}
