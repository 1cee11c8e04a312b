package org.oncorwe.synth;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides one synthetic patient's story and writes the registry rows that tell it. The truth is
 * by construction: every planted value (cohort membership, index date, docetaxel count, best
 * response, PD and death dates, maximum grades) is chosen first and the rows are made to say it.
 * Calibrated to the SMC study (paper-targets.md §1); the numbers are in docs/sample-data.md.
 */
final class PatientGenerator {

    static final LocalDate STUDY_START = LocalDate.of(2008, 8, 1);
    static final double DAYS_PER_MONTH = 30.4375;

    // archetype shares of all registry patients (profile smc): about one in four or five is in the cohort
    private static final Archetype[] ARCHETYPES = Archetype.values();
    private static final double[] ARCHETYPE_WEIGHTS = {
        0.228, 0.317, 0.25, 0.05, 0.04, 0.02, 0.05, 0.03, 0.01, 0.005};
    // profile cleopatra: as many first-line TH (COHORT_TH, last) as THP patients, and no sketchy FIRST_LINE_TH, whose
    // few assessments would blur the comparison's control arm (docs/decisions.md 180)
    private static final double[] CLEOPATRA_WEIGHTS = {
        0.30, 0.16, 0.125, 0, 0.03, 0.02, 0.03, 0.02, 0.01, 0.005, 0.30};

    // PFS and OS model (days), tuned so the cohort's medians land on the paper's (see docs/sample-data.md)
    static final double PFS_SHAPE = 1.25;
    static final double PFS_SCALE = 480;
    static final double PPS_SHAPE = 1.1;
    static final double PPS_SCALE = 1680;
    static final double DEATH_FIRST = 0.06;

    private final GeneratorSettings settings;

    PatientGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** The patient with this index (0-based): same settings and index, same patient. */
    GeneratedPatient generate(long index) {
        PatientRandom r = new PatientRandom(settings.seed(), settings.profile(), index);
        Archetype archetype = ARCHETYPES[r.pick(settings.profile() == Profile.CLEOPATRA ? CLEOPATRA_WEIGHTS : ARCHETYPE_WEIGHTS)];
        String id = String.format(Locale.ROOT, "SP%08d-%s", index, r.base32(4));
        Rows rows = new Rows(id, r, settings.damage(), settings.extractDate());
        Story story = new Story();
        story.patientId = id;
        story.archetype = archetype;
        story.expectedStep = archetype.step();
        switch (archetype) {
            case COHORT, COHORT_TH -> new CohortPatient(r, rows, story, settings.extractDate()).build();
            case DEATH_BEFORE_BIRTH -> deathBeforeBirth(r, rows, story);
            default -> new OtherPatient(r, rows, story, settings.extractDate()).build();
        }
        if (archetype != Archetype.DEATH_BEFORE_BIRTH) { // any dated row of it would be after its death
            rows.plantExtraDamage(story);
        }
        DamageRates damage = settings.damage();
        if (archetype != Archetype.COHORT && archetype != Archetype.COHORT_TH && archetype != Archetype.DEATH_BEFORE_BIRTH
                && r.chance(damage.conflictingPatients())) {
            rows.conflictingPatient(story);
        }
        if (r.chance(damage.unknownPatients())) {
            rows.unknownPatientRow(index);
        }
        rows.fillMissingMarkers();
        return new GeneratedPatient(story, rows.all());
    }

    private void deathBeforeBirth(PatientRandom r, Rows rows, Story story) {
        LocalDate birth = LocalDate.of(r.between(1940, 1980), r.between(1, 12), r.between(1, 28));
        story.birthDate = birth;
        story.deathDate = birth.minusDays(r.between(30, 4000));
        rows.patient(birth, story.deathDate, null, "UNKNOWN");
    }

    static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    /** One generated patient: its truth and its rows, in the order they are written. */
    record GeneratedPatient(Story story, List<Row> rows) {
    }

    /** Shared pieces of every story. */
    abstract static class Builder {
        final PatientRandom r;
        final Rows rows;
        final Story story;
        final LocalDate extractDate;

        Builder(PatientRandom r, Rows rows, Story story, LocalDate extractDate) {
            this.r = r;
            this.rows = rows;
            this.story = story;
            this.extractDate = extractDate;
        }

        LocalDate birthForAge(LocalDate at, int age) {
            return at.minusYears(age).minusDays(r.between(1, 364));
        }

