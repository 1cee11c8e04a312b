package org.oncorwe.ingest.rules;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.ingest.contract.Derived;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.Finding;
import org.oncorwe.ingest.contract.Reject;
import org.oncorwe.ingest.contract.RejectReason;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.ingest.contract.RowValues;
import org.oncorwe.ingest.contract.TableContract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cross-row rules of registry-extract.md for one patient_id: every row of every table that
 * carries it (the Spark job groups by patient_id), in one call. Plain Java, no state.
 *
 * <p>Order: identical rows collapse first (every table); then patient.csv decides whether the
 * patient is known and accepted (several rows left → all DUPLICATE_CONFLICT); the other rows get,
 * in precedence order, UNKNOWN_PATIENT / PATIENT_REJECTED (group 2), their column reject (group 3),
 * EVENT_AFTER_DEATH (group 5). Then, on accepted rows only: the imputed death date raised, the
 * effective last contact, LAST_CONTACT_BEFORE_EVENT, order_id administrations, DERIVED_ANC,
 * the overall response, °F → °C.
 */
public final class PatientIngest {

    /**
     * @param extractDate         the extract date (the effective last contact never passes it)
     * @param eventAfterDeathDays {@code ingest.event_after_death_days}
     */
    public record Settings(LocalDate extractDate, int eventAfterDeathDays) implements Serializable {

        public static Settings defaults(LocalDate extractDate) {
            return new Settings(extractDate, 30);
        }

        public static Settings from(OncoRweConfig config, LocalDate extractDate) {
            return new Settings(extractDate, config.get(ConfigKeys.INGEST_EVENT_AFTER_DEATH_DAYS));
        }
    }

    /** Every row handed in, once, in (table, file, line) order; and the patient. */
    public record Result(PatientSummary summary, List<RowOutcome> rows) implements Serializable {

        public Result {
            rows = List.copyOf(rows);
        }
    }

    private static final Comparator<SourcedRow> ORDER = Comparator
            .comparingInt((SourcedRow r) -> ExtractContract.TABLES.indexOf(r.table()))
            .thenComparing(SourcedRow::file)
            .thenComparingLong(SourcedRow::lineNumber);

    private PatientIngest() {
    }

    /**
     * @param patientId the trimmed patient_id the rows share; null for the rows that have none (group-1
     *                  records and missing patient_id: all rejected, identical ones collapsed)
     * @param rows      every {@link SourcedRow} with that patient_id, from every table and file
     */
    public static Result apply(String patientId, List<SourcedRow> rows, Settings settings) {
        List<Work> work = rows.stream().sorted(ORDER).map(Work::new).toList();
        collapse(work);
        List<Work> live = work.stream().filter(w -> w.status != RowOutcome.Status.COLLAPSED).toList();
        for (Work w : live) {
            if (w.row.rowReject() != null) {
                w.reject(w.row.rowReject()); // group 1, missing patient_id, or group 3 (until group 2 says otherwise)
            }
        }
        if (patientId == null) {
            return finish(PatientSummary.rejected(null, false), work);
        }
        List<Work> patientRows = live.stream().filter(w -> w.row.table() == ExtractContract.PATIENT).toList();
        boolean known = !patientRows.isEmpty();
        if (patientRows.size() > 1) {
            for (Work w : patientRows) {
                if (w.reject == null) {
                    w.reject(new Reject(RejectReason.DUPLICATE_CONFLICT, TableContract.PATIENT_ID,
                            "patient_id: " + patientRows.size() + " different rows in patient.csv"));
                }
            }
        }
        Work patient = patientRows.size() == 1 && patientRows.get(0).reject == null ? patientRows.get(0) : null;
        List<Work> children = live.stream().filter(w -> w.row.table() != ExtractContract.PATIENT).toList();
        for (Work w : children) {
            if (w.reject != null && w.reject.reason().group() == 1) {
                continue;
            }
            if (!known) {
                w.reject(new Reject(RejectReason.UNKNOWN_PATIENT, TableContract.PATIENT_ID,
                        "patient_id: not in patient.csv"));
            } else if (patient == null) {
                w.reject(new Reject(RejectReason.PATIENT_REJECTED, TableContract.PATIENT_ID,
                        "patient_id: the patient's own row is rejected"));
            }
        }
        if (patient == null) {
            return finish(PatientSummary.rejected(patientId, known), work);
        }
        PatientSummary summary = patientRules(patientId, patient, children, settings);
        for (Work w : children) {
            if (w.reject == null) {
                rowRules(w);
            }
        }
        administrations(children);
        derivedAnc(children);
        return finish(summary, work);
    }

