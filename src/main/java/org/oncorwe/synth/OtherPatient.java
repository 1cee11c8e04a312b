package org.oncorwe.synth;

import java.time.LocalDate;
import java.util.List;

/**
 * The registry's non-cohort patients, each excluded by one planted attrition step of the
 * first_line_thp study: HER2-negative disease, early disease only, first-line TH, THP only in a
 * later line, THP before the study period, other primaries, untreated metastatic disease, no
 * follow-up after index.
 */
final class OtherPatient extends PatientGenerator.Builder {

    OtherPatient(PatientRandom r, Rows rows, Story story, LocalDate extractDate) {
        super(r, rows, story, extractDate);
    }

    void build() {
        switch (story.archetype) {
            case HER2_NEGATIVE -> her2Negative();
            case EARLY_ONLY -> earlyOnly();
            case FIRST_LINE_TH -> firstLine(false, inPeriodIndex(), true);
            case THP_LATER_LINE -> thpLaterLine();
            case THP_BEFORE_PERIOD -> firstLine(true, LocalDate.of(2005, 1, 1).plusDays(r.between(0, 1307)), true);
            case OTHER_PRIMARY -> otherPrimary();
            case METASTATIC_UNTREATED -> untreated();
            case NO_FOLLOW_UP -> firstLine(true, inPeriodIndex(), false);
            default -> throw new IllegalStateException(story.archetype.name());
        }
    }

    private LocalDate inPeriodIndex() {
        int span = PatientGenerator.days(PatientGenerator.STUDY_START, extractDate.minusDays(120));
        return PatientGenerator.STUDY_START.plusDays(r.between(0, span));
    }

    private String hr() {
        return r.chance(0.6) ? "POSITIVE" : r.chance(0.9) ? "NEGATIVE" : "UNKNOWN";
    }

    private void demographics(LocalDate at, LocalDate death, LocalDate lastSeen) {
        int age = r.between(30, 80);
        story.birthDate = birthForAge(at, age);
        // a last contact drawn before the history starts moves a month after its start (nothing is recorded
        // after the last contact); a NO_FOLLOW_UP patient's contact on its index day stays there
        LocalDate end = closeFollowUp(death, lastSeen.isBefore(at) ? at.plusDays(30) : lastSeen);
        rows.lastRecordDay(end);
        rows.patient(story.birthDate, story.deathDate, story.lastContact,
                age < 48 ? "PRE" : age > 55 ? "POST" : r.oneOf("PRE", "POST", "UNKNOWN"));
    }

    private LocalDate deathAfter(LocalDate from, double meanDays) {
        return r.chance(0.5) ? from.plusDays(Math.round(r.exponential(meanDays))) : null;
    }

    private LocalDate lastSeen() {
        return extractDate.minusDays(r.between(0, 400));
    }

    private void her2Negative() {
        LocalDate m = LocalDate.of(2006, 1, 1).plusDays(r.between(0, PatientGenerator.days(LocalDate.of(2006, 1, 1), extractDate) - 60));
        boolean deNovo = r.chance(0.4);
        LocalDate primary = deNovo ? m : m.minusDays(r.between(400, 3000));
        demographics(primary, deathAfter(m, 900), lastSeen());
        String hr = hr();
        primaryDiagnosis(primary, deNovo ? "IV" : r.oneOf("I", "IIA", "IIB"));
        pathology(primary, "PRIMARY", hr, "NEGATIVE");
        metastasis(m, r.oneOf("BONE", "LIVER", "LUNG", "DISTANT_LYMPH_NODE"));
        LocalDate start = m.plusDays(r.between(7, 40));
        if (hr.equals("POSITIVE")) {
            for (int i = 0; i < r.between(3, 24); i++) {
                rows.drug(start.plusDays(28L * i), Vocabulary.LETROZOLE, "2.5", "mg", "DONE", rows.nextOrderId());
            }
        } else {
            for (int i = 0; i < 12; i++) {
                rows.drug(start.plusDays(7L * i), Vocabulary.PACLITAXEL[r.between(0, 3)], "80", "mg/m2", "DONE", rows.nextOrderId());
            }
            LocalDate second = start.plusDays(r.between(120, 300));
            for (int i = 0; i < r.between(2, 8); i++) {
                rows.drug(second.plusDays(21L * i), r.chance(0.5) ? Vocabulary.CAPECITABINE : Vocabulary.CAPECITABINE_KO,
                        "2000", "mg", "DONE", rows.nextOrderId());
            }
        }
        assessments(start, r.between(1, 5));
        routineLabs(start, 3);
    }

