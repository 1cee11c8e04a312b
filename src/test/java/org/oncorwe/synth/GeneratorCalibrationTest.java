package org.oncorwe.synth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a 20 000-patient run of profile smc, every calibrated proportion p lies within
 * 3·sqrt(p(1-p)/n) of its target (n = its own denominator) and every calibrated median within
 * 10 % (paper-targets.md §1; the table in docs/sample-data.md).
 */
@Tag("unit")
class GeneratorCalibrationTest {

    static final GeneratorSettings SETTINGS = new GeneratorSettings(20_000, 20201031L, LocalDate.of(2020, 10, 31),
            Profile.SMC, DamageRates.none(), 200_000);

    private static List<Story> all;
    private static List<Story> cohort;

    @BeforeAll
    static void generate() {
        all = SyntheticRegistry.stories(SETTINGS).toList();
        cohort = all.stream().filter(s -> "INCLUDED".equals(s.expectedStep)).toList();
    }

    /** One calibrated proportion. */
    record Target(String name, double p, Predicate<Story> denominator, Predicate<Story> numerator) {
    }

    static List<Target> targets() {
        Predicate<Story> inCohort = s -> "INCLUDED".equals(s.expectedStep);
        Predicate<Story> relapsed = inCohort.and(s -> "RELAPSED".equals(s.diseaseSetting));
        Predicate<Story> afterSurgery = relapsed.and(s -> "CURATIVE_SURGERY".equals(s.relapseContext));
        Predicate<Story> measurable = inCohort.and(s -> s.measurable);
        Predicate<Story> responders = measurable.and(s -> s.responder);
        List<Target> t = new ArrayList<>();
        t.add(new Target("cohort share of registry", 0.228, s -> true, inCohort));
        t.add(new Target("age <=40", 0.061, inCohort, s -> "<=40".equals(s.ageGroup)));
        t.add(new Target("age 41-50", 0.280, inCohort, s -> "41-50".equals(s.ageGroup)));
        t.add(new Target("age 51-60", 0.359, inCohort, s -> "51-60".equals(s.ageGroup)));
        t.add(new Target("age >60", 0.298, inCohort, s -> ">60".equals(s.ageGroup)));
        t.add(new Target("pre-menopausal", 0.495, inCohort, s -> "PRE".equals(s.menopausalStatus)));
        t.add(new Target("post-menopausal", 0.469, inCohort, s -> "POST".equals(s.menopausalStatus)));
        t.add(new Target("HR positive", 0.543, inCohort, s -> "POSITIVE".equals(s.hrStatus)));
        t.add(new Target("HR negative", 0.412, inCohort, s -> "NEGATIVE".equals(s.hrStatus)));
        t.add(new Target("de novo", 0.539, inCohort, s -> "DE_NOVO".equals(s.diseaseSetting)));
        t.add(new Target("relapsed: curative surgery", 96 / 105.0, relapsed, s -> "CURATIVE_SURGERY".equals(s.relapseContext)));
        t.add(new Target("relapsed: neoadjuvant progression", 6 / 105.0, relapsed, s -> "NEOADJUVANT_PROGRESSION".equals(s.relapseContext)));
        t.add(new Target("perioperative chemo after surgery", 83 / 96.0, afterSurgery, s -> s.perioperativeChemo));
        t.add(new Target("DFI >6-12", 5 / 92.0, afterSurgery, s -> s.dfiMonths > 6 && s.dfiMonths <= 12));
        t.add(new Target("DFI >12-24", 23 / 92.0, afterSurgery, s -> s.dfiMonths > 12 && s.dfiMonths <= 24));
        t.add(new Target("prior anti-HER2", 0.293, inCohort, s -> s.priorAntiHer2));
        t.add(new Target("docetaxel <6", 0.087, inCohort, s -> s.docetaxelAdmins < 6));
        t.add(new Target("docetaxel 6-9", 139 / 228.0, inCohort, s -> s.docetaxelAdmins >= 6 && s.docetaxelAdmins <= 9));
        t.add(new Target("visceral", 0.342, inCohort, s -> s.visceral));
        t.add(new Target("bone", 0.223, inCohort, s -> s.bone));
        t.add(new Target("brain", 0.026, inCohort, s -> s.brain));
        t.add(new Target("measurable", 220 / 228.0, inCohort, s -> s.measurable));
        t.add(new Target("CR of measurable", 0.177, measurable, s -> "CR".equals(s.bestResponse)));
        t.add(new Target("ORR of measurable", 0.868, measurable, s -> s.responder));
        t.add(new Target("SD of measurable", 0.113, measurable, s -> "SD".equals(s.bestResponse)));
        t.add(new Target("PD of measurable", 0.018, measurable, s -> "PD".equals(s.bestResponse)));
        t.add(new Target("long-term responders", 32 / 191.0, responders, s -> s.longTermResponder));
        t.add(grade("neutropenia 1-2", 0.241, "Neutrophil count decreased", 1, 2));
        t.add(grade("neutropenia 3", 0.122, "Neutrophil count decreased", 3, 3));
        t.add(grade("neutropenia 4", 0.153, "Neutrophil count decreased", 4, 4));
        t.add(grade("febrile neutropenia", 0.092, "Febrile neutropenia", 3, 5));
        t.add(grade("diarrhea 1-2", 37 / 228.0, "Diarrhea", 1, 2));
        t.add(grade("diarrhea 3-4", 8 / 228.0, "Diarrhea", 3, 4));
        t.add(grade("nausea 1-2", 126 / 228.0, "Nausea", 1, 2));
        t.add(grade("nausea 3", 45 / 228.0, "Nausea", 3, 4));
        t.add(grade("vomiting 1-2", 105 / 228.0, "Vomiting", 1, 2));
        t.add(grade("vomiting 3-4", 31 / 228.0, "Vomiting", 3, 4));
        t.add(grade("mucositis 1-2", 118 / 228.0, "Mucositis oral", 1, 2));
        t.add(grade("mucositis 3-4", 35 / 228.0, "Mucositis oral", 3, 4));
        t.add(grade("neuropathy 1-2", 62 / 228.0, "Peripheral sensory neuropathy", 1, 2));
        t.add(grade("neuropathy 3", 20 / 228.0, "Peripheral sensory neuropathy", 3, 4));
        return t;
    }