    /** Identical rows of a table (same identity): the lowest (file, line) stays, the others are collapsed. */
    private static void collapse(List<Work> work) {
        Map<String, Work> first = new HashMap<>();
        for (Work w : work) {
            if (w.row.identity() != null
                    && first.putIfAbsent(w.row.table().name() + ":" + w.row.identity(), w) != null) {
                w.status = RowOutcome.Status.COLLAPSED;
            }
        }
    }

    /** EVENT_AFTER_DEATH, the death date, the effective last contact (the children's group-5 and patient findings). */
    private static PatientSummary patientRules(String patientId, Work patient, List<Work> children, Settings settings) {
        LocalDate death = (LocalDate) patient.values.get("death_date");
        boolean deathImputed = Boolean.TRUE.equals(patient.values.get("death_date" + Derived.IMPUTED));
        boolean fullyKnown = death != null && !deathImputed;
        LocalDate latest = null;
        for (Work w : children) {
            if (w.reject != null) {
                continue;
            }
            String column = RecordDates.column(w.row.table());
            LocalDate own = RecordDates.of(w.row.table(), w.values);
            if (fullyKnown && own != null) {
                long days = ChronoUnit.DAYS.between(death, own);
                if (days > settings.eventAfterDeathDays()) {
                    w.reject(new Reject(RejectReason.EVENT_AFTER_DEATH, column, column + ": more than "
                            + settings.eventAfterDeathDays() + " days after the death date"));
                    continue;
                }
                if (days > 0) {
                    w.addFinding(new RowFinding(Finding.EVENT_SHORTLY_AFTER_DEATH, column, null));
                }
            }
            if (own != null && (latest == null || own.isAfter(latest))) {
                latest = own;
            }
        }
        LocalDate lastContact = (LocalDate) patient.values.get("last_contact_date");
        if (death != null && deathImputed) {
            death = max(max(death, latest), lastContact); // never earlier than a record or the last contact
            patient.put("death_date", death);
        }
        if (lastContact != null && latest != null && lastContact.isBefore(latest)) {
            patient.addFinding(new RowFinding(Finding.LAST_CONTACT_BEFORE_EVENT, "last_contact_date", null));
        }
        LocalDate effective = max(lastContact, latest);
        if (effective != null && effective.isAfter(settings.extractDate())) {
            effective = settings.extractDate();
        }
        patient.put(RuleColumns.EFFECTIVE_LAST_CONTACT, effective);
        return new PatientSummary(patientId, true, true, death, fullyKnown, lastContact, latest, effective);
    }

    /** The rules that need only the row itself but belong to ingest: overall response, °F. */
    private static void rowRules(Work w) {
        TableContract table = w.row.table();
        if (table == ExtractContract.TUMOR_ASSESSMENT) {
            String target = (String) w.values.get("target_response");
            String nonTarget = (String) w.values.get("non_target_response");
            String newLesions = (String) w.values.get("new_lesions");
            String derived = OverallResponse.derive(target, nonTarget, newLesions);
            String recorded = (String) w.values.get("overall_response");
            if (recorded == null) {
                w.put("overall_response", derived);
            } else if (target != null && nonTarget != null && newLesions != null && !recorded.equals(derived)) {
                w.addFinding(new RowFinding(Finding.OVERALL_RESPONSE_CONFLICT, "overall_response", null));
            }
            w.put(RuleColumns.OVERALL_RESPONSE_DERIVED, recorded == null);
        } else if (table == ExtractContract.MEASUREMENT) {
            BigDecimal value = (BigDecimal) w.values.get("value");
            boolean fahrenheit = "BODY_TEMPERATURE".equals(w.values.get("type")) && "F".equals(w.values.get("unit"));
            w.put(RuleColumns.VALUE_RECORDED, fahrenheit ? value : null);
            w.put(RuleColumns.UNIT_RECORDED, fahrenheit ? "F" : null);
            if (fahrenheit) {
                w.put("value", Temperature.fahrenheitToCelsius(value));
                w.put("unit", "C");
            }
        }
    }

