package org.oncorwe.synth;

import java.time.LocalDate;

/** One patient's maximum CTCAE grade for one term, as planted (truth/toxicity.csv). */
record ToxicityTruth(String term, int maxGrade, String source, LocalDate firstOnset, LocalDate maxGradeDate) {
}
