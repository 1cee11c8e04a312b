package org.oncorwe.endpoints;

import java.time.LocalDate;

/**
 * One counted grade of a term on a day: from a lab sample, a measurement or febrile neutropenia
 * (recorded = false), or from a recorded AE (recorded = true, with the AE's CTCAE version).
 */
record TermOnset(String term, LocalDate date, int grade, boolean recorded, String ctcaeVersion) {

    static TermOnset derived(String term, LocalDate date, int grade) {
        return new TermOnset(term, date, grade, false, null);
    }
}