        /** A primary-diagnosis pathology report with ER/PR by hr status and HER2 by basis. */
        void pathology(LocalDate date, String specimen, String hrStatus, String her2) {
            Row row = rows.addDated(ExtractTable.PATHOLOGY, date).set("report_date", rows.date(date)).set("specimen", specimen);
            switch (hrStatus) {
                case "POSITIVE" -> {
                    if (r.chance(0.1)) {
                        row.set("er_result", "POSITIVE").set("pr_result", r.chance(0.6) ? "POSITIVE" : "NEGATIVE");
                    } else {
                        row.set("er_percent", r.between(10, 95)).set("pr_percent", r.chance(0.7) ? r.between(1, 80) : 0);
                    }
                }
                case "NEGATIVE" -> row.set("er_percent", 0).set("pr_percent", 0);
                default -> {
                    // UNKNOWN: no ER or PR value at all
                }
            }
            switch (her2) {
                case "IHC3" -> row.set("her2_ihc", "3+");
                case "ISH" -> {
                    row.set("her2_ihc", "2+");
                    Row ish = row;
                    if (r.chance(0.5)) { // ISH reported separately, paired with this IHC within 30 days
                        LocalDate ishDate = date.plusDays(r.between(3, 14));
                        ish = rows.addDated(ExtractTable.PATHOLOGY, ishDate).set("report_date", rows.date(ishDate))
                                .set("specimen", specimen);
                    }
                    ish.set("her2_ish_method", r.oneOf("FISH", "SISH", "DISH"))
                            .set("her2_ish_ratio", String.format(Locale.ROOT, "%.2f", r.uniform(2.2, 5.0)))
                            .set("her2_copy_number", String.format(Locale.ROOT, "%.1f", r.uniform(4.5, 12.0)));
                }
                default -> { // negative: IHC 0/1+, or 2+ with a negative ISH (group 5)
                    int k = r.pick(0.35, 0.45, 0.2);
                    row.set("her2_ihc", new String[] {"0", "1+", "2+"}[k]);
                    if (k == 2) {
                        row.set("her2_ish_method", "FISH").set("her2_ish_ratio", String.format(Locale.ROOT, "%.2f", r.uniform(1.0, 1.8)))
                                .set("her2_copy_number", String.format(Locale.ROOT, "%.1f", r.uniform(1.8, 3.8)));
                    }
                }
            }
        }

        void primaryDiagnosis(LocalDate date, String stage) {
            rows.addDated(ExtractTable.TUMOR_EVENT, date).set("event_date", rows.date(date)).set("event_type", "PRIMARY_DIAGNOSIS")
                    .set("kcd_code", r.oneOf("C50.9", "C509", "C50.4", "c50.8")).set("stage", stage);
        }

        void metastasis(LocalDate date, String site) {
            String kcd = switch (site) {
                case "LIVER" -> "C78.7";
                case "LUNG" -> "C78.0";
                case "PLEURA" -> "C78.2";
                case "BONE" -> "C79.5";
                case "BRAIN" -> "C79.3";
                case "DISTANT_LYMPH_NODE" -> "C77.3";
                case "SKIN" -> "C79.2";
                default -> "C79.8";
            };
            rows.addDated(ExtractTable.TUMOR_EVENT, date).set("event_date", rows.date(date)).set("event_type", "METASTASIS")
                    .set("kcd_code", kcd).set("site", site);
        }

        void curativeSurgery(LocalDate date) {
            rows.addDated(ExtractTable.SURGERY, date).set("surgery_date", rows.date(date))
                    .set("procedure_name", rows.text(r.oneOf("Modified radical mastectomy", "Breast conserving surgery",
                            "Total mastectomy, sentinel lymph node biopsy")))
                    .set("intent", r.oneOf("CURATIVE", "curative", "Curative"));
        }

        /** Periodic administrations of a drug list every {@code interval} days from start, count times. */
        List<LocalDate> cycles(LocalDate start, int count, int interval) {
            List<LocalDate> dates = new ArrayList<>();
            LocalDate d = start;
            for (int i = 0; i < count; i++) {
                dates.add(d);
                d = d.plusDays(interval + (r.chance(0.1) ? 7 : r.between(0, 2)));
            }
            return dates;
        }

        /**
         * Last contact and death, capped at the extract date; returns the last day a record may have:
         * the last contact (a death known later, from outside the hospital, adds no record).
         */
        LocalDate closeFollowUp(LocalDate death, LocalDate lastSeen) {
            LocalDate seen = lastSeen.isAfter(extractDate) ? extractDate : lastSeen;
            if (death != null && !death.isAfter(extractDate)) {
                story.deathDate = death;
                story.lastContact = seen.isAfter(death) ? death : seen;
            } else {
                story.deathDate = null;
                story.lastContact = seen;
            }
            return story.lastContact;
        }
    }
}
