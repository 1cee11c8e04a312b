package org.oncorwe.synth;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile cleopatra on a seeded 3 000-patient registry, run through the pipeline's plain-Java
 * rules ({@link ComparedPatients}: ingest, cohort study first_line_th_vs_thp, endpoints) and
 * compared as CLEOPATRA compared its arms ({@link ArmComparison}): THP vs TH (reference TH),
 * stratified by prior anti-HER2 therapy.
 *
 * <p>Tolerance: the generator's own HR, measured on 20 000 patients (about 11 900 compared), is
 * 0.619 for trial PFS and 0.637 for OS (docs/sample-data.md). On about 1 800 compared patients
 * the SE of log HR is about 0.05 (PFS, ~1 500 events) and 0.07 (OS, ~900 deaths), so a seeded run
 * lands within 3 SE of the target with probability 0.997: for PFS exp(±0.15) around 0.62, that is
 * [0.53, 0.72], inside issue #9's [0.52, 0.72] (asserted too). The SE asserted against is the
 * fitted one, not a constant.
 */
@Tag("unit")
class CleopatraProfileTest {

    static final LocalDate EXTRACT = LocalDate.of(2020, 10, 31);
    static final double TRIAL_PFS_HR = 0.62;
    static final double OS_HR = 0.64;

    private static Map<String, ComparedPatients.Member> derived;
    private static Map<String, CSVRecord> truth;

    @BeforeAll
    static void generateAndDerive() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(3000, 20120109L, EXTRACT, Profile.CLEOPATRA,
                DamageRates.from(ConfigLoader.load(ConfigSources.of(TestPaths.home()))), 200_000);
        SyntheticRegistry.Result result = SyntheticRegistry.generate(settings, TestPaths.emptyHome("cleopatra"));
        // the study and its endpoints read no lab, vital or AE row (and the generator writes none after a patient's
        // last contact, so none moves an effective last contact): leaving them out halves the rules' work
        for (String table : List.of("lab_result", "measurement", "adverse_event.csv")) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(result.extractDir().resolve(table))) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
        derived = ComparedPatients.of(result.extractDir(), EXTRACT);
        truth = new TreeMap<>();
        for (CSVRecord r : SyntheticRegistryTest.read(result.truthDir().resolve("patients.csv"))) {
            truth.put(r.get("patient_id"), r);
        }
    }

    private static ArmComparison compare(Function<ComparedPatients.Member, ArmComparison.Subject> subject) {
        return ArmComparison.of(derived.values().stream().map(subject).toList());
    }

    private static void assertWithinThreeSe(double target, ArmComparison c) {
        System.out.println("target " + target + ": " + c);
        double z = Math.abs(Math.log(c.hr().hr()) - Math.log(target)) / c.hr().se();
        assertTrue(z <= 3, () -> "target " + target + ", z " + z + ": " + c);
    }

    @Test
    void trialPfsHazardRatioOfThpVsThIsCleopatras() {
        ArmComparison c = compare(m -> new ArmComparison.Subject(m.covariates().indexLabel(), m.covariates().priorAntiHer2(),
                m.endpoints().pfsTrialDays(), m.endpoints().pfsTrialEvent() == 1));
        assertTrue(c.n()[0] > 800 && c.n()[1] > 800, c::toString);
        assertTrue(c.hr().se() < 0.06, c::toString);
        assertWithinThreeSe(TRIAL_PFS_HR, c);
        assertTrue(c.hr().hr() >= 0.52 && c.hr().hr() <= 0.72, c::toString);
        // CLEOPATRA's medians 12.4 and 18.5 months, within 15 %
        assertEquals(12.4, c.medians()[0], 12.4 * 0.15, c::toString);
        assertEquals(18.5, c.medians()[1], 18.5 * 0.15, c::toString);
    }

    @Test
    void overallSurvivalHazardRatioIsCleopatrasInterimOne() {
        ArmComparison c = compare(m -> new ArmComparison.Subject(m.covariates().indexLabel(), m.covariates().priorAntiHer2(),
                m.endpoints().osDays(), m.endpoints().osEvent() == 1));
        assertWithinThreeSe(OS_HR, c);
    }

    @Test
    void theComparedPatientsAndTheirTrialPfsAreThePlantedOnes() {
        Map<String, String> want = new TreeMap<>();
        truth.forEach((id, t) -> {
            if (!t.get("expected_label").isEmpty()) {
                want.put(id, t.get("expected_label") + " " + t.get("pfs_trial_days") + " " + t.get("pfs_trial_event"));
            }
        });
        Map<String, String> got = new TreeMap<>();
        derived.forEach((id, m) -> got.put(id, m.covariates().indexLabel() + " " + m.endpoints().pfsTrialDays() + " "
                + m.endpoints().pfsTrialEvent()));
        assertEquals(want, got);
    }

    @Test
    void thPatientsAreFirstLineThExcludedFromFirstLineThpAndIndexedEarlier() {
        List<CSVRecord> th = truth.values().stream().filter(t -> t.get("expected_label").equals("TH")).toList();
        List<CSVRecord> thp = truth.values().stream().filter(t -> t.get("expected_label").equals("THP")).toList();
        assertTrue(th.stream().allMatch(t -> t.get("archetype").equals("COHORT_TH")
                && t.get("expected_step").equals("INDEX_LINE_IS_THP")));
        assertTrue(thp.stream().allMatch(t -> t.get("expected_step").equals("INCLUDED")));
        assertTrue(medianIndex(th).isBefore(medianIndex(thp).minusYears(1)), medianIndex(th) + " vs " + medianIndex(thp));
    }

    private static LocalDate medianIndex(List<CSVRecord> rows) {
        List<LocalDate> dates = rows.stream().map(t -> LocalDate.parse(t.get("index_date"))).sorted().toList();
        return dates.get(dates.size() / 2);
    }
}