    private void earlyOnly() {
        boolean her2Positive = r.chance(0.3);
        story.expectedStep = her2Positive ? "METASTATIC" : "HER2_POSITIVE";
        LocalDate primary = LocalDate.of(2005, 1, 1).plusDays(r.between(0, PatientGenerator.days(LocalDate.of(2005, 1, 1), extractDate) - 90));
        demographics(primary, r.chance(0.05) ? primary.plusDays(r.between(1000, 5000)) : null, lastSeen());
        String hr = hr();
        primaryDiagnosis(primary, r.oneOf("0", "I", "IA", "IIA", "IIB", "IIIA"));
        pathology(primary, "PRIMARY", hr, her2Positive ? "IHC3" : "NEGATIVE");
        LocalDate surgery = primary.plusDays(r.between(14, 40));
        curativeSurgery(surgery);
        LocalDate adjuvant = surgery.plusDays(r.between(21, 45));
        List<LocalDate> days = cycles(adjuvant, her2Positive ? 17 : 4, 21);
        for (int i = 0; i < days.size(); i++) {
            String order = rows.nextOrderId();
            if (her2Positive) {
                if (i < 6) {
                    rows.drug(days.get(i), Vocabulary.DOCETAXEL[0], "75", "mg/m2", "DONE", order);
                    rows.drug(days.get(i), Vocabulary.CARBOPLATIN, "600", "mg", "DONE", order);
                }
                rows.drug(days.get(i), Vocabulary.TRASTUZUMAB_IV[r.between(0, 4)], i == 0 ? "8" : "6", "mg/kg", "DONE", order);
            } else {
                rows.drug(days.get(i), Vocabulary.DOXORUBICIN, "60", "mg/m2", "DONE", order);
                rows.drug(days.get(i), Vocabulary.CYCLOPHOSPHAMIDE, "600", "mg/m2", "DONE", order);
            }
        }
        if (hr.equals("POSITIVE")) {
            LocalDate from = days.get(days.size() - 1).plusDays(30);
            for (LocalDate d = from; d.isBefore(from.plusYears(5)); d = d.plusDays(90)) {
                boolean tamoxifen = r.chance(0.7);
                rows.drug(d, tamoxifen ? Vocabulary.TAMOXIFEN : Vocabulary.ANASTROZOLE, tamoxifen ? "20" : "1", "mg", "DONE",
                        rows.nextOrderId());
            }
        }
        if (r.chance(0.05)) { // a local recurrence never makes a patient metastatic
            LocalDate recurrence = surgery.plusDays(r.between(400, 2000));
            rows.addDated(ExtractTable.TUMOR_EVENT, recurrence).set("event_date", rows.date(recurrence))
                    .set("event_type", "LOCAL_RECURRENCE").set("kcd_code", "C50.9");
        }
        routineLabs(adjuvant, 2);
    }

    /** A metastatic HER2-positive patient whose first metastatic line is THP (or TH). */
    private void firstLine(boolean thp, LocalDate index, boolean followed) {
        LocalDate m = index.minusDays(r.between(7, 45));
        LocalDate death = followed ? deathAfter(index, 1800) : null;
        LocalDate seen = followed ? lastSeen() : index;
        if (!followed) {
            story.indexDate = index;
        }
        if (seen.isBefore(index.plusDays(60)) && followed) {
            seen = index.plusDays(60);
        }
        demographics(m, death != null && death.isBefore(index.plusDays(30)) ? index.plusDays(30) : death, seen);
        primaryDiagnosis(m, "IV");
        pathology(m, "PRIMARY", hr(), "IHC3");
        metastasis(m, r.oneOf("LIVER", "LUNG", "BONE"));
        int cycles = followed ? r.between(2, 12) : 1;
        LocalDate last = index;
        for (int i = 0; i < cycles; i++) {
            LocalDate d = index.plusDays(21L * i);
            if (!rows.within(d)) {
                break;
            }
            last = d;
            String order = rows.nextOrderId();
            if (i < 6) {
                rows.drug(d, Vocabulary.DOCETAXEL[r.between(0, 4)], "75", "mg/m2", "DONE", order);
            }
            rows.drug(d, Vocabulary.TRASTUZUMAB_IV[r.between(0, 4)], i == 0 ? "8" : "6", "mg/kg", "DONE", order);
            if (thp) {
                rows.drug(d, Vocabulary.PERTUZUMAB[r.between(0, 3)], i == 0 ? "840" : "420", "mg", "DONE", order);
            }
        }
        String regimen = thp ? "docetaxel+pertuzumab+trastuzumab" : "docetaxel+trastuzumab";
        story.lines.add(new LineTruth(1, "METASTATIC", 1, regimen, CohortPatient.label(regimen), index, last));
        if (followed) {
            assessments(index, r.between(1, 4));
        }
    }

