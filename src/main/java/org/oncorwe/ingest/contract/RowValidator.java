package org.oncorwe.ingest.contract;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.ingest.PartialDateImputation;
import org.oncorwe.ingest.dictionary.Dictionaries;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates one row of one table against the contract (registry-extract.md, "Row
 * validation" and "Dates"). Plain Java, Serializable: ingest ships it to executors.
 *
 * <p>Precedence is the caller's to interleave: {@link #fieldTooLong} (group 1), {@link
 * #missingPatientId} (group 2; ingest then tests UNKNOWN_PATIENT and PATIENT_REJECTED), {@link
 * #validateColumns} (group 3: every other column in document order, per column MISSING_REQUIRED,
 * then INVALID_DATE / INVALID_CODE / NON_NUMERIC_VALUE, IMPLAUSIBLE_VALUE, DATE_AFTER_EXTRACT,
 * INVALID_GRADE_FOR_TERM). {@link #validate} runs all three.
 */
public final class RowValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
    private static final Pattern LAB_VALUE = Pattern.compile("(<=|>=|≤|≥|<|>)?\\s*(" + NUMBER.pattern() + ")");
    private static final Set<String> GRADES = Set.of("1", "2", "3", "4", "5");

    /**
     * What validation depends on besides the contract.
     *
     * @param missingMarkers values (after trimming) read as missing, compared exactly
     */
    public record Settings(LocalDate extractDate, Set<String> missingMarkers, PartialDateImputation imputation,
                           int minYear, int maxFieldLength) implements Serializable {

        public Settings {
            missingMarkers = Set.copyOf(missingMarkers);
        }

        /** The contract's defaults (reference.conf). */
        public static Settings defaults(LocalDate extractDate) {
            return new Settings(extractDate, Set.of("", "NULL", "null", "NA", "."), PartialDateImputation.MID, 1900, 32768);
        }

        public static Settings from(OncoRweConfig config, LocalDate extractDate) {
            return new Settings(extractDate, Set.copyOf(config.get(ConfigKeys.INGEST_MISSING_MARKERS)),
                    config.get(ConfigKeys.DATES_PARTIAL_IMPUTATION), config.get(ConfigKeys.DATES_MIN_YEAR),
                    config.get(ConfigKeys.INGEST_MAX_FIELD_LENGTH));
        }
    }

    private final TableContract table;
    private final Settings settings;
    private final DictionaryRules rules;

    public RowValidator(TableContract table, Settings settings, Dictionaries dictionaries) {
        this.table = table;
        this.settings = settings;
        this.rules = new DictionaryRules(dictionaries);
    }

    /** One validator per contract table, by table name: what the ingest's reading tasks are given. */
    public static Map<String, RowValidator> forContract(Settings settings, Dictionaries dictionaries) {
        return ExtractContract.TABLES.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(TableContract::name,
                t -> new RowValidator(t, settings, dictionaries)));
    }

    public TableContract table() {
        return table;
    }

    public Settings settings() {
        return settings;
    }

    /** Validates every rule this class owns, in precedence order (groups 1, 2, 3). */
    public RowResult validate(Map<String, String> raw, long lineNumber) {
        Optional<Reject> early = fieldTooLong(raw).or(() -> missingPatientId(raw));
        return early.isPresent() ? RowResult.rejected(lineNumber, early.get()) : validateColumns(raw, lineNumber);
    }

    /** Group 1: a field (any column, known or not) longer than the maximum. */
    public Optional<Reject> fieldTooLong(Map<String, String> raw) {
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (e.getValue() != null && e.getValue().length() > settings.maxFieldLength()) {
                return Optional.of(new Reject(RejectReason.FIELD_TOO_LONG, e.getKey(), e.getKey() + ": "
                        + e.getValue().length() + " characters, more than " + settings.maxFieldLength()));
            }
        }
        return Optional.empty();
    }

    /** Group 2, first rule: patient_id missing. */
    public Optional<Reject> missingPatientId(Map<String, String> raw) {
        return patientId(raw) == null
                ? Optional.of(missing(TableContract.PATIENT_ID))
                : Optional.empty();
    }

    /** The trimmed patient_id, or null when missing. */
    public String patientId(Map<String, String> raw) {
        return text(raw, TableContract.PATIENT_ID);
    }

    /** Group 3: every column but patient_id, in document order; the first failing rule rejects the row. */
    public RowResult validateColumns(Map<String, String> raw, long lineNumber) {
        RowState row = new RowState(raw);
        row.values.put(TableContract.PATIENT_ID, patientId(raw));
        for (Column column : table.columns()) {
            if (column.phi() || column.name().equals(TableContract.PATIENT_ID)) {
                continue;
            }
            Reject reject = readColumn(column, row);
            if (reject != null) {
                return RowResult.rejected(lineNumber, reject);
            }
        }
        finish(row);
        return new RowResult(lineNumber, RowValues.handOver(row.values), null, row.findings); // RowState ends here
    }

    private Reject readColumn(Column column, RowState row) {
        String name = column.name();
        String text = text(row.raw, name);
        if (text == null) {
            if (required(column, row)) {
                return missing(name);
            }
            putMissing(column, row);
            return null;
        }
        return switch (column.type()) {
            case STRING -> freeText(column, text, row);
            case KCD_CODE -> put(row, name, text.replace(".", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
            case CODE -> {
                String code = column.codes().get(text.toUpperCase(Locale.ROOT));
                yield code == null ? unreadable(column, row) : put(row, name, code);
            }
            case GRADE -> GRADES.contains(text) ? grade(Integer.parseInt(text), row) : unreadable(column, row);
            case NUMBER -> number(column, text, row);
            case LAB_VALUE -> labValue(column, text, row);
            case DATE, DATE_TIME -> date(column, text, row);
        };
    }

    private void putMissing(Column column, RowState row) {
        row.values.put(column.name(), column.whenMissing());
        dateFlags(column, row, false, false);
        if (column.afterExtract() == Column.AfterExtract.CLAMP && row.deathAfterCutoff) {
            row.values.put(column.name(), settings.extractDate());
        }
    }

    /** Text as given; drug_name and term are also mapped by their dictionary. */
    private Reject freeText(Column column, String text, RowState row) {
        row.values.put(column.name(), text);
        if (table == ExtractContract.DRUG_ADMINISTRATION && column.name().equals("drug_name")) {
            rules.drug(text, row);
        } else if (table == ExtractContract.ADVERSE_EVENT && column.name().equals("term")) {
            rules.aeTerm(text, row);
        }
        return null;
    }

    /** adverse_event grade 1–5; whether the term allows it is a dictionary rule. */
    private Reject grade(int grade, RowState row) {
        row.values.put("grade", grade);
        return rules.grade(grade, text(row.raw, "ctcae_version"), row);
    }

    private Reject number(Column column, String text, RowState row) {
        if (!NUMBER.matcher(text).matches()) {
            return unreadable(column, row);
        }
        BigDecimal value = new BigDecimal(text);
        if ((column.min() != null && value.compareTo(column.min()) < 0)
                || (column.max() != null && value.compareTo(column.max()) > 0)) {
            return required(column, row)
                    ? new Reject(RejectReason.IMPLAUSIBLE_VALUE, column.name(), column.name() + ": outside "
                            + column.min() + "–" + column.max())
                    : unreadable(column, row);
        }
        return put(row, column.name(), value);
    }

    /** lab_result value: a number or a comparator and a bound; mapped, converted and checked against the limits. */
    private Reject labValue(Column column, String text, RowState row) {
        Matcher m = LAB_VALUE.matcher(text);
        if (!m.matches()) {
            return unreadable(column, row);
        }
        BigDecimal value = new BigDecimal(m.group(2));
        String comparator = m.group(1) == null ? null : m.group(1).replace("≤", "<=").replace("≥", ">=");
        row.values.put(column.name(), value);
        row.values.put(Derived.VALUE_COMPARATOR, comparator);
        return rules.labValue(column.name(), value, text(row.raw, "unit"), row);
    }

    private Reject date(Column column, String text, RowState row) {
        boolean dateTime = column.type() == ColumnType.DATE_TIME;
        ExtractDates.Parsed p = ExtractDates.parse(text, dateTime, column.partialDate(), settings.minYear());
        if (p == null) {
            return unreadable(column, row);
        }
        LocalDate extract = settings.extractDate();
        LocalDate date = ExtractDates.impute(p, settings.imputation());
        boolean imputed = p.precision() != ExtractDates.Precision.DAY;
        if (date.isAfter(extract) && imputed && !p.date().isAfter(extract)) {
            date = extract; // the partial period holds the extract date: clamp (registry-extract.md, Dates)
        }
        if (date.isAfter(extract)) {
            switch (column.afterExtract()) {
                case REJECT:
                    return new Reject(RejectReason.DATE_AFTER_EXTRACT, column.name(),
                            column.name() + ": after the extract date " + extract);
                case TO_NULL:
                    return unreadable(column, row); // an optional column: null, INVALID_OPTIONAL_FIELD
                case ALIVE_AT_CUTOFF:
                    row.values.put(column.name(), null);
                    dateFlags(column, row, false, false);
                    row.deathAfterCutoff = true;
                    row.find(Finding.DEATH_AFTER_CUTOFF, column.name(), null);
                    return null;
                case CLAMP:
                    date = extract;
                    row.find(Finding.LAST_CONTACT_CLAMPED, column.name(), null);
                    break;
            }
        }
        if (column.afterExtract() == Column.AfterExtract.CLAMP && row.deathAfterCutoff) {
            date = extract; // the patient is alive at the cut-off: last contact = the extract date
        }
        row.values.put(column.name(), dateTime
                ? LocalDateTime.of(date, p.time() == null ? LocalTime.MIDNIGHT : p.time())
                : date);
        dateFlags(column, row, imputed, p.time() != null);
        if (imputed) {
            row.find(Finding.DATE_IMPUTED, column.name(), null);
        }
        return null;
    }

    private static void dateFlags(Column column, RowState row, boolean imputed, boolean timeKnown) {
        if (column.partialDate()) {
            row.values.put(column.name() + Derived.IMPUTED, imputed);
        }
        if (column.type() == ColumnType.DATE_TIME) {
            row.values.put(column.name() + Derived.TIME_KNOWN, timeKnown);
        }
    }

    /** Rules that need the whole row. */
    private void finish(RowState row) {
        if (table == ExtractContract.PATIENT && Boolean.TRUE.equals(row.values.get("death_date" + Derived.IMPUTED))) {
            LocalDate death = (LocalDate) row.values.get("death_date");
            LocalDate lastContact = (LocalDate) row.values.get("last_contact_date");
            if (lastContact != null && death.isBefore(lastContact)) {
                row.values.put("death_date", lastContact); // an imputed death is never before the last contact
            }
        }
        if (table == ExtractContract.LAB_RESULT) {
            rules.labReferenceRange(row);
        }
    }

    /** An unreadable value: a required column rejects the row; an optional one becomes null (INVALID_OPTIONAL_FIELD). */
    private Reject unreadable(Column column, RowState row) {
        if (required(column, row)) {
            return new Reject(column.type().unreadable(), column.name(), column.name() + ": " + expected(column));
        }
        row.values.put(column.name(), null);
        dateFlags(column, row, false, false);
        row.find(Finding.INVALID_OPTIONAL_FIELD, column.name(), null);
        return null;
    }

    private static String expected(Column column) {
        return switch (column.type()) {
            case CODE -> "not one of " + String.join(", ", column.canonicalCodes());
            case GRADE -> "not a grade 1-5";
            case NUMBER -> "not a number";
            case LAB_VALUE -> "not a number (optionally after <, >, <=, >=)";
            case DATE -> "not a valid date" + (column.partialDate() ? " or partial date" : "");
            case DATE_TIME -> "not a valid date or date-time";
            default -> "unreadable";
        };
    }

    private static Reject missing(String column) {
        return new Reject(RejectReason.MISSING_REQUIRED, column, column + ": missing");
    }

    private static Reject put(RowState row, String column, Object value) {
        row.values.put(column, value);
        return null;
    }

    /** Required in this row: always, or unless another column is given (last_contact_date unless death_date). */
    private static boolean required(Column column, RowState row) {
        if (column.required()) {
            return true;
        }
        String other = column.requiredUnless();
        return other != null && row.values.get(other) == null && !(other.equals("death_date") && row.deathAfterCutoff);
    }

    /** The trimmed raw value, or null when absent or a missing marker. */
    private String text(Map<String, String> raw, String column) {
        String v = raw.get(column);
        if (v == null) {
            return null;
        }
        String t = v.trim();
        return settings.missingMarkers().contains(t) ? null : t;
    }
}
