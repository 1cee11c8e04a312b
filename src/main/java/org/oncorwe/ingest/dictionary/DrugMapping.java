package org.oncorwe.ingest.dictionary;

import java.io.Serializable;
import java.util.List;

/**
 * What a drug_administration row maps to (registry-extract.md, drug_administration.csv).
 *
 * @param ingredients      lowercase INN, sorted by code point; {@code [UNKNOWN]} when unmapped
 * @param drugClass        the class of the ingredients; null when unmapped
 * @param basis            CODE when drug_code mapped, NAME when only drug_name did, NONE when neither
 * @param form             IV, SC or PO when known (from the code's entry, else the name's form word, else the name's entry)
 * @param biosimilar       true when the code's or the (agreeing) name's entry is a biosimilar
 * @param codeNameDisagree the code and the name map to different ingredients (the code wins: CODE_NAME_DISAGREE)
 */
public record DrugMapping(List<String> ingredients, DrugClass drugClass, Basis basis, String form,
                          boolean biosimilar, boolean codeNameDisagree) implements Serializable {

    /** The ingredient of an unmappable drug. */
    public static final String UNKNOWN = "UNKNOWN";
    public static final DrugMapping UNMAPPED = new DrugMapping(List.of(UNKNOWN), null, Basis.NONE, null, false, false);

    /** What the mapping rests on. */
    public enum Basis { CODE, NAME, NONE }

    public DrugMapping {
        ingredients = List.copyOf(ingredients);
    }

    public boolean mapped() {
        return basis != Basis.NONE;
    }

    /** The ingredients joined with '+', as regimens are written (domain-rules §3). */
    public String ingredientKey() {
        return String.join("+", ingredients);
    }
}
