package org.oncorwe.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One patient's rows as they are made, with the registry's habits: several date forms,
 * missing markers, Korean sex values, quoted free text; and the extra damaged rows that the
 * truth records. Rows dated after the patient's last record day are never written (a record
 * after last contact would move the effective last contact).
 */
final class Rows {

    private static final DateTimeFormatter[] DATE_FORMS = {
        DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT), DateTimeFormatter.ofPattern("uuuu.MM.dd", Locale.ROOT),
        DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT)};
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    /** Every date-time form of the contract besides the ISO one: compact, 'T', seconds, other date separators. */
    private static final DateTimeFormatter[] DATE_TIME_FORMS = {
        DateTimeFormatter.ofPattern("uuuuMMddHHmm", Locale.ROOT), DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT),
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT), DateTimeFormatter.ofPattern("uuuu/MM/dd'T'HH:mm", Locale.ROOT),
        DateTimeFormatter.ofPattern("uuuu.MM.dd HH:mm:ss", Locale.ROOT), DateTimeFormatter.ofPattern("uuuuMMdd HH:mm", Locale.ROOT)};
    private static final String[] MISSING_MARKERS = {"NULL", "NA", "null", "."};

    final String patientId;
    private final PatientRandom r;
    private final DamageRates damage;
    private final LocalDate extractDate;
    private final List<Row> rows = new ArrayList<>();
    private LocalDate lastRecordDay;
    private int orders;

    Rows(String patientId, PatientRandom r, DamageRates damage, LocalDate extractDate) {
        this.patientId = patientId;
        this.r = r;
        this.damage = damage;
        this.extractDate = extractDate;
        this.lastRecordDay = extractDate;
    }

    /** No row dated after this day is written. */
    void lastRecordDay(LocalDate day) {
        this.lastRecordDay = day.isAfter(extractDate) ? extractDate : day;
    }

    LocalDate lastRecordDay() {
        return lastRecordDay;
    }

    boolean within(LocalDate day) {
        return !day.isAfter(lastRecordDay);
    }

    Row add(ExtractTable table) {
        Row row = table.row(patientId);
        rows.add(row);
        return row;
    }

    /** A new row when its date is on or before the last record day, else a row that is never written. */
    Row addDated(ExtractTable table, LocalDate day) {
        return within(day) ? add(table) : table.row(patientId);
    }

    String nextOrderId() {
        return String.format(Locale.ROOT, "ORD-%s-%04d", patientId.substring(2, 10), ++orders);
    }

    String date(LocalDate d) {
        return d == null ? null : r.chance(damage.dateFormats()) ? DATE_FORMS[r.between(0, 2)].format(d) : ISO_DATE.format(d);
    }

    String dateTime(LocalDateTime t) {
        return r.chance(damage.dateFormats()) ? DATE_TIME_FORMS[r.between(0, DATE_TIME_FORMS.length - 1)].format(t)
                : ISO_DATE_TIME.format(t);
    }

    /** Free text, sometimes with a comma, quotes or a line break (the CSV writer quotes it). */
    String text(String s) {
        if (!r.chance(damage.quotedText())) {
            return s;
        }
        return switch (r.between(0, 2)) {
            case 0 -> s + ", left";
            case 1 -> s + " (\"re-excision\")";
            default -> s + "\nsee operation note";
        };
    }

    /** The patient's own row, with fake, distinctive PHI. */
    Row patient(LocalDate birth, LocalDate death, LocalDate lastContact, String menopausal) {
        Row row = add(ExtractTable.PATIENT)
                .set("patient_name", "SYN-" + r.base32(10))
                .set("resident_no", "SYN-" + r.base32(10))
                .set("birth_date", date(birth))
                .set("sex", r.chance(damage.koreanSex()) ? r.oneOf("여", "female", "f") : "F")
                .set("death_date", date(death))
                .set("last_contact_date", date(lastContact))
                .set("menopausal_status", menopausal);
        return row;
    }

    Row drug(LocalDate day, Vocabulary.Drug drug, String dose, String unit, String status, String orderId) {
        return addDated(ExtractTable.DRUG_ADMINISTRATION, day)
                .set("admin_date", r.chance(0.3) ? dateTime(day.atTime(r.between(8, 17), r.between(0, 59))) : date(day))
                .set("drug_code", drug.code()).set("drug_name", drug.name()).set("dose", dose).set("dose_unit", unit)
                .set("route", drug.route()).set("status", status).set("order_id", orderId);
    }

    Row lab(LocalDateTime at, Vocabulary.Lab lab, String value, String unit, String refLow, String refHigh) {
        boolean byCode = r.chance(0.8);
        return addDated(ExtractTable.LAB_RESULT, at.toLocalDate())
                .set("collected_at", dateTime(at))
                .set("loinc_code", byCode ? lab.loinc() : null)
                .set("local_code", byCode && r.chance(0.5) ? lab.localCode() : null)
                .set("lab_name", lab.name()).set("value", value).set("unit", unit)
                .set("ref_low", refLow).set("ref_high", refHigh);
    }

    Row measurement(LocalDateTime at, String type, String value, String unit) {
        return addDated(ExtractTable.MEASUREMENT, at.toLocalDate()).set("measured_at", dateTime(at))
                .set("type", type).set("value", value).set("unit", unit);
    }

    Row adverseEvent(LocalDate onset, Vocabulary.AeTerm term, int grade, String suspected) {
        String written = term.written()[r.between(0, term.written().length - 1)];
        return addDated(ExtractTable.ADVERSE_EVENT, onset).set("onset_date", date(onset))
                .set("end_date", r.chance(0.6) ? date(onset.plusDays(r.between(2, 20))) : null)
                .set("term", written).set("grade", grade)
                .set("ctcae_version", r.chance(0.7) ? "5.0" : null)
                .set("serious", grade >= 3 && r.chance(0.5) ? "Y" : "N")
                .set("action_taken", grade >= 3 ? r.oneOf("DOSE_REDUCED", "DRUG_INTERRUPTED") : "NONE")
                .set("suspected_drug", suspected);
    }

    /**
     * Extra rows carrying the defects the contract handles, each marked with its expected
     * outcome; they never change the patient's truth (rejected rows, collapsed copies, unmapped
     * drugs ignored for lines).
     */
    void plantExtraDamage(Story story) {
        List<Row> originals = new ArrayList<>(rows);
        LocalDate someDay = story.indexDate != null ? story.indexDate : lastRecordDay.minusDays(30);
        if (someDay.isAfter(lastRecordDay)) {
            someDay = lastRecordDay;
        }
        if (r.chance(damage.unknownDrugs())) {
            Vocabulary.Drug d = Vocabulary.UNKNOWN_DRUGS[r.between(0, 1)];
            drug(someDay, d, "1", null, "DONE", null).damaged("UNKNOWN_DRUG", "UNMAPPED_DRUG");
        }
        if (r.chance(damage.nonNumericLabs())) {
            lab(someDay.atTime(9, 30), Vocabulary.HB, r.oneOf("hemolyzed", "see comment", "재검"), "g/dL", "12.0", "16.0")
                    .damaged("NON_NUMERIC_LAB", "NON_NUMERIC_VALUE");
        }
        if (r.chance(damage.impossibleDates())) {
            int year = Math.min(someDay.getYear(), extractDate.getYear() - 1);
            add(ExtractTable.TUMOR_ASSESSMENT).set("assessment_date", r.oneOf(year + "-02-30", year + "-13-01", year + "0431"))
                    .set("modality", "CT").set("overall_response", "SD").damaged("IMPOSSIBLE_DATE", "INVALID_DATE");
        }
        if (r.chance(damage.invalidAeGrades())) {
            addDated(ExtractTable.ADVERSE_EVENT, someDay).set("onset_date", date(someDay)).set("term", "Nausea").set("grade", 4)
                    .set("ctcae_version", "5.0").damaged("INVALID_AE_GRADE", "INVALID_GRADE_FOR_TERM");
        }
        boolean withoutLineTruth = story.archetype == Archetype.HER2_NEGATIVE || story.archetype == Archetype.EARLY_ONLY
                || story.archetype == Archetype.OTHER_PRIMARY;
        if (withoutLineTruth && r.chance(damage.partialDates())) {
            Row own = rows.stream().filter(row -> row.table() == ExtractTable.PATIENT).findFirst().orElseThrow();
            LocalDate b = story.birthDate;
            String partial = switch (r.between(0, 2)) {
                case 0 -> String.format(Locale.ROOT, "%04d-%02d", b.getYear(), b.getMonthValue());
                case 1 -> String.format(Locale.ROOT, "%04d%02d", b.getYear(), b.getMonthValue());
                default -> Integer.toString(b.getYear());
            };
            own.set("birth_date", partial).damaged("PARTIAL_DATE", "DATE_IMPUTED");
        }
        if (withoutLineTruth && r.chance(damage.unmappedAeTerms())) {
            addDated(ExtractTable.ADVERSE_EVENT, someDay).set("onset_date", date(someDay))
                    .set("term", Vocabulary.UNMAPPED_AE_TERMS[r.between(0, 1)]).set("grade", 1)
                    .damaged("UNMAPPED_AE_TERM", "UNMAPPED_AE_TERM");
        }
        if (withoutLineTruth && r.chance(damage.codeNameDisagree())) {
            drug(someDay, Vocabulary.DISAGREEING, "75", "mg/m2", "DONE", null).damaged("CODE_NAME_DISAGREE", "CODE_NAME_DISAGREE");
        }
        if (!originals.isEmpty() && r.chance(damage.identicalDuplicates() * originals.size())) {
            Row source = originals.get(r.between(0, originals.size() - 1));
            if (source.table() != ExtractTable.PATIENT && source.damageKind() == null) {
                rows.add(source.copy().damaged("IDENTICAL_DUPLICATE", "COLLAPSED"));
            }
        }
    }

    /**
     * The patient's row again with another birth date: both rows DUPLICATE_CONFLICT, every other
     * row of the patient PATIENT_REJECTED (an identical copy is still collapsed first).
     */
    void conflictingPatient(Story story) {
        Row own = rows.stream().filter(row -> row.table() == ExtractTable.PATIENT).findFirst().orElseThrow();
        Row other = own.copy().set("birth_date", date(story.birthDate.minusDays(r.between(400, 1200))));
        rows.add(rows.indexOf(own) + 1, other);
        for (Row row : rows) {
            if (row.table() == ExtractTable.PATIENT) {
                row.damaged("CONFLICTING_PATIENT", "DUPLICATE_CONFLICT");
            } else if (!"COLLAPSED".equals(row.damageExpected())) {
                row.damaged("CONFLICTING_PATIENT", "PATIENT_REJECTED");
            }
        }
        story.expectedStep = "REJECTED";
    }

    /** A row of a patient_id that patient.csv does not hold. */
    void unknownPatientRow(long patientIndex) {
        String unknown = String.format(Locale.ROOT, "SU%08d-%s", patientIndex, r.base32(4));
        LocalDate day = lastRecordDay.minusDays(r.between(0, 60));
        Row row = ExtractTable.MEASUREMENT.row(unknown).set("measured_at", dateTime(day.atTime(9, 0)))
                .set("type", "WEIGHT").set("value", r.between(45, 80)).set("unit", "kg");
        rows.add(row.damaged("UNKNOWN_PATIENT", "UNKNOWN_PATIENT"));
    }

    void fillMissingMarkers() {
        for (Row row : rows) {
            for (String column : row.table().columns()) {
                if (row.get(column) == null && !column.equals("patient_id") && r.chance(damage.missingMarkers())) {
                    row.set(column, MISSING_MARKERS[r.between(0, MISSING_MARKERS.length - 1)]);
                }
            }
        }
    }

    List<Row> all() {
        return List.copyOf(rows);
    }
}
