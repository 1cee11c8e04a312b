package org.oncorwe.synth;

/**
 * One planted defect and what the contract says must come of it (truth/damage.csv):
 * a reject reason, a finding, COLLAPSED for an identical duplicate, or ACCEPTED for a
 * harmless variation (a date format, a missing marker).
 */
record DamageTruth(String file, long lineNumber, String kind, String expected, String patientId) {
}
