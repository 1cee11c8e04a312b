package org.oncorwe.ingest.contract;

import org.oncorwe.ingest.dictionary.CtcaeVersion;
import org.oncorwe.ingest.dictionary.Dictionaries;
import org.oncorwe.ingest.dictionary.DrugMapping;
import org.oncorwe.ingest.dictionary.LabAnalyte;
import org.oncorwe.ingest.dictionary.UnitConversion;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The row rules that consult the dictionaries (registry-extract.md: drug_administration,
 * lab_result, adverse_event): mapped values and findings go into the row; a reject is returned.
 */
final class DictionaryRules implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Dictionaries dictionaries;

    DictionaryRules(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** drug_administration, at drug_name (drug_code already read). */
    void drug(String name, RowState row) {
        String code = row.string("drug_code");
        DrugMapping m = dictionaries.drugs().map(code, name);
        row.values.put(Derived.INGREDIENTS, m.ingredients());
        row.values.put(Derived.DRUG_CLASS, m.drugClass() == null ? null : m.drugClass().name());
        row.values.put(Derived.MAPPING_BASIS, m.basis().name());
        row.values.put(Derived.DRUG_FORM, m.form());
        row.values.put(Derived.BIOSIMILAR, m.biosimilar());
        row.values.put(Derived.CODE_NAME_DISAGREE, m.codeNameDisagree());
        if (!m.mapped()) {
            row.find(Finding.UNMAPPED_DRUG, "drug_name", name);
        } else if (m.codeNameDisagree()) {
            row.find(Finding.CODE_NAME_DISAGREE, "drug_code", code + " vs " + name);
        }
    }

    /** adverse_event, at term. */
    void aeTerm(String recorded, RowState row) {
        String term = dictionaries.aeTerms().term(recorded).orElse(null);
        row.values.put(Derived.CTCAE_TERM, term);
        if (term == null) {
            row.find(Finding.UNMAPPED_AE_TERM, "term", recorded);
        }
    }

    /** adverse_event, at grade: one the CTCAE term has in the row's version (missing or unreadable = 5.0). */
    Reject grade(int grade, String versionText, RowState row) {
        String term = row.string(Derived.CTCAE_TERM);
        if (term == null) {
            return null;
        }
        CtcaeVersion version = CtcaeVersion.parse(versionText).orElse(CtcaeVersion.DEFAULT);
        Set<Integer> allowed = dictionaries.aeTerms().allowedGrades(term, version);
        return allowed.contains(grade) ? null : new Reject(RejectReason.INVALID_GRADE_FOR_TERM, "grade",
                "grade: " + grade + " is not a grade of '" + term + "' in CTCAE " + version.code() + " (allowed " + allowed + ")");
    }

    /** lab_result, at value: analyte (by the code and name columns read before), unit conversion, limits. */
    Reject labValue(String column, BigDecimal value, String unit, RowState row) {
        Optional<LabAnalyte> analyte = dictionaries.labs().resolve(row.string("loinc_code"), row.string("local_code"),
                row.string("lab_name"));
        row.values.put(Derived.ANALYTE, analyte.map(LabAnalyte::id).orElse(null));
        row.values.put(Derived.VALUE_CANONICAL, null);
        row.values.put(Derived.UNIT_CANONICAL, null);
        if (analyte.isEmpty()) {
            String named = firstGiven(row, "lab_name", "local_code", "loinc_code");
            row.find(Finding.UNMAPPED_LAB, named, named == null ? null : row.string(named));
            return null;
        }
        LabAnalyte a = analyte.get();
        Optional<UnitConversion> conversion = dictionaries.labs().conversion(a, unit);
        if (conversion.isEmpty()) {
            row.find(Finding.UNKNOWN_UNIT, "unit", unit);
            return null;
        }
        BigDecimal canonical = conversion.get().apply(value);
        if (!a.plausible(canonical)) {
            return new Reject(RejectReason.IMPLAUSIBLE_VALUE, column, column + ": outside the limits of " + a.id()
                    + " (" + a.minPlausible() + "–" + a.maxPlausible() + " " + a.canonicalUnit() + ")");
        }
        row.values.put(Derived.VALUE_CANONICAL, canonical);
        row.values.put(Derived.UNIT_CANONICAL, a.canonicalUnit());
        row.labConversion = conversion.get();
        return null;
    }

    /** lab_result, once the row is read: the reference range converts with the value's factor. */
    void labReferenceRange(RowState row) {
        convert(row, "ref_low", Derived.REF_LOW_CANONICAL);
        convert(row, "ref_high", Derived.REF_HIGH_CANONICAL);
    }

    private static void convert(RowState row, String column, String derived) {
        BigDecimal v = (BigDecimal) row.values.get(column);
        row.values.put(derived, v == null || row.labConversion == null ? null : row.labConversion.apply(v));
    }

    private static String firstGiven(RowState row, String... columns) {
        for (String c : columns) {
            if (row.values.get(c) != null) {
                return c;
            }
        }
        return null;
    }
}
