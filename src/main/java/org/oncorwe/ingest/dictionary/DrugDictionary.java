package org.oncorwe.ingest.dictionary;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Drug code and name → ingredients (registry-extract.md, drug_administration.csv; files
 * drug_ingredients.csv, drug_codes.csv, drug_names.csv, see docs/dictionaries.md).
 * The code is tried first (ATC, then EDI, then local codes); the name second.
 */
public final class DrugDictionary implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String INGREDIENTS_FILE = "drug_ingredients.csv";
    public static final String CODES_FILE = "drug_codes.csv";
    public static final String NAMES_FILE = "drug_names.csv";

    /** Kinds of drug code, in the order they are tried. */
    public enum CodeKind { ATC, EDI, LOCAL }

    private static final Set<String> FORMS = Set.of("IV", "SC", "PO");

    /**
     * One dictionary entry.
     *
     * @param nameMaySelect other ingredient sets a drug name may pick for this code (L01CD01: nab-paclitaxel)
     */
    record Product(List<String> ingredients, DrugClass drugClass, String form, boolean biosimilar,
                   List<List<String>> nameMaySelect) implements Serializable {
    }

    private final Map<String, DrugClass> classes;
    private final Map<CodeKind, Map<String, Product>> codes;
    private final Map<String, Product> names;

    private DrugDictionary(Map<String, DrugClass> classes, Map<CodeKind, Map<String, Product>> codes,
                           Map<String, Product> names) {
        this.classes = classes;
        this.codes = codes;
        this.names = names;
    }

    public static DrugDictionary load(Path dir) {
        Map<String, DrugClass> classes = new HashMap<>();
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, INGREDIENTS_FILE, "ingredient", "drug_class")) {
            String ingredient = row.required("ingredient");
            if (!ingredient.equals(Text.key(ingredient))) {
                throw row.fail("ingredient '" + ingredient + "' must be lower case (INN)");
            }
            if (classes.put(ingredient, row.enumValue("drug_class", DrugClass.class)) != null) {
                throw row.fail("ingredient '" + ingredient + "' listed twice");
            }
        }
        Map<CodeKind, Map<String, Product>> codes = new java.util.EnumMap<>(CodeKind.class);
        for (CodeKind kind : CodeKind.values()) {
            codes.put(kind, new HashMap<>());
        }
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, CODES_FILE,
                "kind", "code", "ingredients", "form", "biosimilar", "name_may_select", "product")) {
            CodeKind kind = row.enumValue("kind", CodeKind.class);
            List<List<String>> select = new ArrayList<>();
            for (String alternative : row.get("name_may_select").split("\\|")) {
                if (!alternative.isBlank()) {
                    select.add(ingredients(row, alternative, classes));
                }
            }
            putOnce(row, codes.get(kind), Text.code(row.required("code")), product(row, classes, select));
        }
        Map<String, Product> names = new HashMap<>();
        for (DictionaryCsv.Row row : DictionaryCsv.read(dir, NAMES_FILE, "name", "ingredients", "form", "biosimilar")) {
            String key = DrugName.of(row.required("name")).key();
            if (key.isEmpty()) {
                throw row.fail("name '" + row.get("name") + "' is empty once strength and form words are stripped");
            }
            putOnce(row, names, key, product(row, classes, List.of()));
        }
        codes.replaceAll((kind, map) -> Map.copyOf(map));
        return new DrugDictionary(Map.copyOf(classes), Map.copyOf(codes), Map.copyOf(names));
    }

    /** Maps one administration row's drug_code (may be null) and drug_name (may be null). */
    public DrugMapping map(String drugCode, String drugName) {
        Product byCode = byCode(drugCode);
        DrugName name = DrugName.of(drugName);
        Product byName = names.get(name.key());
        if (byCode == null && byName == null) {
            return DrugMapping.UNMAPPED;
        }
        if (byCode == null) {
            return new DrugMapping(byName.ingredients(), byName.drugClass(), DrugMapping.Basis.NAME,
                    name.form() != null ? name.form() : byName.form(), byName.biosimilar(), false);
        }
        Product code = byCode;
        if (byName != null && byCode.nameMaySelect().contains(byName.ingredients())) {
            code = byName; // a code shared by several ingredients, the name says which (decision 41)
        }
        boolean agree = byName != null && byName.ingredients().equals(code.ingredients());
        String form = code.form();
        if (form == null && agree) {
            form = name.form() != null ? name.form() : byName.form();
        }
        return new DrugMapping(code.ingredients(), code.drugClass(), DrugMapping.Basis.CODE, form,
                code.biosimilar() || (agree && byName.biosimilar()), byName != null && !agree);
    }

    private Product byCode(String drugCode) {
        String code = Text.code(drugCode);
        if (code.isEmpty()) {
            return null;
        }
        for (CodeKind kind : CodeKind.values()) {
            Product p = codes.get(kind).get(code);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The class of an ingredient, or null for UNKNOWN and ingredients the dictionary does not hold. */
    public DrugClass classOf(String ingredient) {
        return classes.get(ingredient);
    }

    private static Product product(DictionaryCsv.Row row, Map<String, DrugClass> classes, List<List<String>> select) {
        List<String> ingredients = ingredients(row, row.required("ingredients"), classes);
        Set<DrugClass> productClasses = new java.util.HashSet<>();
        ingredients.forEach(i -> productClasses.add(classes.get(i)));
        if (productClasses.size() != 1) {
            throw row.fail("ingredients " + ingredients + " are of different classes " + productClasses);
        }
        String form = row.get("form").toUpperCase(Locale.ROOT);
        if (!form.isEmpty() && !FORMS.contains(form)) {
            throw row.fail("form '" + row.get("form") + "' is not one of IV, SC, PO or empty");
        }
        String biosimilar = row.get("biosimilar").toUpperCase(Locale.ROOT);
        if (!Set.of("", "Y", "N").contains(biosimilar)) {
            throw row.fail("biosimilar '" + row.get("biosimilar") + "' is not Y, N or empty");
        }
        return new Product(ingredients, productClasses.iterator().next(), form.isEmpty() ? null : form,
                biosimilar.equals("Y"), List.copyOf(select));
    }

    /** "pertuzumab+trastuzumab" → the known ingredients, sorted by code point. */
    private static List<String> ingredients(DictionaryCsv.Row row, String text, Map<String, DrugClass> classes) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("\\+")) {
            String ingredient = part.trim();
            if (!classes.containsKey(ingredient)) {
                throw row.fail("ingredient '" + ingredient + "' is not in " + INGREDIENTS_FILE);
            }
            out.add(ingredient);
        }
        out.sort(null);
        return List.copyOf(out);
    }

    private static void putOnce(DictionaryCsv.Row row, Map<String, Product> map, String key, Product product) {
        Product before = map.put(key, product);
        if (before != null) {
            throw row.fail("'" + key + "' is already mapped above");
        }
    }
}
