package org.oncorwe.ingest.dictionary;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recorded AE term or synonym (English or Korean) → CTCAE term, and the grades each term
 * allows per CTCAE version (domain-rules §6; files ae_terms.csv, ae_synonyms.csv).
 */
public final class AeTermDictionary implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TERMS_FILE = "ae_terms.csv";
    public static final String SYNONYMS_FILE = "ae_synonyms.csv";

    /** normalised synonym (and term) → CTCAE term. */
    private final Map<String, String> synonyms;
    /** CTCAE term → version → allowed grades (empty: the term does not exist in that version). */
    private final Map<String, Map<CtcaeVersion, Set<Integer>>> grades;

    private AeTermDictionary(Map<String, String> synonyms, Map<String, Map<CtcaeVersion, Set<Integer>>> grades) {
        this.synonyms = synonyms;
        this.grades = grades;
    }

    public static AeTermDictionary load(Path dir) {
        Map<String, String> synonyms = new HashMap<>();
        Map<String, Map<CtcaeVersion, Set<Integer>>> grades = new HashMap<>();
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, TERMS_FILE, "term", "grades_3.0", "grades_4.03", "grades_5.0")) {
            String term = row.required("term");
            Map<CtcaeVersion, Set<Integer>> byVersion = new EnumMap<>(CtcaeVersion.class);
            for (CtcaeVersion v : CtcaeVersion.values()) {
                byVersion.put(v, parseGrades(row, "grades_" + v.code()));
            }
            if (grades.put(term, Map.copyOf(byVersion)) != null) {
                throw row.fail("term '" + term + "' listed twice");
            }
            synonyms.put(Text.key(term), term);
        }
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, SYNONYMS_FILE, "synonym", "term", "language")) {
            String term = row.required("term");
            if (!grades.containsKey(term)) {
                throw row.fail("term '" + term + "' is not in " + TERMS_FILE);
            }
            String before = synonyms.put(Text.key(row.required("synonym")), term);
            if (before != null && !before.equals(term)) {
                throw row.fail("synonym '" + row.get("synonym") + "' already maps to '" + before + "'");
            }
        }
        return new AeTermDictionary(Map.copyOf(synonyms), Map.copyOf(grades));
    }

    /** The CTCAE term a recorded term or synonym means (trimmed, case-insensitive, NFC). */
    public Optional<String> term(String recorded) {
        return Optional.ofNullable(synonyms.get(Text.key(recorded)));
    }

    /** The grades a CTCAE term allows in a version (null = 5.0); empty for an unknown term or one the version lacks. */
    public Set<Integer> allowedGrades(String term, CtcaeVersion version) {
        Map<CtcaeVersion, Set<Integer>> byVersion = grades.get(term);
        return byVersion == null ? Set.of() : byVersion.get(version == null ? CtcaeVersion.DEFAULT : version);
    }

    public Set<String> terms() {
        return new TreeSet<>(grades.keySet());
    }

    /** "1-5", "3-5", "1,2" or empty. */
    private static Set<Integer> parseGrades(DictionaryCsv.Row row, String column) {
        String text = row.get(column);
        Set<Integer> out = new TreeSet<>();
        if (text.isEmpty()) {
            return Set.of();
        }
        for (String part : text.split(",")) {
            String[] range = part.trim().split("-", -1);
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (range.length > 2 || from < 1 || to > 5 || from > to) {
                    throw new NumberFormatException();
                }
                for (int g = from; g <= to; g++) {
                    out.add(g);
                }
            } catch (NumberFormatException e) {
                throw row.fail(column + " '" + text + "' is not grades like 1-5, 3-5 or 1,2");
            }
        }
        return Set.copyOf(out);
    }
}
