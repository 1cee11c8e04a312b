package org.oncorwe.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A cohort patient's history before the index line: primary diagnosis and pathology, the
 * relapse path (curative surgery with the disease-free interval and perioperative therapy,
 * neoadjuvant progression, or unknown), metastases and the sites at index.
 */
final class CohortHistory extends PatientGenerator.Builder {

    private final LocalDate index;

    CohortHistory(PatientRandom r, Rows rows, Story story, LocalDate extractDate, LocalDate index) {
        super(r, rows, story, extractDate);
        this.index = index;
    }

    void write() {
        LocalDate m = index.minusDays(r.between(7, 45));
        String her2 = story.her2Basis;
        LocalDate primary;
        if (story.diseaseSetting.equals("DE_NOVO")) {
            story.curativeSurgery = false;
            if (r.chance(0.7)) {
                primary = m;
                primaryDiagnosis(primary, "IV");
            } else {
                primary = m.minusDays(r.between(1, 90));
                primaryDiagnosis(primary, r.oneOf("IIB", "IIIA", "IIIC"));
            }
            pathology(primary, "PRIMARY", story.hrStatus, her2);
        } else {
            writeRelapseHistory(m, her2);
        }
        if (r.chance(0.3)) {
            pathology(m.minusDays(r.between(3, 14)), "METASTASIS", story.hrStatus, her2);
        }
        List<String> sites = new ArrayList<>();
        if (story.visceral) {
            sites.add(r.oneOf("LIVER", "LUNG", "PLEURA", "PERITONEUM"));
        }
        if (story.bone) {
            sites.add("BONE");
        }
        if (story.brain) {
            sites.add("BRAIN");
        }
        if (sites.isEmpty()) {
            sites.add(r.oneOf("DISTANT_LYMPH_NODE", "SKIN", "OTHER"));
        }
        for (int i = 0; i < sites.size(); i++) {
            LocalDate on = i == 0 ? m : m.plusDays(r.between(0, PatientGenerator.days(m, index) + 30));
            metastasis(on, sites.get(i));
        }
    }

    private void writeRelapseHistory(LocalDate m, String her2) {
        String context = story.relapseContext;
        if (context.equals("CURATIVE_SURGERY")) {
            double dfi = drawDfiMonths();
            LocalDate surgery = m.minusDays(Math.round(dfi * PatientGenerator.DAYS_PER_MONTH));
            story.dfiMonths = PatientGenerator.days(surgery, m) / PatientGenerator.DAYS_PER_MONTH;
            story.curativeSurgery = true;
            LocalDate primary = surgery.minusDays(r.between(14, 40));
            primaryDiagnosis(primary, r.oneOf("I", "IIA", "IIB", "IIIA"));
            pathology(primary, "PRIMARY", story.hrStatus, her2);
            curativeSurgery(surgery);
            if (story.perioperativeChemo) {
                adjuvant(surgery.plusDays(r.between(21, 45)), m.minusDays(61));
            }
        } else if (context.equals("NEOADJUVANT_PROGRESSION")) {
            story.curativeSurgery = false;
            LocalDate primary = m.minusDays(r.between(120, 200));
            primaryDiagnosis(primary, r.oneOf("IIB", "IIIA", "IIIB"));
            pathology(primary, "PRIMARY", story.hrStatus, her2);
            neoadjuvant(primary.plusDays(r.between(10, 20)), m);
        } else {
            story.curativeSurgery = false;
            LocalDate primary = m.minusDays(r.between(200, 3000));
            primaryDiagnosis(primary, r.oneOf("I", "IIA", "IIIA"));
            pathology(primary, "PRIMARY", story.hrStatus, her2);
        }
    }

    /** Disease-free interval: >6-12 5 %, >12-24 25 %, >24 70 % (median 38.5 months), at most 240 months. */
    private double drawDfiMonths() {
        int group = r.pick(0.054, 0.25, 0.696);
        if (group == 0) {
            return r.uniform(6.6, 12.0);
        }
        if (group == 1) {
            return r.uniform(12.1, 24.0);
        }
        double v;
        do {
            v = 24.1 + r.exponential(44.1);
        } while (v > 240);
        return v;
    }

