package org.oncorwe.endpoints;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** The overall-response codes of one assessment (RECIST 1.1) and the day count every endpoint uses. */
final class Recist {

    static final String CR = "CR";
    static final String PR = "PR";
    static final String SD = "SD";
    static final String NON_CR_NON_PD = "NON_CR_NON_PD";
    static final String PD = "PD";
    static final String NE = "NE";

    /** What trial PFS calls an evaluable assessment (its LEA): anything but NE or missing. */
    private static final Set<String> EVALUABLE = Set.of(CR, PR, SD, NON_CR_NON_PD, PD);

    private Recist() {
    }

    static boolean evaluable(String overallResponse) {
        return overallResponse != null && EVALUABLE.contains(overallResponse);
    }

    static boolean progression(String overallResponse) {
        return PD.equals(overallResponse);
    }

    /** CR or PR. */
    static boolean response(String overallResponse) {
        return CR.equals(overallResponse) || PR.equals(overallResponse);
    }

    /** SD or NON_CR_NON_PD: stable disease, with or without target lesions. */
    static boolean stable(String overallResponse) {
        return SD.equals(overallResponse) || NON_CR_NON_PD.equals(overallResponse);
    }

    /** Days from {@code from} to {@code to} on calendar dates, no +1 (domain-rules, preamble). */
    static int days(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }
}
