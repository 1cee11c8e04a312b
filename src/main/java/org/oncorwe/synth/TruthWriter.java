package org.oncorwe.synth;

import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The truth the generator planted, as CSV under {@code DIR/truth/<extract-date>/}:
 * {@code patients.csv} (one row per registry patient: archetype, the first_line_thp attrition
 * step that excludes them or INCLUDED, and for cohort patients every covariate and endpoint),
 * {@code lines.csv}, {@code toxicity.csv} and {@code damage.csv}. Values are the expected
 * post-ingest ones; empty = not applicable. Profile cleopatra adds three columns at the end of
 * {@code patients.csv} ({@link #CLEOPATRA_COLUMNS}); profile smc's files stay as they were.
 */
final class TruthWriter implements Closeable {

    static final List<String> PATIENT_COLUMNS = List.of("patient_id", "archetype", "expected_step", "index_date",
            "age_at_index", "age_group", "menopausal_status", "hr_status", "her2_basis", "disease_setting",
            "relapse_context", "curative_surgery", "perioperative_chemo", "prior_anti_her2", "docetaxel_admins",
            "docetaxel_group", "dfi_months", "visceral_mets", "bone_mets", "brain_mets", "measurable", "best_response",
            "responder", "first_response_date", "long_term_responder", "index_line_end", "maintenance_start",
            "pd_date", "death_date", "last_contact_date", "os_days", "os_event", "pfs_days", "pfs_event",
            "pfs_event_type", "next_line_regimen", "next_line_start", "febrile_neutropenia", "anc_nadir");
    /**
     * Profile cleopatra: expected_label = the index line's label (TH or THP) of a patient that
     * first_line_th_vs_thp includes (empty otherwise), and that patient's trial PFS.
     */
    static final List<String> CLEOPATRA_COLUMNS = List.of("expected_label", "pfs_trial_days", "pfs_trial_event");
    static final List<String> LINE_COLUMNS = List.of("patient_id", "line_seq", "setting", "line_no", "regimen",
            "regimen_label", "start_date", "end_date");
    static final List<String> TOXICITY_COLUMNS = List.of("patient_id", "ctcae_term", "max_grade", "source",
            "first_onset_date", "max_grade_date");
    static final List<String> DAMAGE_COLUMNS = List.of("file", "line_number", "kind", "expected", "patient_id");

    private final CSVPrinter patients;
    private final CSVPrinter lines;
    private final CSVPrinter toxicity;
    private final CSVPrinter damage;
    private final Path dir;
    private final boolean cleopatra;

    TruthWriter(Path dir, Profile profile) {
        this.dir = dir;
        this.cleopatra = profile == Profile.CLEOPATRA;
        try {
            Files.createDirectories(dir);
            patients = open("patients.csv", cleopatra
                    ? java.util.stream.Stream.concat(PATIENT_COLUMNS.stream(), CLEOPATRA_COLUMNS.stream()).toList()
                    : PATIENT_COLUMNS);
            lines = open("lines.csv", LINE_COLUMNS);
            toxicity = open("toxicity.csv", TOXICITY_COLUMNS);
            damage = open("damage.csv", DAMAGE_COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CSVPrinter open(String name, List<String> header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, ExtractWriter.FORMAT);
        p.printRecord(header);
        return p;
    }

    void write(Story s) {
        try {
            Object[] row = values(s.patientId, s.archetype.name(), s.expectedStep, s.indexDate, s.ageAtIndex,
                    s.ageGroup, s.menopausalStatus, s.hrStatus, s.her2Basis, s.diseaseSetting, s.relapseContext,
                    s.curativeSurgery, s.perioperativeChemo, s.priorAntiHer2, s.docetaxelAdmins,
                    Story.docetaxelGroup(s.docetaxelAdmins), s.dfiMonths == null ? null : String.format(java.util.Locale.ROOT, "%.4f", s.dfiMonths),
                    s.visceral, s.bone, s.brain, s.measurable, s.bestResponse, s.responder, s.firstResponseDate,
                    s.longTermResponder, s.indexLineEnd, s.maintenanceStart, s.pdDate, s.deathDate, s.lastContact,
                    s.osDays, s.osEvent, s.pfsDays, s.pfsEvent, s.pfsEventType, s.nextLineRegimen, s.nextLineStart,
                    s.febrileNeutropenia, s.ancNadirCentis == null ? null
                            : java.math.BigDecimal.valueOf(s.ancNadirCentis, 2).toPlainString());
            if (cleopatra) {
                boolean compared = "INCLUDED".equals(s.expectedStep) || s.archetype == Archetype.COHORT_TH;
                row = java.util.stream.Stream.concat(Arrays.stream(row), Arrays.stream(compared
                        ? values(s.indexLabel, s.pfsTrialDays, s.pfsTrialEvent) : new Object[3])).toArray();
            }
            patients.printRecord(row);
            for (LineTruth l : s.lines) {
                lines.printRecord(values(s.patientId, l.lineSeq(), l.setting(), l.lineNo(), l.regimen(), l.label(), l.start(), l.end()));
            }
            for (ToxicityTruth t : s.toxicities) {
                toxicity.printRecord(values(s.patientId, t.term(), t.maxGrade(), t.source(), t.firstOnset(), t.maxGradeDate()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One planted defect, as it is written (streamed: a million-patient extract never holds them all). */
    void writeDamage(DamageTruth d) {
        try {
            damage.printRecord(d.file(), d.lineNumber(), d.kind(), d.expected(), d.patientId());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object[] values(Object... v) {
        return Arrays.stream(v).map(x -> x instanceof LocalDate d ? d.toString() : x).toArray();
    }

    @Override
    public void close() throws IOException {
        patients.close(true);
        lines.close(true);
        toxicity.close(true);
        damage.close(true);
    }
}