    /** Adjuvant TCH (with anti-HER2) or TC/AC, every 3 weeks, all before metastatic date - 60. */
    private void adjuvant(LocalDate start, LocalDate notAfter) {
        boolean antiHer2 = story.priorAntiHer2;
        String regimen;
        List<LocalDate> days = cycles(start, antiHer2 ? 17 : 4, 21);
        days.removeIf(d -> d.isAfter(notAfter));
        if (days.isEmpty()) {
            days.add(start.isAfter(notAfter) ? notAfter : start);
        }
        if (antiHer2) {
            regimen = "carboplatin+docetaxel+trastuzumab";
            for (int i = 0; i < days.size(); i++) {
                String order = rows.nextOrderId();
                if (i < 6) {
                    rows.drug(days.get(i), Vocabulary.DOCETAXEL[0], "75", "mg/m2", "DONE", order);
                    rows.drug(days.get(i), Vocabulary.CARBOPLATIN, "600", "mg", "DONE", order);
                }
                rows.drug(days.get(i), Vocabulary.TRASTUZUMAB_IV[0], i == 0 ? "8" : "6", "mg/kg", "DONE", order);
            }
        } else if (r.chance(0.5)) {
            regimen = "cyclophosphamide+docetaxel";
            for (LocalDate d : days) {
                String order = rows.nextOrderId();
                rows.drug(d, Vocabulary.DOCETAXEL[0], "75", "mg/m2", "DONE", order);
                rows.drug(d, Vocabulary.CYCLOPHOSPHAMIDE, "600", "mg/m2", "DONE", order);
            }
        } else {
            regimen = "cyclophosphamide+doxorubicin";
            for (LocalDate d : days) {
                String order = rows.nextOrderId();
                rows.drug(d, Vocabulary.DOXORUBICIN, "60", "mg/m2", "DONE", order);
                rows.drug(d, Vocabulary.CYCLOPHOSPHAMIDE, "600", "mg/m2", "DONE", order);
            }
        }
        story.lines.add(new LineTruth(1, "PERIOPERATIVE", 1, regimen, CohortPatient.label(regimen), days.get(0), days.get(days.size() - 1)));
    }

    /** Neoadjuvant TCHP (or TC) every 3 weeks until 31-60 days before the metastatic date (docs/decisions.md 15, 61). */
    private void neoadjuvant(LocalDate start, LocalDate metastatic) {
        boolean antiHer2 = story.priorAntiHer2;
        LocalDate last = metastatic.minusDays(r.between(31, 60));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(21)) {
            days.add(d);
        }
        if (days.get(days.size() - 1).isBefore(metastatic.minusDays(60))) {
            days.add(last);
        }
        String regimen = antiHer2 ? "carboplatin+docetaxel+pertuzumab+trastuzumab" : "cyclophosphamide+docetaxel";
        for (int i = 0; i < days.size(); i++) {
            String order = rows.nextOrderId();
            LocalDate d = days.get(i);
            rows.drug(d, Vocabulary.DOCETAXEL[0], "75", "mg/m2", "DONE", order);
            if (antiHer2) {
                rows.drug(d, Vocabulary.CARBOPLATIN, "600", "mg", "DONE", order);
                rows.drug(d, Vocabulary.TRASTUZUMAB_IV[0], i == 0 ? "8" : "6", "mg/kg", "DONE", order);
                rows.drug(d, Vocabulary.PERTUZUMAB[0], i == 0 ? "840" : "420", "mg", "DONE", order);
            } else {
                rows.drug(d, Vocabulary.CYCLOPHOSPHAMIDE, "600", "mg/m2", "DONE", order);
            }
        }
        story.lines.add(new LineTruth(1, "PERIOPERATIVE", 1, regimen, CohortPatient.label(regimen), days.get(0), days.get(days.size() - 1)));
    }
}
