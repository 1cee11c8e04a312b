package org.oncorwe.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Damages a copy of a registry extract at a rate and seed, the way issue #11 lists, and records for
 * every damaged row the outcome registry-extract.md gives it (a reject reason at its file and line, a
 * finding, or accepted). The manifest is written anew for the damaged files: records = the original
 * manifest's count plus the rows the harness appended (no damage may add or remove a record as the
 * contract's parser counts them, and the ingest's manifest check holds the harness to that), sha256 of
 * the raw bytes; so only the damage itself decides.
 *
 * <p>Bookkeeping is exact because no damage moves a line: every damage rewrites a line in place
 * without adding or removing a line break, rows are only ever added at the end of patient.csv, and
 * an unbalanced quote is placed only where the next {@link #MAX_LINES_PER_RECORD} − 1 lines hold no
 * quote character (the reader then gives up on the record, rejects its first line and reads the
 * swallowed lines again, so each keeps its own outcome).
 *
 * <p>Victims are drawn from "clean" patients only: not named in the sample generator's truth
 * ({@code truth/<date>/damage.csv}: their rows already carry planted rejects, collapses or findings)
 * and without a neutrophil % result (rejecting their ANC could derive one, a finding nobody planted).
 * A clean patient's rows are accepted without any finding in the undamaged ingest, so each damage's
 * effect is its own. Patient-level damage (conflicting duplicates, dates against death, last contact)
 * takes patients of its own that no row-level damage touches.
 */
public final class DamageHarness {

    public static final int MAX_LINES_PER_RECORD = 100;
    public static final int LONG_FIELD = 40_000;
    /** Undecodable and control-byte rows stay under this share of a file's records (the contract fails a file above 1 %). */
    public static final double ENCODING_SHARE = 0.009;

    /** What the contract does with a damaged row. */
    public enum Outcome { REJECT, FINDING, ACCEPTED }

    /** The damage kinds: the row-level ones drawn at the rate, the patient-level ones planted on their own patients. */
    public enum Kind {
        TRUNCATED_LINE(Outcome.REJECT, "MALFORMED_ROW", true),
        EXTRA_DELIMITER(Outcome.REJECT, "MALFORMED_ROW", true),
        MISSING_DELIMITER(Outcome.REJECT, "MALFORMED_ROW", true),
        UNBALANCED_QUOTE(Outcome.REJECT, "MALFORMED_ROW", true),
        UNDECODABLE_BYTES(Outcome.REJECT, "INVALID_ENCODING", true),
        CONTROL_BYTE(Outcome.REJECT, "INVALID_ENCODING", true),
        LONG_FIELD(Outcome.REJECT, "FIELD_TOO_LONG", true),
        IMPOSSIBLE_DATE(Outcome.REJECT, "INVALID_DATE", true),
        FUTURE_DATE(Outcome.REJECT, "DATE_AFTER_EXTRACT", true),
        ANC_1E9(Outcome.REJECT, "IMPLAUSIBLE_VALUE", true),
        NEGATIVE_LAB_VALUE(Outcome.REJECT, "IMPLAUSIBLE_VALUE", true),
        UNKNOWN_UNIT(Outcome.FINDING, "UNKNOWN_UNIT", true),
        UNKNOWN_PATIENT(Outcome.REJECT, "UNKNOWN_PATIENT", true),
        /** A second patient.csv row with the patient's id and another birth date: both rows rejected. */
        CONFLICTING_DUPLICATE_PATIENT(Outcome.REJECT, "DUPLICATE_CONFLICT", false),
        /** The patient's name field 40 000 characters long: the patient row rejected. */
        PATIENT_FIELD_TOO_LONG(Outcome.REJECT, "FIELD_TOO_LONG", false),
        /** birth_date set to the day after a fully known death date: accepted, excluded at PLAUSIBILITY. */
        DEATH_BEFORE_BIRTH(Outcome.ACCEPTED, "PLAUSIBILITY", false),
        ADMINISTRATION_31_DAYS_AFTER_DEATH(Outcome.REJECT, "EVENT_AFTER_DEATH", false),
        ADMINISTRATION_10_DAYS_AFTER_DEATH(Outcome.FINDING, "EVENT_SHORTLY_AFTER_DEATH", false),
        /** An administration moved to 20 days after an alive patient's last contact: the finding, on the patient row. */
        LAST_CONTACT_BEFORE_EVENT(Outcome.FINDING, "LAST_CONTACT_BEFORE_EVENT", false);

        public final Outcome outcome;
        public final String code;
        public final boolean rowLevel;

        Kind(Outcome outcome, String code, boolean rowLevel) {
            this.outcome = outcome;
            this.code = code;
            this.rowLevel = rowLevel;
        }
    }

    /**
     * One row whose outcome the damage decides: {@code damaged} when the harness changed or added the
     * line, false for a consequence (the children of a rejected patient, the original of a conflicting
     * duplicate). {@code line} is the 1-based physical line (header = 1).
     */
    public record Expected(Kind kind, String file, long line, Outcome outcome, String code, boolean damaged) {
    }

    /**
     * A damaged extract and what the harness planted. Patient ids are for the test to pseudonymise and
     * never to print.
     *
     * @param effectiveLastContact per LAST_CONTACT_BEFORE_EVENT patient, the effective last contact it must get
     * @param deathBeforeBirth     the DEATH_BEFORE_BIRTH patients
     * @param unknownUnit          the UNKNOWN_UNIT rows as {@code file:line}
     * @param records              per file, its records after damage (what the manifest says)
     * @param added                per file, the rows added (patient.csv's duplicates)
     */
    public record Damaged(Path extract, double rate, long seed, List<Expected> expected, Map<String, LocalDate> effectiveLastContact,
                          Set<String> deathBeforeBirth, Map<String, Long> records, Map<String, Long> added) {

        public long damagedRows() {
            return expected.stream().filter(Expected::damaged).count();
        }

        public Map<Kind, Long> damagedPerKind() {
            Map<Kind, Long> out = new EnumMap<>(Kind.class);
            expected.stream().filter(Expected::damaged).forEach(e -> out.merge(e.kind(), 1L, Long::sum));
            return out;
        }
    }

    /** The required own date of each child table (registry-extract.md), the one the date damages move. */
    static final Map<String, String> DATE_COLUMN = Map.of("tumor_event", "event_date", "pathology", "report_date",
            "surgery", "surgery_date", "drug_administration", "admin_date", "tumor_assessment", "assessment_date",
            "lab_result", "collected_at", "measurement", "measured_at", "adverse_event", "onset_date");
    private static final Set<String> MISSING = Set.of("", "NULL", "null", "NA", ".");
    private static final Pattern FULL_DATE = Pattern.compile("^(\\d{4})[-./]?(\\d{2})[-./]?(\\d{2})(?:$|[ T]|\\d{4})");
    /** Not real dates (format arguments: a year, its last two digits): 30 February, month 13, 31 April, a year before 1900. */
    private static final List<String> IMPOSSIBLE = List.of("%d-02-30", "%d0230", "%d-13-01", "18%2$02d-06-15", "%d/04/31");
    private static final List<byte[]> UNDECODABLE = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0x80});
    private static final char[] CONTROL = {0x00, 0x01, 0x02, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F};
    private static final int LONG_FIELD_CAP = 120;
    private static final Map<Kind, Integer> PATIENT_PLANTS = Map.of(Kind.CONFLICTING_DUPLICATE_PATIENT, 10,
            Kind.PATIENT_FIELD_TOO_LONG, 5, Kind.DEATH_BEFORE_BIRTH, 5, Kind.ADMINISTRATION_31_DAYS_AFTER_DEATH, 6,
            Kind.ADMINISTRATION_10_DAYS_AFTER_DEATH, 6, Kind.LAST_CONTACT_BEFORE_EVENT, 8);

    private DamageHarness() {
    }

    /** One CSV file of the copy, as physical lines of raw bytes (no line breaks; the file ends with one). */
    private static final class CsvFile {
        final String path;
        final String table;
        final List<byte[]> lines = new ArrayList<>();
        final Map<String, Integer> column = new HashMap<>();
        final int originalLines;
        /** Lines of a record with a quoted line break: left alone (a line edit there would split or merge records). */
        final boolean[] multiLine;

        CsvFile(Path extract, String path) throws IOException {
            this.path = path;
            this.table = path.replaceAll("(/part-\\d+)?\\.csv$", "");
            byte[] all = Files.readAllBytes(extract.resolve(path));
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    lines.add(java.util.Arrays.copyOfRange(all, start, i));
                    start = i + 1;
                }
            }
            if (start < all.length) {
                lines.add(java.util.Arrays.copyOfRange(all, start, all.length));
            }
            List<String> header = fields(text(0).replace("\uFEFF", ""));
            for (int i = 0; i < header.size(); i++) {
                column.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            originalLines = lines.size();
            multiLine = new boolean[originalLines];
            boolean open = false;
            for (int i = 1; i < originalLines; i++) { // a quoted line break: each line of that record
                boolean odd = oddQuotes(lines.get(i));
                multiLine[i] = open || odd;
                open = open != odd;
            }
        }

        private static boolean oddQuotes(byte[] line) {
            int n = 0;
            for (byte b : line) {
                n += b == '"' ? 1 : 0;
            }
            return n % 2 == 1;
        }

        String text(int index) {
            return new String(lines.get(index), StandardCharsets.UTF_8);
        }

        String field(int index, String name) {
            Integer c = column.get(name);
            List<String> f = fields(text(index));
            return c == null || c >= f.size() ? null : f.get(c).trim();
        }

        void setField(int index, String name, String value) {
            List<String> f = new ArrayList<>(fields(text(index)));
            f.set(column.get(name), value);
            lines.set(index, join(f).getBytes(StandardCharsets.UTF_8));
        }

        boolean hasQuote(int index) {
            for (byte b : lines.get(index)) {
                if (b == '"') {
                    return true;
                }
            }
            return false;
        }

        void write(Path extract) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                out.write(l);
                out.write('\n');
            }
            Files.write(extract.resolve(path), out.toByteArray());
        }
    }

    /**
     * Copies {@code sample} to {@code target} (created) and damages the copy: each data line of a clean
     * patient's child row with probability {@code rate} gets one row-level kind (drawn evenly among the
     * kinds that apply to it), and the patient-level kinds are planted on patients of their own.
     */
    public static Damaged damage(Path sample, Path target, double rate, long seed) {
        try {
            TestPaths.copyTree(sample, target);
            Config manifest = manifest(sample);
            LocalDate extractDate = LocalDate.parse(manifest.getString("extract_date"));
            Map<String, CsvFile> files = new TreeMap<>();
            for (String path : csvFiles(target)) {
                files.put(path, new CsvFile(target, path));
            }
            CsvFile patient = files.get("patient.csv");
            Map<String, Integer> patientLine = new LinkedHashMap<>();
            Set<String> twice = new HashSet<>();
            for (int i = 1; i < patient.lines.size(); i++) {
                if (patientLine.putIfAbsent(patient.field(i, "patient_id"), i) != null) {
                    twice.add(patient.field(i, "patient_id"));
                }
            }
            Map<String, List<int[]>> childRows = new HashMap<>(); // id -> (file index, line index)
            List<CsvFile> children = files.values().stream().filter(f -> f != patient).toList();
            Set<String> excluded = new HashSet<>(twice);
            excluded.addAll(truthPatients(sample));
            for (int fi = 0; fi < children.size(); fi++) {
                CsvFile f = children.get(fi);
                for (int i = 1; i < f.lines.size(); i++) {
                    String id = f.field(i, "patient_id");
                    childRows.computeIfAbsent(id, k -> new ArrayList<>()).add(new int[] {fi, i});
                    if (f.table.equals("lab_result") && "neutrophil_pct".equals(analyte(f, i))) {
                        excluded.add(id);
                    }
                }
            }
            List<String> clean = patientLine.keySet().stream().filter(id -> !excluded.contains(id)).toList();
            SplittableRandom random = new SplittableRandom(seed);
            List<Expected> expected = new ArrayList<>();
            Map<String, LocalDate> effective = new TreeMap<>();
            Set<String> deathBeforeBirth = new HashSet<>();
            Map<String, Long> added = new TreeMap<>();

            // patient-level plants, each on patients no other damage touches
            List<String> shuffled = new ArrayList<>(clean);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            Set<String> reserved = new HashSet<>();
            for (Kind kind : Kind.values()) {
                if (kind.rowLevel) {
                    continue;
                }
                int wanted = PATIENT_PLANTS.get(kind);
                for (String id : shuffled) {
                    if (wanted == 0) {
                        break;
                    }
                    if (reserved.contains(id)) {
                        continue;
                    }
                    int pl = patientLine.get(id);
                    LocalDate birth = fullDate(patient.field(pl, "birth_date"));
                    LocalDate death = fullDate(patient.field(pl, "death_date"));
                    String deathRaw = patient.field(pl, "death_date");
                    LocalDate lastContact = fullDate(patient.field(pl, "last_contact_date"));
                    List<int[]> rows = childRows.getOrDefault(id, List.of());
                    int[] admin = rows.stream().filter(r -> children.get(r[0]).table.equals("drug_administration"))
                            .reduce((a, b) -> b).orElse(null);
                    boolean fits = switch (kind) {
                        case CONFLICTING_DUPLICATE_PATIENT -> birth != null && !rows.isEmpty();
                        case PATIENT_FIELD_TOO_LONG -> !rows.isEmpty() && patient.column.containsKey("patient_name");
                        case DEATH_BEFORE_BIRTH -> death != null && death.isBefore(extractDate);
                        case ADMINISTRATION_31_DAYS_AFTER_DEATH -> admin != null && death != null
                                && !death.plusDays(31).isAfter(extractDate);
                        case ADMINISTRATION_10_DAYS_AFTER_DEATH -> admin != null && death != null && !death.plusDays(10).isAfter(extractDate);
                        case LAST_CONTACT_BEFORE_EVENT -> admin != null && MISSING.contains(deathRaw) && lastContact != null
                                && !lastContact.plusDays(20).isAfter(extractDate);
                        default -> false;
                    };
                    if (!fits) {
                        continue;
                    }
                    reserved.add(id);
                    wanted--;
                    switch (kind) {
                        case CONFLICTING_DUPLICATE_PATIENT -> {
                            List<String> f = new ArrayList<>(fields(patient.text(pl)));
                            f.set(patient.column.get("birth_date"), birth.plusDays(1).toString());
                            patient.lines.add(join(f).getBytes(StandardCharsets.UTF_8));
                            added.merge(patient.path, 1L, Long::sum);
                            expected.add(new Expected(kind, patient.path, pl + 1, kind.outcome, kind.code, false));
                            expected.add(new Expected(kind, patient.path, patient.lines.size(), kind.outcome, kind.code, true));
                            childrenRejected(kind, rows, children, expected);
                        }
                        case PATIENT_FIELD_TOO_LONG -> {
                            patient.setField(pl, "patient_name", "x".repeat(LONG_FIELD));
                            expected.add(new Expected(kind, patient.path, pl + 1, kind.outcome, kind.code, true));
                            childrenRejected(kind, rows, children, expected);
                        }
                        case DEATH_BEFORE_BIRTH -> {
                            patient.setField(pl, "birth_date", death.plusDays(1).toString());
                            deathBeforeBirth.add(id);
                            expected.add(new Expected(kind, patient.path, pl + 1, kind.outcome, kind.code, true));
                        }
                        default -> {
                            LocalDate moved = kind == Kind.LAST_CONTACT_BEFORE_EVENT ? lastContact.plusDays(20)
                                    : death.plusDays(kind == Kind.ADMINISTRATION_31_DAYS_AFTER_DEATH ? 31 : 10);
                            CsvFile f = children.get(admin[0]);
                            f.setField(admin[1], "admin_date", moved.toString());
                            if (kind == Kind.LAST_CONTACT_BEFORE_EVENT) {
                                effective.put(id, moved);
                            } else if (kind == Kind.ADMINISTRATION_10_DAYS_AFTER_DEATH && lastContact != null && lastContact.isBefore(moved)) {
                                // the record now passes the last contact: the patient row gets that finding too
                                expected.add(new Expected(kind, patient.path, pl + 1, Outcome.FINDING, "LAST_CONTACT_BEFORE_EVENT", false));
                            }
                            expected.add(new Expected(kind, f.path, admin[1] + 1, kind.outcome, kind.code, true));
                        }
                    }
                }
                if (wanted > 0) {
                    throw new IllegalStateException("not enough clean patients for " + kind);
                }
            }

            // row-level damage on the other clean patients' child rows
            Set<String> victims = new HashSet<>(clean);
            victims.removeAll(reserved);
            int longFields = 0;
            int unknownPatients = 0;
            for (CsvFile f : children) {
                int encodingCap = (int) Math.floor(ENCODING_SHARE * (f.originalLines - 1));
                int encoding = 0;
                int lastQuote = -MAX_LINES_PER_RECORD;
                int quoteFree = quoteFreeFrom(f); // lines from this index on hold no quote
                Set<String> rows = new HashSet<>();
                for (int i = 1; i < f.lines.size(); i++) {
                    rows.add(identity(f.text(i)));
                }
                for (int i = 1; i < f.originalLines; i++) {
                    if (f.multiLine[i] || !victims.contains(f.field(i, "patient_id")) || random.nextDouble() >= rate) {
                        continue;
                    }
                    List<Kind> apply = new ArrayList<>();
                    boolean quoted = f.hasQuote(i);
                    boolean lab = f.table.equals("lab_result");
                    for (Kind k : Kind.values()) {
                        boolean ok = switch (k) {
                            case TRUNCATED_LINE, EXTRA_DELIMITER, MISSING_DELIMITER -> !quoted;
                            case UNBALANCED_QUOTE -> !quoted && i - lastQuote >= MAX_LINES_PER_RECORD
                                    && noQuoteBetween(f, i + 1, i + MAX_LINES_PER_RECORD, quoteFree);
                            case UNDECODABLE_BYTES, CONTROL_BYTE -> encoding < encodingCap;
                            case LONG_FIELD -> longFields < LONG_FIELD_CAP;
                            case IMPOSSIBLE_DATE, FUTURE_DATE, UNKNOWN_PATIENT -> true;
                            case ANC_1E9 -> lab && "anc".equals(analyte(f, i));
                            case NEGATIVE_LAB_VALUE, UNKNOWN_UNIT -> lab && analyte(f, i) != null;
                            default -> false;
                        };
                        if (ok) {
                            apply.add(k);
                        }
                    }
                    Kind k = apply.get(random.nextInt(apply.size()));
                    String text = f.text(i);
                    switch (k) {
                        case TRUNCATED_LINE -> text = text.substring(0, 1 + random.nextInt(text.lastIndexOf(',')));
                        case EXTRA_DELIMITER -> {
                            int at = random.nextInt(text.length() + 1);
                            text = text.substring(0, at) + "," + text.substring(at);
                        }
                        case MISSING_DELIMITER -> {
                            List<Integer> commas = new ArrayList<>();
                            for (int c = 0; c < text.length(); c++) {
                                if (text.charAt(c) == ',') {
                                    commas.add(c);
                                }
                            }
                            int at = commas.get(random.nextInt(commas.size()));
                            text = text.substring(0, at) + text.substring(at + 1);
                        }
                        case UNBALANCED_QUOTE -> {
                            int at = text.indexOf(',', random.nextInt(text.lastIndexOf(',') + 1));
                            text = text.substring(0, at + 1) + "\"" + text.substring(at + 1);
                            lastQuote = i;
                        }
                        case CONTROL_BYTE -> {
                            int at = random.nextInt(text.length() + 1);
                            text = text.substring(0, at) + CONTROL[random.nextInt(CONTROL.length)] + text.substring(at);
                            encoding++;
                        }
                        case LONG_FIELD -> {
                            List<String> fs = new ArrayList<>(fields(text));
                            fs.set(1 + random.nextInt(fs.size() - 1), "x".repeat(LONG_FIELD));
                            text = join(fs);
                            longFields++;
                        }
                        default -> {
                        }
                    }
                    if (k == Kind.UNDECODABLE_BYTES) {
                        int at = random.nextInt(text.length() + 1);
                        byte[] bytes = concat(text.substring(0, at).getBytes(StandardCharsets.UTF_8),
                                UNDECODABLE.get(random.nextInt(UNDECODABLE.size())),
                                text.substring(at).getBytes(StandardCharsets.UTF_8));
                        if (decodes(bytes)) {
                            throw new IllegalStateException("a planted byte sequence decodes as UTF-8 in " + f.path + " line " + (i + 1));
                        }
                        f.lines.set(i, bytes);
                        encoding++;
                    } else if (k.ordinal() <= Kind.LONG_FIELD.ordinal()) {
                        f.lines.set(i, text.getBytes(StandardCharsets.UTF_8));
                    } else {
                        // a field edit must not make the row identical to another (it would be collapsed, not rejected)
                        String edited = null;
                        for (int attempt = 0; edited == null || rows.contains(identity(edited)); attempt++) {
                            if (attempt == 50) {
                                throw new IllegalStateException("no unique " + k + " edit for " + f.path + " line " + (i + 1));
                            }
                            edited = edit(k, f, i, extractDate, random, ++unknownPatients);
                        }
                        rows.add(identity(edited));
                        f.lines.set(i, edited.getBytes(StandardCharsets.UTF_8));
                    }
                    expected.add(new Expected(k, f.path, i + 1, k.outcome, k.code, true));
                }
            }
            Map<String, Long> records = new TreeMap<>();
            for (CsvFile f : files.values()) {
                f.write(target);
                // no damage adds or removes a record: the sample manifest's count, plus the rows appended
                records.put(f.path, manifest.getLong("files.\"" + f.path + "\".rows") + added.getOrDefault(f.path, 0L));
            }
            writeManifest(target, manifest, records);
            return new Damaged(target, rate, seed, List.copyOf(expected), Map.copyOf(effective), Set.copyOf(deathBeforeBirth),
                    Map.copyOf(records), Map.copyOf(added));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line with one field changed as the kind says. */
    private static String edit(Kind k, CsvFile f, int i, LocalDate extractDate, SplittableRandom random, int serial) {
        List<String> fs = new ArrayList<>(fields(f.text(i)));
        int year = 1950 + random.nextInt(70);
        String value = switch (k) {
            case IMPOSSIBLE_DATE -> String.format(Locale.ROOT, IMPOSSIBLE.get(random.nextInt(IMPOSSIBLE.size())), year, year % 100);
            case FUTURE_DATE -> extractDate.plusDays(1 + random.nextInt(400)).toString();
            case ANC_1E9 -> "1000000000";
            case NEGATIVE_LAB_VALUE -> String.format(Locale.ROOT, "-%d.%d", 1 + random.nextInt(50), random.nextInt(10));
            case UNKNOWN_UNIT -> "furlong/fortnight";
            case UNKNOWN_PATIENT -> String.format(Locale.ROOT, "DMG%07d", serial);
            default -> throw new IllegalStateException(k.name());
        };
        String column = switch (k) {
            case IMPOSSIBLE_DATE, FUTURE_DATE -> DATE_COLUMN.get(f.table);
            case ANC_1E9, NEGATIVE_LAB_VALUE -> "value";
            case UNKNOWN_UNIT -> "unit";
            default -> "patient_id";
        };
        fs.set(f.column.get(column), value);
        return join(fs);
    }

    /** What makes two rows identical as raw text: each field trimmed, missing markers as missing. */
    private static String identity(String line) {
        return fields(line).stream().map(String::trim).map(v -> MISSING.contains(v) ? "" : v)
                .collect(java.util.stream.Collectors.joining("\u001f"));
    }

    private static void childrenRejected(Kind kind, List<int[]> rows, List<CsvFile> children, List<Expected> expected) {
        for (int[] r : rows) {
            expected.add(new Expected(kind, children.get(r[0]).path, r[1] + 1, Outcome.REJECT, "PATIENT_REJECTED", false));
        }
    }

    /** The analyte a lab row names (the LOINC, local codes and names the sample writes), null when none of them. */
    private static String analyte(CsvFile f, int line) {
        String loinc = f.field(line, "loinc_code");
        String local = f.field(line, "local_code");
        String name = String.valueOf(f.field(line, "lab_name")).toLowerCase(Locale.ROOT);
        if (Set.of("751-8", "26499-4").contains(loinc) || "LAB-ANC".equals(local) || name.equals("anc")
                || name.equals("absolute neutrophil count")) {
            return "anc";
        }
        if ("770-8".equals(loinc) || "LAB-NEUT".equals(local) || name.startsWith("neutrophil %")) {
            return "neutrophil_pct";
        }
        return Set.of("718-7", "777-3", "6690-2", "1742-6", "1920-8", "1975-2", "2160-0").contains(loinc)
                || (local != null && local.startsWith("LAB-"))
                || Set.of("hemoglobin", "platelet", "wbc", "alt", "ast", "total bilirubin", "creatinine").contains(name) ? "other" : null;
    }

    private static int quoteFreeFrom(CsvFile f) {
        int from = f.lines.size();
        while (from > 1 && !f.hasQuote(from - 1)) {
            from--;
        }
        return from;
    }

    private static boolean noQuoteBetween(CsvFile f, int from, int to, int quoteFree) {
        if (from >= quoteFree) {
            return true;
        }
        for (int i = from; i < Math.min(to, f.lines.size()); i++) {
            if (f.hasQuote(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes decode as strict UTF-8 (malformed and unmappable input reported). */
    public static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A full date in any of the contract's forms (a date-time's date), null for a partial, missing or other value. */
    static LocalDate fullDate(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = FULL_DATE.matcher(raw.trim());
        try {
            return m.find() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))) : null;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The patient ids the sample generator's truth names (its planted rows), when the sample has a truth. */
    private static Set<String> truthPatients(Path sample) throws IOException {
        Path truth = sample.getParent().resolve("truth").resolve(sample.getFileName()).resolve("damage.csv");
        Set<String> ids = new HashSet<>();
        if (Files.exists(truth)) {
            List<String> lines = Files.readAllLines(truth, StandardCharsets.UTF_8);
            int column = fields(lines.get(0)).indexOf("patient_id");
            for (String l : lines.subList(1, lines.size())) {
                ids.add(fields(l).get(column));
            }
        }
        return ids;
    }

    /** The CSV files of an extract, relative, sorted. */
    public static List<String> csvFiles(Path extract) throws IOException {
        try (Stream<Path> s = Files.walk(extract)) {
            return s.filter(p -> p.toString().endsWith(".csv")).map(p -> extract.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    public static Config manifest(Path extract) {
        return ConfigFactory.parseFile(extract.resolve("extract_manifest.json").toFile(),
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
    }

    /** extract_manifest.json with the old one's source, date and encoding and the given record counts and each file's sha256. */
    public static void writeManifest(Path extract, Config old, Map<String, Long> records) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"source\": \"").append(old.getString("source"))
                .append("\",\n  \"extract_date\": \"").append(old.getString("extract_date"))
                .append("\",\n  \"encoding\": \"").append(old.hasPath("encoding") ? old.getString("encoding") : "UTF-8")
                .append("\",\n  \"files\": {");
        String sep = "\n";
        for (Map.Entry<String, Long> e : records.entrySet()) {
            json.append(sep).append("    \"").append(e.getKey()).append("\": {\"rows\": ").append(e.getValue())
                    .append(", \"sha256\": \"").append(sha256(Files.readAllBytes(extract.resolve(e.getKey())))).append("\"}");
            sep = ",\n";
        }
        Files.writeString(extract.resolve("extract_manifest.json"), json.append("\n  }\n}\n"));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line's fields, RFC 4180 (the line holds no line break). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                inQuotes = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String join(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String v = fields.get(i);
            out.append(i == 0 ? "" : ",");
            out.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return out.toString();
    }
}
