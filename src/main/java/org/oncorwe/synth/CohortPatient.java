package org.oncorwe.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A first-line THP patient of the SMC study: the covariates of Table 1 drawn from their
 * published marginals, then a timeline (index line, assessments, progression, next line,
 * death or last contact) consistent with the planted docetaxel count, best response and
 * long-term response, then the labs, vitals and recorded AEs that carry the planted grades.
 * Profile cleopatra adds the control arm (archetype COHORT_TH): the same patient without
 * pertuzumab, indexed earlier, with CLEOPATRA's control response rates and shorter PFS and OS
 * (docs/sample-data.md, profile cleopatra).
 */
final class CohortPatient extends PatientGenerator.Builder {

    private static final String THP = "docetaxel+pertuzumab+trastuzumab";
    private static final String TH = "docetaxel+trastuzumab";
    private static final int TRIAL_DEATH_WINDOW_DAYS = 126;

    // the TH arm of profile cleopatra (docs/decisions.md 181-183): PFS and post-progression scales tuned on 20 000
    // patients so that trial PFS gives CLEOPATRA's stratified HR 0.62 of THP vs TH and OS its interim HR 0.64;
    // indexed about 1 000 days earlier than THP (the era confounder of domain-rules §4)
    static final double TH_PFS_FACTOR = 0.72;
    static final double TH_PPS_FACTOR = 0.78;
    static final int TH_ERA_SHIFT_DAYS = 1000;

    private final boolean th;

    private LocalDate index;
    private final List<Integer> docetaxelDays = new ArrayList<>();
    private final List<Integer> paclitaxelDays = new ArrayList<>();
    private final List<Integer> antibodyDays = new ArrayList<>();
    private final List<Integer> assessmentDays = new ArrayList<>();
    private int followUpDays;
    private Integer pdDay;
    private Integer deathDay;
    private Integer nextLineDay;
    private String nextRegimen;
    private int lineEndDay;

    CohortPatient(PatientRandom r, Rows rows, Story story, LocalDate extractDate) {
        super(r, rows, story, extractDate);
        this.th = story.archetype == Archetype.COHORT_TH;
        story.indexLabel = th ? "TH" : "THP";
    }

    void build() {
        drawResponseAndDocetaxel();
        drawSettingAndPriorTreatment();
        drawIndexAndFollowUp();
        drawProgressionAndDeath();
        planIndexLine();
        drawCovariates();
        closeTimeline();
        new CohortHistory(r, rows, story, extractDate, index).write();
        writeIndexLine();
        writeNextLine();
        writeAssessments();
        ToxicityPlan.write(r, rows, story, index, docetaxelDays, antibodyDays, windowEnd());
    }

    // ---- planted outcomes ------------------------------------------------------------------

    private void drawResponseAndDocetaxel() {
        story.measurable = r.chance(0.965);
        if (story.measurable) {
            // TH: CLEOPATRA's control arm, ORR 69.3 % (its SD/PD split is ours)
            double[] weights = th ? new double[] {0.042, 0.651, 0.22, 0.08, 0.007} : new double[] {0.177, 0.690, 0.113, 0.018, 0.002};
            story.bestResponse = new String[] {"CR", "PR", "SD", "PD", "NE"}[r.pick(weights)];
        } else {
            story.bestResponse = new String[] {"CR", "NON_CR_NON_PD", "PD"}[r.pick(0.10, 0.85, 0.05)];
        }
        story.responder = story.measurable ? (story.bestResponse.equals("CR") || story.bestResponse.equals("PR")) : null;
        int d;
        if (story.bestResponse.equals("PD")) {
            d = r.between(1, 3);
        } else {
            // P(<6) overall = 0.087 once the early-PD patients (all < 6) are counted
            int group = r.pick(0.0692, 0.6219, 0.3089);
            if (group == 0) {
                d = 1 + r.pick(0.10, 0.15, 0.20, 0.25, 0.30);
            } else if (group == 1) {
                d = 6 + r.pick(0.14, 0.09, 0.12, 0.26);
            } else {
                double[] w = new double[19];
                for (int k = 0; k < w.length; k++) {
                    w[k] = Math.pow(0.8, k);
                }
                d = 10 + r.pick(w);
            }
        }
        story.docetaxelAdmins = d;
        int day = 0;
        for (int i = 0; i < d; i++) {
            docetaxelDays.add(day);
            day += 21 + (r.chance(0.08) ? 7 : r.between(0, 2));
        }
        if (r.chance(0.03)) { // switched to weekly paclitaxel (hypersensitivity): a substitution, same line
            int start = day;
            for (int i = 0; i < r.between(3, 9); i++) {
                paclitaxelDays.add(start + 7 * i);
            }
        }
        story.longTermResponder = Boolean.TRUE.equals(story.responder) && r.chance(0.167);
    }