    private void thpLaterLine() {
        LocalDate first = inPeriodIndex().minusDays(200);
        if (first.isBefore(PatientGenerator.STUDY_START)) {
            first = PatientGenerator.STUDY_START;
        }
        LocalDate m = first.minusDays(r.between(7, 45));
        demographics(m, deathAfter(first, 1200), extractDate.minusDays(r.between(0, 100)));
        primaryDiagnosis(m, "IV");
        pathology(m, "PRIMARY", hr(), "IHC3");
        metastasis(m, r.oneOf("LIVER", "LUNG", "BONE"));
        int n = r.between(4, 8);
        LocalDate d = first;
        for (int i = 0; i < n; i++) {
            d = first.plusDays(21L * i);
            String order = rows.nextOrderId();
            rows.drug(d, Vocabulary.VINORELBINE, "25", "mg/m2", "DONE", order);
            rows.drug(d, Vocabulary.TRASTUZUMAB_IV[0], i == 0 ? "8" : "6", "mg/kg", "DONE", order);
        }
        story.lines.add(new LineTruth(1, "METASTATIC", 1, "trastuzumab+vinorelbine", "trastuzumab+vinorelbine", first, d));
        LocalDate second = d.plusDays(21);
        LocalDate last = second;
        for (int i = 0; i < r.between(3, 10); i++) {
            LocalDate c = second.plusDays(21L * i);
            if (!rows.within(c)) {
                break;
            }
            last = c;
            String order = rows.nextOrderId();
            rows.drug(c, Vocabulary.DOCETAXEL[0], "75", "mg/m2", "DONE", order);
            rows.drug(c, Vocabulary.TRASTUZUMAB_IV[0], "6", "mg/kg", "DONE", order);
            rows.drug(c, Vocabulary.PERTUZUMAB[0], i == 0 ? "840" : "420", "mg", "DONE", order);
        }
        if (rows.within(second)) {
            story.lines.add(new LineTruth(2, "METASTATIC", 2, "docetaxel+pertuzumab+trastuzumab", "THP", second, last));
        }
        assessments(first, r.between(2, 5));
    }

    private void otherPrimary() {
        LocalDate primary = LocalDate.of(2006, 1, 1).plusDays(r.between(0, PatientGenerator.days(LocalDate.of(2006, 1, 1), extractDate) - 120));
        demographics(primary, deathAfter(primary, 700), lastSeen());
        rows.addDated(ExtractTable.TUMOR_EVENT, primary).set("event_date", rows.date(primary)).set("event_type", "PRIMARY_DIAGNOSIS")
                .set("kcd_code", r.oneOf("C18.7", "C34.1", "C16.9", "C56")).set("stage", r.oneOf("II", "III", "IV"));
        LocalDate start = primary.plusDays(r.between(14, 60));
        for (int i = 0; i < r.between(2, 8); i++) {
            String order = rows.nextOrderId();
            rows.drug(start.plusDays(21L * i), Vocabulary.CARBOPLATIN, "450", "mg", "DONE", order);
            rows.drug(start.plusDays(21L * i), Vocabulary.PACLITAXEL[0], "175", "mg/m2", "DONE", order);
        }
        routineLabs(start, 2);
    }

    private void untreated() {
        LocalDate m = inPeriodIndex();
        demographics(m, r.chance(0.7) ? m.plusDays(r.between(20, 300)) : null, m.plusDays(r.between(20, 120)));
        primaryDiagnosis(m, "IV");
        pathology(m, "PRIMARY", hr(), "IHC3");
        metastasis(m, r.oneOf("BRAIN", "LIVER", "BONE"));
        rows.drug(m.plusDays(5), Vocabulary.ZOLEDRONIC_ACID, "4", "mg", "DONE", rows.nextOrderId());
        rows.drug(m.plusDays(5), Vocabulary.DEXAMETHASONE, "8", "mg", "DONE", rows.nextOrderId());
    }

    private void assessments(LocalDate start, int count) {
        LocalDate baseline = start.minusDays(r.between(3, 30));
        rows.addDated(ExtractTable.TUMOR_ASSESSMENT, baseline).set("assessment_date", rows.date(baseline))
                .set("modality", "CT").set("measurable", r.chance(0.8) ? "Y" : "N");
        for (int i = 1; i <= count; i++) {
            LocalDate d = start.plusDays(63L * i);
            String response = i == count && r.chance(0.5) ? "PD" : r.oneOf("SD", "PR");
            rows.addDated(ExtractTable.TUMOR_ASSESSMENT, d).set("assessment_date", rows.date(d)).set("modality", "CT")
                    .set("measurable", "Y").set("target_response", response.equals("PD") ? "PD" : response)
                    .set("non_target_response", "NON_CR_NON_PD").set("new_lesions", "N").set("overall_response", response);
        }
    }

    private void routineLabs(LocalDate from, int count) {
        for (int i = 0; i < count; i++) {
            LocalDate d = from.plusDays(90L * i);
            var t = CohortPatient.morning(d, r);
            rows.lab(t, Vocabulary.ANC, CohortPatient.fmt(r.uniform(2.0, 6.0), 2), "10^3/uL", "1.8", "7.5");
            rows.lab(t, Vocabulary.HB, CohortPatient.fmt(r.uniform(11.0, 14.5), 1), "g/dL", "12.0", "16.0");
            rows.lab(t, Vocabulary.PLT, Integer.toString(r.between(150, 400)), "10^3/uL", "150", "400");
        }
    }
}
