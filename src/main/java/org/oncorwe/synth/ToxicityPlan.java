package org.oncorwe.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labs, vitals and recorded AEs of a cohort patient, carrying planted maximum CTCAE grades
 * (domain-rules §6) at the SMC study's Table 3 rates. Values are placed strictly inside a
 * band, never on an edge; the truth is read back from the values written with this class's
 * own band table (synth uses no grader of the pipeline).
 */
final class ToxicityPlan {

    private final PatientRandom r;
    private final Rows rows;
    private final Story story;
    private final LocalDate index;
    private final LocalDate windowEnd;
    /** Counted lab-derived grades per CTCAE term: date -> max grade that day. */
    private final Map<String, TreeMap<LocalDate, Integer>> labGrades = new TreeMap<>();
    private final Map<String, TreeMap<LocalDate, Integer>> recordedGrades = new TreeMap<>();

    private ToxicityPlan(PatientRandom r, Rows rows, Story story, LocalDate index, LocalDate windowEnd) {
        this.r = r;
        this.rows = rows;
        this.story = story;
        this.index = index;
        LocalDate last = rows.lastRecordDay();
        this.windowEnd = windowEnd.isAfter(last) ? last : windowEnd;
    }

    static void write(PatientRandom r, Rows rows, Story story, LocalDate index, List<Integer> docetaxelDays,
                      List<Integer> cycleDays, LocalDate windowEnd) {
        ToxicityPlan plan = new ToxicityPlan(r, rows, story, index, windowEnd);
        plan.labs(docetaxelDays, cycleDays);
        plan.lvef();
        plan.recordedAes();
        plan.truth();
    }

    private boolean inWindow(LocalDate d) {
        return d.isAfter(index) && !d.isAfter(windowEnd);
    }

    // ---- labs -------------------------------------------------------------------------------

    private void labs(List<Integer> docetaxelDays, List<Integer> cycleDays) {
        List<LocalDateTime> nadirs = new ArrayList<>();
        for (int i = 0; i < Math.min(8, docetaxelDays.size()); i++) {
            LocalDateTime t = CohortPatient.morning(index.plusDays(docetaxelDays.get(i) + r.between(7, 10)), r);
            if (inWindow(t.toLocalDate())) {
                nadirs.add(t);
            }
        }
        List<LocalDateTime> cycles = new ArrayList<>();
        for (int day : cycleDays) {
            LocalDateTime t = CohortPatient.morning(index.plusDays(day), r);
            if (day == 0 || inWindow(t.toLocalDate())) {
                cycles.add(t);
            }
        }
        // baseline a few days before index, all analytes normal
        LocalDateTime baseline = CohortPatient.morning(index.minusDays(r.between(1, 7)), r);
        cbc(baseline, r.uniform(2.5, 6.0), r.uniform(12.1, 14.5), r.between(160, 350), false);
        chemistry(baseline, r.uniform(10, 35), r.uniform(10, 35));
        temperature(baseline);

        int anc = r.pick(0.483, 0.10, 0.141, 0.122, 0.153);
        int anemia = r.pick(0.50, 0.42, 0.08);
        int platelets = r.chance(0.08) ? 1 : 0;
        int maxNadir = nadirs.isEmpty() ? -1 : r.between(0, nadirs.size() - 1);
        boolean febrile = anc >= 3 && r.chance(0.335) && maxNadir >= 0;
        story.febrileNeutropenia = febrile;
        for (int i = 0; i < nadirs.size(); i++) {
            LocalDateTime t = nadirs.get(i);
            int g = i == maxNadir ? anc : r.between(0, anc);
            double ancValue = ancIn(g);
            int hbGrade = i == maxNadir ? anemia : r.between(0, anemia);
            int pltGrade = i == maxNadir ? platelets : 0;
            cbc(t, ancValue, hbIn(hbGrade), pltGrade == 1 ? r.between(80, 145) : r.between(155, 380), false);
            if (i == maxNadir && febrile) {
                LocalDateTime fever = t.plusHours(r.between(-6, 6)).plusMinutes(r.between(0, 59));
                rows.measurement(fever, "BODY_TEMPERATURE", CohortPatient.fmt(r.uniform(38.4, 39.4), 1), "C");
                if (r.chance(0.5)) {
                    rows.adverseEvent(t.toLocalDate(), Vocabulary.FEBRILE_NEUTROPENIA, 3, "docetaxel");
                    record("Febrile neutropenia", t.toLocalDate(), 3);
                }
                count("Febrile neutropenia", t.toLocalDate(), 3);
            }
        }
        int alt = r.chance(0.12) ? 1 : 0;
        int ast = r.chance(0.10) ? 1 : 0;
        for (int i = 0; i < cycles.size(); i++) {
            LocalDateTime t = cycles.get(i);
            boolean derived = i > 0 && r.chance(0.05);
            // the index-day sample is the baseline (domain-rules §6): always grade 0
            cbc(t, r.uniform(2.0, 5.5), hbIn(i == 0 ? 0 : Math.min(anemia, r.between(0, 1))), r.between(155, 380), derived);
            if (i % 2 == 0 || i == cycles.size() - 1) {
                boolean last = i > 0 && i >= cycles.size() - 2;
                chemistry(t, last && alt == 1 ? r.uniform(45, 115) : r.uniform(8, 40),
                        last && ast == 1 ? r.uniform(45, 115) : r.uniform(8, 40));
            }
            temperature(t);
        }
    }