    private int lastTaxaneDay() {
        return paclitaxelDays.isEmpty() ? docetaxelDays.get(docetaxelDays.size() - 1)
                : paclitaxelDays.get(paclitaxelDays.size() - 1);
    }

    private void drawIndexAndFollowUp() {
        int need = Math.max(lastTaxaneDay() + 40, 80);
        if (story.longTermResponder) {
            need = Math.max(need, 1150);
        }
        int maxOffset = PatientGenerator.days(PatientGenerator.STUDY_START, extractDate);
        int offset;
        do {
            offset = 14 + (th ? TH_ERA_SHIFT_DAYS : 0) + (int) Math.round(r.exponential(1340));
        } while (offset > maxOffset || offset < need);
        index = extractDate.minusDays(offset);
        followUpDays = offset;
        if (r.chance(0.12)) { // lost to follow-up
            followUpDays = r.between(need, offset);
        }
        story.indexDate = index;
        // assessments every ~9 weeks from the first at 8-10 weeks
        int a = r.between(56, 70);
        if (story.bestResponse.equals("PD")) { // the first assessment shows the PD, after the last docetaxel
            a = Math.max(a, lastTaxaneDay() + 7);
        }
        while (a <= followUpDays) {
            assessmentDays.add(a);
            a += r.between(56, 70);
        }
    }

    private void drawProgressionAndDeath() {
        String bor = story.bestResponse;
        int lo = lastTaxaneDay() + 7;
        int hi = Integer.MAX_VALUE;
        if (bor.equals("CR") && assessmentDays.size() >= 2) {
            lo = Math.max(lo, assessmentDays.get(1) + 1);
        } else if (!bor.equals("PD") && !assessmentDays.isEmpty()) {
            lo = Math.max(lo, assessmentDays.get(0) + 1);
        }
        if (story.longTermResponder) {
            lo = Math.max(lo, 1100);
        } else if (Boolean.TRUE.equals(story.responder) && followUpDays >= 1066) {
            hi = 1000;
        }
        double multiplier = switch (bor) {
            case "CR" -> 1.8;
            case "PR" -> 1.0;
            case "SD" -> 0.55;
            default -> 0.9;
        } * (story.docetaxelAdmins < 6 ? 0.6 : 1.0) * (th ? TH_PFS_FACTOR : 1.0);
        boolean deathFirst = !bor.equals("PD") && r.chance(PatientGenerator.DEATH_FIRST);
        double t;
        if (bor.equals("PD")) {
            t = assessmentDays.isEmpty() ? Double.MAX_VALUE : Math.max(assessmentDays.get(0), lo);
        } else {
            t = truncatedWeibull(PatientGenerator.PFS_SHAPE, PatientGenerator.PFS_SCALE * multiplier, lo,
                    Math.max(hi, lo + 1));
        }
        double ppsScale = PatientGenerator.PPS_SCALE * (story.docetaxelAdmins < 6 ? 0.5 : 1.0) * (th ? TH_PPS_FACTOR : 1.0);
        if (story.priorAntiHer2) {
            ppsScale /= 1.5;
        }
        if (story.diseaseSetting.equals("RELAPSED") && !story.priorAntiHer2) {
            ppsScale *= 2.6; // offsets, within relapsed disease, the prior anti-HER2 effect only relapsed patients carry:
                             // the paper saw worse OS after prior anti-HER2 but none between de novo and relapsed
        }
        if (deathFirst) {
            deathDay = (int) Math.round(t);
        } else {
            // PD is seen at the first assessment on or after the latent progression time
            for (int a : assessmentDays) {
                if (a >= t) {
                    pdDay = a;
                    break;
                }
            }
            if (pdDay != null) {
                deathDay = pdDay + (int) Math.round(r.weibull(PatientGenerator.PPS_SHAPE, ppsScale));
            } else {
                deathDay = (int) Math.round(t + r.weibull(PatientGenerator.PPS_SHAPE, ppsScale));
            }
        }
    }

