package org.oncorwe.synth;

import java.time.LocalDate;

/** A line of therapy as the generator planned it (truth/lines.csv). */
record LineTruth(int lineSeq, String setting, int lineNo, String regimen, String label, LocalDate start, LocalDate end) {
}