    /** An ANC (10^9/L, 2 decimals) strictly inside grade g's band (LLN 1.8). */
    private double ancIn(int g) {
        return switch (g) {
            case 0 -> r.uniform(2.0, 5.0);
            case 1 -> r.uniform(1.55, 1.75);
            case 2 -> r.uniform(1.05, 1.45);
            case 3 -> r.uniform(0.55, 0.95);
            default -> r.uniform(0.05, 0.45);
        };
    }

    private double hbIn(int g) {
        return switch (g) {
            case 0 -> r.uniform(12.1, 14.5);
            case 1 -> r.uniform(10.1, 11.8);
            default -> r.uniform(8.1, 9.8);
        };
    }

    private void cbc(LocalDateTime t, double ancValue, double hbValue, int plt, boolean derivedAnc) {
        BigDecimal anc = round(ancValue, 2);
        BigDecimal wbc = anc.add(round(r.uniform(2.25, 3.0), 2));
        if (derivedAnc) {
            int pct = r.between(45, 70);
            rows.lab(t, Vocabulary.NEUT_PCT, Integer.toString(pct), "%", "40", "75");
            BigDecimal derived = wbc.multiply(BigDecimal.valueOf(pct)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
            count(Vocabulary.NEUTROPHIL_DECREASED, t.toLocalDate(), countGrade(derived.setScale(2, RoundingMode.HALF_UP), 1.8));
        } else {
            writeCount(t, r.chance(0.3) ? Vocabulary.ANC_ALT : Vocabulary.ANC, anc, "1.8", "7.5");
            if (inWindow(t.toLocalDate())) {
                int centis = anc.movePointRight(2).intValueExact();
                story.ancNadirCentis = story.ancNadirCentis == null ? centis : Math.min(centis, story.ancNadirCentis);
            }
            count(Vocabulary.NEUTROPHIL_DECREASED, t.toLocalDate(), countGrade(anc, 1.8));
        }
        Row wbcRow = writeCount(t, Vocabulary.WBC, wbc, "4.0", "10.0");
        if (derivedAnc) {
            wbcRow.damaged("DERIVED_ANC", "DERIVED_ANC"); // a planted finding, not a defect
        }
        count(Vocabulary.WBC_DECREASED, t.toLocalDate(), wbcGrade(wbc));
        BigDecimal hb = round(hbValue, 1);
        if (r.chance(0.2)) {
            rows.lab(t, Vocabulary.HB, hb.movePointRight(1).setScale(0, RoundingMode.UNNECESSARY).toPlainString(), "g/L", "120", "160");
        } else {
            rows.lab(t, Vocabulary.HB, hb.toPlainString(), "g/dL", "12.0", "16.0");
        }
        count(Vocabulary.ANEMIA, t.toLocalDate(), hb.compareTo(BigDecimal.valueOf(80, 1)) < 0 ? 3
                : hb.compareTo(BigDecimal.TEN) < 0 ? 2 : hb.compareTo(BigDecimal.valueOf(120, 1)) < 0 ? 1 : 0);
        rows.lab(t, Vocabulary.PLT, Integer.toString(plt), r.chance(0.5) ? "10^3/uL" : "x10^9/L", "150", "400");
        count(Vocabulary.PLATELET_DECREASED, t.toLocalDate(), plt < 25 ? 4 : plt < 50 ? 3 : plt < 75 ? 2 : plt < 150 ? 1 : 0);
    }

    /** A count in 10^9/L written in one of the lab's units (exactly convertible). */
    private Row writeCount(LocalDateTime t, Vocabulary.Lab lab, BigDecimal value, String low, String high) {
        return switch (r.pick(0.6, 0.25, 0.15)) {
            case 0 -> rows.lab(t, lab, value.toPlainString(), "10^3/uL", low, high);
            case 1 -> rows.lab(t, lab, value.toPlainString(), "x10^9/L", low, high);
            default -> rows.lab(t, lab, value.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).toPlainString(), "/uL",
                    new BigDecimal(low).movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).toPlainString(),
                    new BigDecimal(high).movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).toPlainString());
        };
    }

    private void chemistry(LocalDateTime t, double alt, double ast) {
        int altValue = (int) Math.round(alt);
        int astValue = (int) Math.round(ast);
        rows.lab(t, Vocabulary.ALT, Integer.toString(altValue), r.chance(0.5) ? "U/L" : "IU/L", "0", "40");
        rows.lab(t, Vocabulary.AST, Integer.toString(astValue), r.chance(0.5) ? "U/L" : "IU/L", "0", "40");
        count(Vocabulary.ALT_INCREASED, t.toLocalDate(), ulnGrade(altValue, 40));
        count(Vocabulary.AST_INCREASED, t.toLocalDate(), ulnGrade(astValue, 40));
        BigDecimal bil = round(r.uniform(0.3, 1.1), 1);
        if (r.chance(0.3)) {
            rows.lab(t, Vocabulary.TBIL, bil.multiply(new BigDecimal("17.1")).toPlainString(), "umol/L", "3.42", "20.52");
        } else {
            rows.lab(t, Vocabulary.TBIL, bil.toPlainString(), "mg/dL", "0.2", "1.2");
        }
        BigDecimal cr = round(r.uniform(0.6, 0.85), 2);
        if (r.chance(0.3)) {
            rows.lab(t, Vocabulary.CREAT, cr.multiply(new BigDecimal("88.42")).toPlainString(), "umol/L", "44.21", "97.262");
        } else {
            rows.lab(t, Vocabulary.CREAT, cr.toPlainString(), "mg/dL", "0.5", "1.1");
        }
    }

    /** A normal body temperature, sometimes charted in °F. */
    private void temperature(LocalDateTime t) {
        double c = r.uniform(36.3, 37.3);
        if (r.chance(0.1)) {
            rows.measurement(t, "BODY_TEMPERATURE", CohortPatient.fmt(c * 9 / 5 + 32, 1), "F");
        } else {
            rows.measurement(t, "BODY_TEMPERATURE", CohortPatient.fmt(c, 1), "C");
        }
    }

    private static BigDecimal round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }

    private static int countGrade(BigDecimal anc, double lln) {
        if (anc.compareTo(new BigDecimal("0.5")) < 0) {
            return 4;
        }
        if (anc.compareTo(BigDecimal.ONE) < 0) {
            return 3;
        }
        if (anc.compareTo(new BigDecimal("1.5")) < 0) {
            return 2;
        }
        return anc.compareTo(BigDecimal.valueOf(lln)) < 0 ? 1 : 0;
    }

    private static int wbcGrade(BigDecimal wbc) {
        return wbc.compareTo(BigDecimal.ONE) < 0 ? 4 : wbc.compareTo(BigDecimal.valueOf(2)) < 0 ? 3
                : wbc.compareTo(BigDecimal.valueOf(3)) < 0 ? 2 : wbc.compareTo(BigDecimal.valueOf(4)) < 0 ? 1 : 0;
    }

    private static int ulnGrade(int value, int uln) {
        return value > 20 * uln ? 4 : value > 5 * uln ? 3 : value > 3 * uln ? 2 : value > uln ? 1 : 0;
    }

    // ---- LVEF -------------------------------------------------------------------------------

    private void lvef() {
        int baseline = r.between(55, 70);
        rows.measurement(CohortPatient.morning(index.minusDays(r.between(7, 60)), r), "LVEF", Integer.toString(baseline), "%");
        boolean drop = r.chance(0.03);
        List<LocalDate> echoes = new ArrayList<>();
        for (LocalDate d = index.plusDays(90); inWindow(d); d = d.plusDays(r.between(80, 100))) {
            echoes.add(d);
        }
        int dropAt = drop && !echoes.isEmpty() ? r.between(0, echoes.size() - 1) : -1;
        for (int i = 0; i < echoes.size(); i++) {
            int value = i == dropAt ? baseline - r.between(12, Math.min(18, baseline - 40)) : baseline - r.between(0, 4);
            rows.measurement(CohortPatient.morning(echoes.get(i), r), "LVEF", Integer.toString(value), "%");
            int fall = baseline - value;
            int g = value < 20 ? 4 : value < 40 || fall >= 20 ? 3 : value <= 50 || fall >= 10 ? 2 : 0;
            count(Vocabulary.EF_DECREASED, echoes.get(i), g);
        }
    }

    // ---- recorded AEs ----------------------------------------------------------------------

    private void recordedAes() {
        recorded(Vocabulary.DIARRHEA, 0.10, 0.062, 0.030, 0.005);
        recorded(Vocabulary.NAUSEA, 0.30, 0.253, 0.197);
        recorded(Vocabulary.VOMITING, 0.26, 0.201, 0.116, 0.02);
        recorded(Vocabulary.MUCOSITIS, 0.30, 0.218, 0.144, 0.01);
        recorded(Vocabulary.NEUROPATHY, 0.16, 0.112, 0.088);
        recorded(Vocabulary.FATIGUE, 0.35, 0.15, 0.02);
        recorded(Vocabulary.ALOPECIA, 0.30, 0.40);
        recorded(Vocabulary.MYALGIA, 0.25, 0.05);
    }

    /** Planted maximum grade g with P(g = k) = p[k - 1]; one to three rows, one of them at g. */
    private void recorded(Vocabulary.AeTerm term, double... p) {
        double[] weights = new double[p.length + 1];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            weights[k + 1] = p[k];
            sum += p[k];
        }
        weights[0] = 1 - sum;
        int g = r.pick(weights);
        if (g == 0) {
            return;
        }
        int span = Math.max(0, PatientGenerator.days(index, windowEnd));
        int n = r.between(1, 3);
        int atMax = r.between(0, n - 1);
        java.util.Set<LocalDate> used = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            LocalDate onset = index.plusDays(r.between(0, Math.min(span, 150)));
            while (used.contains(onset) && onset.isBefore(windowEnd)) {
                onset = onset.plusDays(1); // two episodes of one term on one day could be one identical, collapsed row
            }
            if (!used.add(onset)) {
                continue;
            }
            int grade = i == atMax ? g : r.between(1, g);
            rows.adverseEvent(onset, term, grade, "docetaxel");
            record(term.ctcae(), onset, grade);
        }
    }

    // ---- truth ------------------------------------------------------------------------------

    private void count(String term, LocalDate day, int grade) {
        if (grade > 0 && inWindow(day)) { // baselines are grade 0 by construction
            labGrades.computeIfAbsent(term, t -> new TreeMap<>()).merge(day, grade, Math::max);
        }
    }

    private void record(String term, LocalDate onset, int grade) {
        if (!onset.isBefore(index) && !onset.isAfter(windowEnd)) {
            recordedGrades.computeIfAbsent(term, t -> new TreeMap<>()).merge(onset, grade, Math::max);
        }
    }

    private void truth() {
        TreeMap<String, Object> terms = new TreeMap<>();
        terms.putAll(labGrades);
        terms.putAll(recordedGrades);
        for (String term : terms.keySet()) {
            TreeMap<LocalDate, Integer> lab = labGrades.getOrDefault(term, new TreeMap<>());
            TreeMap<LocalDate, Integer> rec = recordedGrades.getOrDefault(term, new TreeMap<>());
            int labMax = lab.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int recMax = rec.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int max = Math.max(labMax, recMax);
            TreeMap<LocalDate, Integer> all = new TreeMap<>(lab);
            rec.forEach((d, g) -> all.merge(d, g, Math::max));
            LocalDate first = all.firstKey();
            LocalDate maxDate = all.entrySet().stream().filter(e -> e.getValue() == max).findFirst().orElseThrow().getKey();
            String source = labMax == max && recMax == max ? "BOTH" : labMax == max ? "LAB" : "RECORDED";
            story.toxicities.add(new ToxicityTruth(term, max, source, first, maxDate));
        }
    }
}