    /** Disease setting, relapse context and perioperative treatment, drawn early because they change OS. */
    private void drawSettingAndPriorTreatment() {
        story.diseaseSetting = r.chance(0.539) ? "DE_NOVO" : "RELAPSED";
        story.perioperativeChemo = false;
        story.priorAntiHer2 = false;
        if (story.diseaseSetting.equals("RELAPSED")) {
            story.relapseContext = new String[] {"CURATIVE_SURGERY", "NEOADJUVANT_PROGRESSION", "UNKNOWN"}[r.pick(0.914, 0.057, 0.029)];
            story.perioperativeChemo = story.relapseContext.equals("NEOADJUVANT_PROGRESSION")
                    || (story.relapseContext.equals("CURATIVE_SURGERY") && r.chance(0.865));
            story.priorAntiHer2 = story.perioperativeChemo && r.chance(0.75);
        }
    }

    private double truncatedWeibull(double shape, double scale, double lo, double hi) {
        double fLo = 1 - Math.exp(-Math.pow(lo / scale, shape));
        double fHi = hi >= Integer.MAX_VALUE ? 1 : 1 - Math.exp(-Math.pow(hi / scale, shape));
        double u = fLo + (fHi - fLo) * r.uniform();
        if (u >= 1) {
            return hi;
        }
        return scale * Math.pow(-Math.log(1 - u), 1 / shape);
    }

    private void planIndexLine() {
        int stop = Math.min(followUpDays, deathDay - 1);
        if (pdDay != null && pdDay <= stop && r.chance(0.96)) {
            int start = pdDay + r.between(10, 35);
            if (start <= Math.min(followUpDays, deathDay - 1)) {
                nextLineDay = start;
                nextRegimen = new String[] {"trastuzumab emtansine", "capecitabine+lapatinib",
                    "cyclophosphamide+doxorubicin", "trastuzumab+vinorelbine"}[r.pick(0.722, 0.175, 0.063, 0.04)];
            }
        }
        int until = pdDay != null ? Math.min(pdDay, stop) : stop;
        int day = 0;
        while (day <= until) {
            antibodyDays.add(day);
            int idx = docetaxelDays.indexOf(day);
            int next = idx >= 0 && idx + 1 < docetaxelDays.size() ? docetaxelDays.get(idx + 1) : -1;
            day = next > 0 ? next : day + 21 + (r.chance(0.05) ? 7 : r.between(0, 1));
        }
        lineEndDay = Math.max(antibodyDays.get(antibodyDays.size() - 1), lastTaxaneDay());
        story.indexLineEnd = index.plusDays(lineEndDay);
        if (Boolean.TRUE.equals(story.responder)) {
            story.longTermResponder = lineEndDay >= 1066;
        } else {
            story.longTermResponder = story.measurable ? false : null;
        }
    }

    private void drawCovariates() {
        int ageGroup = r.pick(0.061, 0.280, 0.359, 0.298);
        int age = switch (ageGroup) {
            case 0 -> r.between(26, 40);
            case 1 -> r.between(41, 50);
            case 2 -> r.between(51, 60);
            default -> r.between(61, 78);
        };
        story.ageAtIndex = age;
        story.ageGroup = Story.ageGroup(age);
        story.birthDate = birthForAge(index, age);
        if (r.chance(0.035)) {
            story.menopausalStatus = "UNKNOWN";
        } else {
            double post = new double[] {0.0, 0.10, 0.53, 0.90}[ageGroup];
            story.menopausalStatus = r.chance(post) ? "POST" : "PRE";
        }
        story.hrStatus = new String[] {"POSITIVE", "NEGATIVE", "UNKNOWN"}[r.pick(0.543, 0.412, 0.045)];
        story.her2Basis = r.chance(0.85) ? "IHC3" : "ISH";
        story.visceral = r.chance(0.342);
        story.bone = r.chance(0.223);
        story.brain = r.chance(0.026);
    }

