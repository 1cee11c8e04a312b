package org.oncorwe.ingest.rules;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One patient_id after the cross-row rules.
 *
 * @param patientId            the trimmed patient_id (null for the group of records without one)
 * @param known                patient.csv has a row for it (else its rows are UNKNOWN_PATIENT)
 * @param accepted             exactly one patient row is left after collapsing and it is accepted
 * @param deathDate            the final death date (an imputed one raised to the latest dated record
 *                             and last contact); null when alive or not accepted
 * @param deathFullyKnown      the death date was given to the day (not imputed)
 * @param lastContactDate      the patient row's (clamped) last_contact_date, may be null when dead
 * @param latestRecordDate     the latest own date of an accepted row of any other table (decision 72)
 * @param effectiveLastContact max(last_contact_date, latestRecordDate), at most the extract date
 */
public record PatientSummary(String patientId, boolean known, boolean accepted, LocalDate deathDate,
                             boolean deathFullyKnown, LocalDate lastContactDate, LocalDate latestRecordDate,
                             LocalDate effectiveLastContact) implements Serializable {

    static PatientSummary rejected(String patientId, boolean known) {
        return new PatientSummary(patientId, known, false, null, false, null, null, null);
    }
}