    /** drug_administration: rows with the same (order_id, ingredients) are one administration. */
    private static void administrations(List<Work> children) {
        Map<String, List<Work>> groups = new LinkedHashMap<>();
        for (Work w : children) {
            if (w.reject == null && w.row.table() == ExtractContract.DRUG_ADMINISTRATION) {
                String order = (String) w.values.get("order_id");
                String key = order == null
                        ? "row:" + w.row.file() + ":" + w.row.lineNumber()
                        : "order:" + order + "\u001f" + w.values.get(Derived.INGREDIENTS);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
            }
        }
        for (List<Work> group : groups.values()) {
            Work first = group.get(0);
            String id = first.row.file() + ":" + first.row.lineNumber();
            LocalDateTime given = group.stream().filter(w -> "DONE".equals(w.values.get("status")))
                    .map(w -> (LocalDateTime) w.values.get("admin_date")).min(Comparator.naturalOrder()).orElse(null);
            for (Work w : group) {
                w.put(RuleColumns.ADMINISTRATION_ID, id);
                w.put(RuleColumns.ADMINISTRATION_GIVEN, given != null);
                w.put(RuleColumns.ADMINISTRATION_DATE, given);
            }
        }
    }

    /** lab_result: a sample (identical collected_at) with WBC and neutrophil % but no ANC gets ANC = WBC × % / 100. */
    private static void derivedAnc(List<Work> children) {
        Map<String, List<Work>> samples = new LinkedHashMap<>();
        for (Work w : children) {
            if (w.reject == null && w.row.table() == ExtractContract.LAB_RESULT) {
                String key = w.values.get("collected_at") + "|" + w.values.get("collected_at" + Derived.TIME_KNOWN);
                samples.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
            }
        }
        for (List<Work> sample : samples.values()) {
            if (sample.stream().anyMatch(w -> "anc".equals(w.values.get(Derived.ANALYTE)))) {
                continue; // a measured ANC always wins
            }
            Work wbc = usable(sample, "wbc");
            Work pct = usable(sample, "neutrophil_pct");
            if (wbc != null && pct != null) {
                BigDecimal anc = ((BigDecimal) wbc.values.get(Derived.VALUE_CANONICAL))
                        .multiply((BigDecimal) pct.values.get(Derived.VALUE_CANONICAL)).movePointLeft(2).stripTrailingZeros();
                wbc.put(RuleColumns.DERIVED_ANC, anc.scale() < 0 ? anc.setScale(0) : anc);
                wbc.addFinding(new RowFinding(Finding.DERIVED_ANC, null, null));
            }
        }
    }

    /** The sample's first row of the analyte with a canonical value and no comparator (a bound is not a value). */
    private static Work usable(List<Work> sample, String analyte) {
        return sample.stream()
                .filter(w -> analyte.equals(w.values.get(Derived.ANALYTE)) && w.values.get(Derived.VALUE_CANONICAL) != null
                        && w.values.get(Derived.VALUE_COMPARATOR) == null)
                .findFirst().orElse(null);
    }

    private static Result finish(PatientSummary summary, List<Work> work) {
        return new Result(summary, work.stream().map(Work::outcome).toList());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    /** One row while the rules run: its record's values and findings, copied only when a rule changes them. */
    private static final class Work {
        final SourcedRow row;
        RowOutcome.Status status = RowOutcome.Status.ACCEPTED;
        Reject reject;
        /** The record's own (unmodifiable) values until a rule puts one; then this row's copy. */
        Map<String, Object> values;
        private boolean valuesCopied;
        private List<RowFinding> findings;
        private boolean findingsCopied;

        Work(SourcedRow row) {
            this.row = row;
            boolean kept = row.validated();
            this.values = kept ? row.result().values() : Map.of();
            this.findings = kept ? row.result().findings() : List.of();
        }

        void put(String column, Object value) {
            if (!valuesCopied) {
                values = new LinkedHashMap<>(values);
                valuesCopied = true;
            }
            values.put(column, value);
        }

        void addFinding(RowFinding finding) {
            if (!findingsCopied) {
                findings = new ArrayList<>(findings);
                findingsCopied = true;
            }
            findings.add(finding);
        }

        void reject(Reject r) {
            status = RowOutcome.Status.REJECTED;
            reject = Objects.requireNonNull(r);
        }

        RowOutcome outcome() {
            boolean accepted = status == RowOutcome.Status.ACCEPTED;
            // a copy this row made is handed over; the record's own values are kept as they are (RowValues.kept)
            Map<String, Object> kept = valuesCopied ? RowValues.handOver((LinkedHashMap<String, Object>) values) : values;
            return new RowOutcome(row.table().name(), row.file(), row.lineNumber(), row.patientId(), status,
                    accepted ? kept : Map.of(), accepted ? findings : List.of(), accepted ? null : reject);
        }
    }
}