    private void closeTimeline() {
        LocalDate death = index.plusDays(deathDay);
        LocalDate lastSeen = index.plusDays(followUpDays);
        rows.lastRecordDay(closeFollowUp(death, lastSeen));
        LocalDate end = story.deathDate != null ? story.deathDate : story.lastContact;
        int endDay = PatientGenerator.days(index, end);
        story.osDays = endDay;
        story.osEvent = story.deathDate != null ? 1 : 0;
        if (pdDay != null && pdDay <= endDay) {
            story.pdDate = index.plusDays(pdDay);
            story.pfsDays = pdDay;
            story.pfsEvent = 1;
            story.pfsEventType = "PD";
        } else if (story.deathDate != null) {
            story.pfsDays = endDay;
            story.pfsEvent = 1;
            story.pfsEventType = "DEATH";
            pdDay = null;
        } else {
            story.pfsDays = endDay;
            story.pfsEvent = 0;
            pdDay = null;
        }
        if (nextLineDay != null && nextLineDay > endDay) {
            nextLineDay = null;
        }
        if (nextLineDay != null) {
            story.nextLineStart = index.plusDays(nextLineDay);
            story.nextLineRegimen = nextRegimen;
        }
        rows.patient(story.birthDate, story.deathDate,
                story.deathDate != null && r.chance(0.5) ? null : story.lastContact, story.menopausalStatus);
    }

    private LocalDate windowEnd() {
        LocalDate end = story.indexLineEnd.plusDays(30);
        if (story.nextLineStart != null && story.nextLineStart.minusDays(1).isBefore(end)) {
            end = story.nextLineStart.minusDays(1);
        }
        return end;
    }

    // ---- rows ------------------------------------------------------------------------------

    private void writeIndexLine() {
        boolean biosimilarSwitch = r.chance(0.25);
        boolean pegfilgrastim = r.chance(0.3);
        boolean endocrineAddon = story.hrStatus.equals("POSITIVE") && r.chance(0.4);
        Vocabulary.Drug trastuzumab = Vocabulary.TRASTUZUMAB_IV[r.between(0, Vocabulary.TRASTUZUMAB_IV.length - 1)];
        Vocabulary.Drug pertuzumab = Vocabulary.PERTUZUMAB[r.between(0, Vocabulary.PERTUZUMAB.length - 1)];
        Vocabulary.Drug docetaxel = Vocabulary.DOCETAXEL[r.between(0, Vocabulary.DOCETAXEL.length - 1)];
        for (int i = 0; i < antibodyDays.size(); i++) {
            int day = antibodyDays.get(i);
            LocalDate date = index.plusDays(day);
            String order = rows.nextOrderId();
            boolean withDocetaxel = docetaxelDays.contains(day);
            if (withDocetaxel && i > 0 && r.chance(0.03)) { // the cycle was planned a week earlier, then cancelled
                LocalDate planned = date.minusDays(7);
                if (planned.isAfter(index.plusDays(antibodyDays.get(i - 1)))) {
                    rows.drug(planned, docetaxel, "75", "mg/m2", "CANCELLED", rows.nextOrderId());
                }
            }
            if (withDocetaxel) {
                rows.drug(date, docetaxel, "75", "mg/m2", "DONE", order);
                rows.drug(date, Vocabulary.DEXAMETHASONE, "8", "mg", "DONE", order);
                rows.drug(date, Vocabulary.ONDANSETRON, "8", "mg", "DONE", order);
                if (pegfilgrastim) {
                    rows.drug(date.plusDays(1), Vocabulary.PEGFILGRASTIM, "6", "mg", "DONE", rows.nextOrderId());
                }
            }
            Vocabulary.Drug t = trastuzumab;
            if (biosimilarSwitch && i > 0 && date.getYear() >= 2019) {
                t = r.chance(0.5) ? Vocabulary.TRASTUZUMAB_SC
                        : Vocabulary.TRASTUZUMAB_BIOSIMILAR[Math.abs(story.patientId.hashCode()) % 3];
            }
            if (t == Vocabulary.TRASTUZUMAB_SC) {
                rows.drug(date, t, "600", "mg", "DONE", order);
            } else if (i > 0 && r.chance(0.1)) { // two vials on one order: one administration
                rows.drug(date, t, "440", "mg", "DONE", order);
                rows.drug(date, t, "150", "mg", "DONE", order);
            } else {
                rows.drug(date, t, i == 0 ? "8" : "6", "mg/kg", "DONE", order);
            }
            if (!th) {
                rows.drug(date, pertuzumab, i == 0 ? "840" : "420", "mg", "DONE", order);
            }
            if (story.bone && i % 4 == 0) {
                rows.drug(date, Vocabulary.ZOLEDRONIC_ACID, "4", "mg", "DONE", order);
            }
        }
        for (int day : paclitaxelDays) {
            rows.drug(index.plusDays(day), Vocabulary.PACLITAXEL[1], "80", "mg/m2", "DONE", rows.nextOrderId());
        }
        LocalDate maintenance = null;
        int lastTaxane = lastTaxaneDay();
        for (int day : antibodyDays) {
            if (day > lastTaxane) {
                maintenance = index.plusDays(day);
                break;
            }
        }
        if (endocrineAddon && maintenance != null) {
            for (LocalDate d = maintenance; !d.isAfter(story.indexLineEnd); d = d.plusDays(84)) {
                rows.drug(d, Vocabulary.LETROZOLE, "2.5", "mg", "DONE", rows.nextOrderId());
            }
        }
        int seq = story.lines.size() + 1;
        String regimen = th ? TH : THP;
        story.lines.add(new LineTruth(seq, "METASTATIC", 1, regimen, label(regimen), index, story.indexLineEnd));
        story.maintenanceStart = maintenance;
    }

