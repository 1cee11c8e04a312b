package org.oncorwe.ingest.dictionary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LOINC, local code or lab name → analyte, and unit → conversion to the canonical unit
 * (registry-extract.md, lab_result.csv; files lab_analytes.csv, lab_codes.csv, lab_units.csv).
 */
public final class LabDictionary implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ANALYTES_FILE = "lab_analytes.csv";
    public static final String CODES_FILE = "lab_codes.csv";
    public static final String UNITS_FILE = "lab_units.csv";

    /** Ways a lab row names its analyte, in the order they are tried. */
    public enum CodeKind { LOINC, LOCAL, NAME }

    private final Map<String, LabAnalyte> analytes;
    private final Map<CodeKind, Map<String, LabAnalyte>> codes;
    /** unit set → normalised unit → conversion. */
    private final Map<String, Map<String, UnitConversion>> units;

    private LabDictionary(Map<String, LabAnalyte> analytes, Map<CodeKind, Map<String, LabAnalyte>> codes,
                          Map<String, Map<String, UnitConversion>> units) {
        this.analytes = analytes;
        this.codes = codes;
        this.units = units;
    }

    public static LabDictionary load(Path dir) {
        Map<String, Map<String, UnitConversion>> units = new HashMap<>();
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, UNITS_FILE, "unit_set", "unit", "operation", "factor")) {
            UnitConversion.Operation op = row.enumValue("operation", UnitConversion.Operation.class);
            BigDecimal factor = row.decimal("factor");
            if (factor.signum() <= 0) {
                throw row.fail("factor must be positive");
            }
            String unit = normaliseUnit(row.required("unit"));
            if (units.computeIfAbsent(row.required("unit_set"), s -> new HashMap<>())
                    .put(unit, new UnitConversion(op, factor)) != null) {
                throw row.fail("unit '" + unit + "' listed twice in set " + row.get("unit_set"));
            }
        }
        Map<String, LabAnalyte> analytes = new HashMap<>();
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, ANALYTES_FILE,
                "analyte", "canonical_unit", "unit_set", "min_plausible", "max_plausible")) {
            String set = row.required("unit_set");
            Map<String, UnitConversion> setUnits = units.get(set);
            if (setUnits == null) {
                throw row.fail("unit_set '" + set + "' is not in " + UNITS_FILE);
            }
            UnitConversion canonical = setUnits.get(normaliseUnit(row.required("canonical_unit")));
            if (canonical == null || !canonical.isIdentity()) {
                throw row.fail("canonical_unit '" + row.get("canonical_unit") + "' is not in set " + set + " with factor 1");
            }
            LabAnalyte a = new LabAnalyte(row.required("analyte"), row.get("canonical_unit"), set,
                    row.decimal("min_plausible"), row.decimal("max_plausible"));
            if (a.minPlausible().compareTo(a.maxPlausible()) > 0) {
                throw row.fail("min_plausible is above max_plausible");
            }
            if (analytes.put(a.id(), a) != null) {
                throw row.fail("analyte '" + a.id() + "' listed twice");
            }
        }
        Map<CodeKind, Map<String, LabAnalyte>> codes = new EnumMap<>(CodeKind.class);
        for (CodeKind kind : CodeKind.values()) {
            codes.put(kind, new HashMap<>());
        }
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, CODES_FILE, "kind", "code", "analyte")) {
            CodeKind kind = row.enumValue("kind", CodeKind.class);
            LabAnalyte analyte = analytes.get(row.required("analyte"));
            if (analyte == null) {
                throw row.fail("analyte '" + row.get("analyte") + "' is not in " + ANALYTES_FILE);
            }
            String key = keyOf(kind, row.required("code"));
            if (codes.get(kind).put(key, analyte) != null) {
                throw row.fail(kind + " '" + key + "' listed twice");
            }
        }
        codes.replaceAll((kind, map) -> Map.copyOf(map));
        units.replaceAll((set, map) -> Map.copyOf(map));
        return new LabDictionary(Map.copyOf(analytes), Map.copyOf(codes), Map.copyOf(units));
    }

    /** The analyte by LOINC, else local code, else lab name (any may be null). */
    public Optional<LabAnalyte> resolve(String loinc, String localCode, String labName) {
        String[] given = {loinc, localCode, labName};
        for (CodeKind kind : CodeKind.values()) {
            LabAnalyte a = codes.get(kind).get(keyOf(kind, given[kind.ordinal()]));
            if (a != null) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public Optional<LabAnalyte> analyte(String id) {
        return Optional.ofNullable(analytes.get(id));
    }

    /** How a value in this unit converts to the analyte's canonical unit; empty for an unknown or missing unit. */
    public Optional<UnitConversion> conversion(LabAnalyte analyte, String unit) {
        return Optional.ofNullable(units.get(analyte.unitSet()).get(normaliseUnit(unit)));
    }

    /**
     * Spelling-only normalisation of a unit: NFKC (µ, superscripts), micro signs → u, lower case,
     * no spaces, {@code ×}/{@code x} before 10 dropped, {@code 10*3} → {@code 10^3}. "x10^9/L" ≡ "10^9/l".
     */
    public static String normaliseUnit(String unit) {
        if (unit == null) {
            return "";
        }
        String u = unit.replace("10³", "10^3").replace("10⁶", "10^6").replace("10⁹", "10^9");
        u = Normalizer.normalize(u, Normalizer.Form.NFKC).replace('μ', 'u').replace('µ', 'u')
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", "").replace('×', 'x').replace("10*", "10^");
        return u.startsWith("x10^") ? u.substring(1) : u;
    }

    private static String keyOf(CodeKind kind, String code) {
        return kind == CodeKind.NAME ? Text.key(code) : Text.code(code);
    }
}
