package org.oncorwe.cohort;

import org.oncorwe.ingest.dictionary.DrugClass;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The covariates of an included patient (outputs.md `cohort`, domain-rules §1, §4), in plain
 * Java, from the index line, the given administrations, the course and the reports.
 */
public final class CohortCovariates {

    /** One included patient's row of `cohort` (study and patient_key are the caller's). */
    public record Row(LocalDate indexDate, int ageAtIndex, String ageGroup, String menopausalStatus, String hrStatus,
                      String her2Basis, String diseaseSetting, String relapseContext, boolean curativeSurgery,
                      boolean perioperativeChemo, boolean priorAntiHer2, int docetaxelAdmins, int taxaneAdmins,
                      String docetaxelGroup, String docetaxelGe6, int thpCycles, Long dfiDays, String dfiGroup,
                      boolean visceralMets, boolean boneMets, boolean brainMets, String indexRegimen, String indexLabel,
                      LocalDate indexLineEnd) implements Serializable {
    }

    private static final double DAYS_PER_MONTH = 30.4375;

    private CohortCovariates() {
    }

    public static Row of(LinesOfTherapy.Line index, List<LinesOfTherapy.Line> lines, List<LinesOfTherapy.Given> given,
                         LocalDate birthDate, String menopausal, DiseaseCourse.Course course, List<DiseaseCourse.Event> events,
                         List<DiseaseCourse.Surgery> surgeries, String hrStatus, String her2Basis, DiseaseCourse.Params p) {
        LocalDate start = index.start();
        int age = Period.between(birthDate, start).getYears();
        Set<LocalDate> docetaxel = new TreeSet<>();
        Set<LocalDate> taxane = new TreeSet<>();
        Set<LocalDate> antibodies = new TreeSet<>();
        boolean priorAntiHer2 = false;
        for (LinesOfTherapy.Given g : given) {
            if (g.drugClass() != null && g.drugClass().isAntiHer2() && g.date().isBefore(start)) {
                priorAntiHer2 = true;
            }
            if (g.date().isBefore(start) || g.date().isAfter(index.end())) {
                continue;
            }
            if (g.ingredient().equals("docetaxel")) {
                docetaxel.add(g.date());
            }
            if (g.drugClass() == DrugClass.TAXANE) {
                taxane.add(g.date());
            }
            if (g.ingredient().equals("trastuzumab") || g.ingredient().equals("pertuzumab")) {
                antibodies.add(g.date());
            }
        }
        boolean periopChemo = lines.stream().anyMatch(l -> l.setting().equals("PERIOPERATIVE")
                && given.stream().anyMatch(g -> g.drugClass() != null && g.drugClass().isChemotherapy()
                        && !g.date().isBefore(l.start()) && !g.date().isAfter(l.end())));
        boolean curative = surgeries.stream().anyMatch(s -> "CURATIVE".equals(s.intent()) && s.date().isBefore(start));
        Long dfiDays = course.dfiMonths() == null ? null : Math.round(course.dfiMonths() * DAYS_PER_MONTH);
        Set<String> sites = DiseaseCourse.sitesAtIndex(events, start, p);
        int d = docetaxel.size();
        return new Row(start, age, ageGroup(age), menopausal, hrStatus, her2Basis, course.diseaseSetting(),
                course.relapseContext(), curative, periopChemo, priorAntiHer2, d, taxane.size(),
                d == 0 ? null : d < 6 ? "<6" : d <= 9 ? "6-9" : ">=10", d == 0 ? null : d < 6 ? "<6" : ">=6",
                antibodies.size(), dfiDays, dfiGroup(course.dfiMonths()), DiseaseCourse.visceral(sites), sites.contains("BONE"),
                sites.contains("BRAIN"), index.regimen(), index.label(), index.end());
    }

    static String ageGroup(int age) {
        return age <= 40 ? "<=40" : age <= 50 ? "41-50" : age <= 60 ? "51-60" : ">60";
    }

    static String dfiGroup(Double months) {
        if (months == null) {
            return null;
        }
        return months <= 6 ? "<=6" : months <= 12 ? ">6-12" : months <= 24 ? ">12-24" : ">24";
    }
}