    private void writeNextLine() {
        if (nextLineDay == null) {
            return;
        }
        LocalDate start = story.nextLineStart;
        int cycles = nextRegimen.equals("cyclophosphamide+doxorubicin") ? 4 : r.between(4, 30);
        LocalDate last = start;
        for (int i = 0; i < cycles; i++) {
            LocalDate d = start.plusDays(21L * i);
            if (!rows.within(d)) {
                break;
            }
            last = d;
            String order = rows.nextOrderId();
            switch (nextRegimen) {
                case "trastuzumab emtansine" -> rows.drug(d, Vocabulary.TDM1[r.between(0, 3)], "3.6", "mg/kg", "DONE", order);
                case "capecitabine+lapatinib" -> {
                    rows.drug(d, Vocabulary.CAPECITABINE, "2000", "mg", "DONE", order);
                    rows.drug(d, Vocabulary.LAPATINIB, "1250", "mg", "DONE", order);
                }
                case "cyclophosphamide+doxorubicin" -> {
                    rows.drug(d, Vocabulary.DOXORUBICIN, "60", "mg/m2", "DONE", order);
                    rows.drug(d, Vocabulary.CYCLOPHOSPHAMIDE, "600", "mg/m2", "DONE", order);
                }
                default -> {
                    rows.drug(d, Vocabulary.VINORELBINE, "25", "mg/m2", "DONE", order);
                    rows.drug(d, Vocabulary.TRASTUZUMAB_IV[0], "6", "mg/kg", "DONE", order);
                }
            }
        }
        story.lines.add(new LineTruth(story.lines.size() + 1, "METASTATIC", 2, nextRegimen, label(nextRegimen), start, last));
    }

    static String label(String regimen) {
        return switch (regimen) {
            case THP -> "THP";
            case TH, "paclitaxel+trastuzumab" -> "TH";
            case "trastuzumab emtansine" -> "T-DM1";
            default -> regimen;
        };
    }

    private void writeAssessments() {
        LocalDate baseline = index.minusDays(r.between(3, 35));
        Integer lastEvaluable = Assessments.write(r, rows, story, baseline, index, assessmentDays, pdDay, nextLineDay);
        trialPfs(lastEvaluable == null ? 0 : lastEvaluable);
    }

    /**
     * Trial PFS (domain-rules §5 {@code trial}) from the assessments written: the planted PD, or a
     * death within 126 days of the last evaluable assessment before it, else censored at that assessment.
     */
    private void trialPfs(int lastEvaluable) {
        if (story.pdDate != null) {
            story.pfsTrialDays = pdDay;
            story.pfsTrialEvent = 1;
        } else if (story.deathDate != null && story.osDays - lastEvaluable <= TRIAL_DEATH_WINDOW_DAYS) {
            story.pfsTrialDays = story.osDays;
            story.pfsTrialEvent = 1;
        } else {
            story.pfsTrialDays = lastEvaluable;
            story.pfsTrialEvent = 0;
        }
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static LocalDateTime morning(LocalDate d, PatientRandom r) {
        return d.atTime(r.between(7, 10), r.between(0, 59));
    }
}