    static Target grade(String name, double p, String term, int lo, int hi) {
        return new Target(name, p, s -> "INCLUDED".equals(s.expectedStep), s -> s.toxicities.stream()
                .anyMatch(t -> t.term().equals(term) && t.maxGrade() >= lo && t.maxGrade() <= hi));
    }

    @Test
    void everyProportionWithinThreeStandardErrors() {
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Target t : targets()) {
            List<Story> den = all.stream().filter(t.denominator()).toList();
            long num = den.stream().filter(t.numerator()).count();
            double observed = (double) num / den.size();
            double bound = 3 * Math.sqrt(t.p() * (1 - t.p()) / den.size());
            String line = String.format(Locale.ROOT, "%-36s target %.4f observed %.4f (n=%d, bound %.4f)%n",
                    t.name(), t.p(), observed, den.size(), bound);
            report.append(line);
            if (Math.abs(observed - t.p()) > bound) {
                failures.add(line.strip());
            }
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), () -> "outside 3 standard errors:\n" + String.join("\n", failures));
    }

    @Test
    void mediansWithinTenPercent() {
        double os = kmMedian(cohort, s -> s.osDays, s -> s.osEvent) / PatientGenerator.DAYS_PER_MONTH;
        double pfs = kmMedian(cohort, s -> s.pfsDays, s -> s.pfsEvent) / PatientGenerator.DAYS_PER_MONTH;
        List<Story> surgery = cohort.stream().filter(s -> s.dfiMonths != null).toList();
        double dfi = median(surgery.stream().map(s -> s.dfiMonths).toList());
        double docetaxel = median(cohort.stream().map(s -> (double) s.docetaxelAdmins).toList());
        System.out.printf(Locale.ROOT, "median OS %.1f PFS %.1f DFI %.1f docetaxel %.1f (cohort %d)%n", os, pfs, dfi,
                docetaxel, cohort.size());
        assertWithin(58.3, os, "median OS (months)");
        assertWithin(19.1, pfs, "median PFS (months)");
        assertWithin(38.5, dfi, "median DFI (months)");
        assertEquals(9.0, docetaxel, "median docetaxel administrations");
    }

    @Test
    void thePapersEffectsArePlanted() {
        Map<Boolean, List<Story>> byDocetaxel = cohort.stream().collect(Collectors.partitioningBy(s -> s.docetaxelAdmins >= 6));
        Map<Boolean, List<Story>> byPrior = cohort.stream().collect(Collectors.partitioningBy(s -> s.priorAntiHer2));
        Map<Boolean, List<Story>> bySetting = cohort.stream().collect(Collectors.partitioningBy(s -> "DE_NOVO".equals(s.diseaseSetting)));
        double under6 = kmMedian(byDocetaxel.get(false), s -> s.osDays, s -> s.osEvent);
        double over6 = kmMedian(byDocetaxel.get(true), s -> s.osDays, s -> s.osEvent);
        double prior = kmMedian(byPrior.get(true), s -> s.osDays, s -> s.osEvent);
        double naive = kmMedian(byPrior.get(false), s -> s.osDays, s -> s.osEvent);
        double deNovo = kmMedian(bySetting.get(true), s -> s.osDays, s -> s.osEvent);
        double relapsed = kmMedian(bySetting.get(false), s -> s.osDays, s -> s.osEvent);
        System.out.printf(Locale.ROOT, "OS <6 %.0f >=6 %.0f; prior %.0f naive %.0f; de novo %.0f relapsed %.0f%n",
                under6, over6, prior, naive, deNovo, relapsed);
        assertTrue(under6 < 0.6 * over6, "worse OS with < 6 docetaxel");
        assertTrue(prior < 0.85 * naive, "worse OS with prior anti-HER2");
        assertTrue(Math.abs(deNovo - relapsed) / relapsed < 0.15, "no difference de novo vs relapsed");
    }

    /**
     * Writes the bundled sample's marginals beside the paper's (target/sample-marginals.md, copied into
     * docs/sample-data.md): the committed sample is generated with these settings.
     */
    @Test
    void sampleMarginalsTable() throws java.io.IOException {
        GeneratorSettings sample = new GeneratorSettings(1000, 20201031L, LocalDate.of(2020, 10, 31), Profile.SMC,
                DamageRates.none(), 200_000);
        List<Story> stories = SyntheticRegistry.stories(sample).toList();
        List<Story> inCohort = stories.stream().filter(s -> "INCLUDED".equals(s.expectedStep)).toList();
        StringBuilder md = new StringBuilder("| measure | paper | sample (n) |\n|---|---|---|\n");
        for (Target t : targets()) {
            List<Story> den = stories.stream().filter(t.denominator()).toList();
            long num = den.stream().filter(t.numerator()).count();
            md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% (%d/%d) |%n", t.name(), 100 * t.p(),
                    100.0 * num / den.size(), num, den.size()));
        }
        md.append(String.format(Locale.ROOT, "| median OS, months | 58.3 | %.1f |%n",
                kmMedian(inCohort, s -> s.osDays, s -> s.osEvent) / PatientGenerator.DAYS_PER_MONTH));
        md.append(String.format(Locale.ROOT, "| median PFS, months | 19.1 | %.1f |%n",
                kmMedian(inCohort, s -> s.pfsDays, s -> s.pfsEvent) / PatientGenerator.DAYS_PER_MONTH));
        md.append(String.format(Locale.ROOT, "| deaths | 60 (26.3 %%) | %d (%.1f %%) |%n",
                inCohort.stream().filter(s -> s.osEvent == 1).count(),
                100.0 * inCohort.stream().filter(s -> s.osEvent == 1).count() / inCohort.size()));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "sample-marginals.md"), md.toString());
        assertTrue(inCohort.size() > 150 && inCohort.size() < 300, "about one registry patient in four or five");
    }

    private static void assertWithin(double target, double observed, String what) {
        assertTrue(Math.abs(observed - target) <= 0.1 * target,
                () -> String.format(Locale.ROOT, "%s %.2f not within 10%% of %.2f", what, observed, target));
    }

    /** Kaplan-Meier median (first time S <= 0.5), events before censorings at ties. */
    static double kmMedian(List<Story> group, java.util.function.ToIntFunction<Story> time,
                           java.util.function.ToIntFunction<Story> event) {
        List<int[]> rows = group.stream().map(s -> new int[] {time.applyAsInt(s), event.applyAsInt(s)})
                .sorted(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> -a[1])).toList();
        double surv = 1;
        int atRisk = rows.size();
        int i = 0;
        while (i < rows.size()) {
            int t = rows.get(i)[0];
            int events = 0;
            int leaving = 0;
            while (i < rows.size() && rows.get(i)[0] == t) {
                events += rows.get(i)[1];
                leaving++;
                i++;
            }
            surv *= 1 - (double) events / atRisk;
            atRisk -= leaving;
            if (surv <= 0.5) {
                return t;
            }
        }
        return Double.NaN;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
