package org.oncorwe.ingest.dictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A drug_name reduced to its dictionary key (registry-extract.md: lower case, Unicode NFC,
 * strength, units and dosage-form words stripped) plus the route its words state, if any.
 * "Herceptin SC 600mg/5ml" → key {@code herceptin}, form SC; "도세탁셀주 80mg" → {@code 도세탁셀}.
 *
 * @param key  the dictionary key
 * @param form IV, SC or PO when a word says so ("SC", "i.v.", "tab", "정"), else null
 */
public record DrugName(String key, String form) {

    private static final String UNIT = "(?:mg|mcg|µg|μg|ug|g|ml|l|iu|u|units?|mmol|meq|%|m2|kg|vials?|amps?)";
    private static final String AMOUNT = "\\d+(?:[.,]\\d+)?";
    /** A strength: an amount with an optional unit, then any "/ [amount] unit" parts ("80mg/4ml", "440 mg", "1200mg/600mg"). */
    private static final Pattern STRENGTH = Pattern.compile("(?<![\\p{L}\\p{N}-])" + AMOUNT + "\\s*" + UNIT + "?"
            + "(?:\\s*/\\s*(?:" + AMOUNT + ")?\\s*" + UNIT + ")*(?![\\p{L}\\p{N}-])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s(),;\\[\\]]+");

    /** Whole words dropped from a name, with the route they state ("" for none). */
    private static final Map<String, String> FORM_WORDS = formWords();
    /** Korean dosage-form endings of a word ("허셉틴주", "카페시타빈정"), longest first, with their route. */
    private static final List<String[]> KOREAN_ENDINGS = List.of(
            new String[] {"주사액", ""}, new String[] {"주사", ""}, new String[] {"캡슐", "PO"},
            new String[] {"주", ""}, new String[] {"정", "PO"});

    public static DrugName of(String drugName) {
        String text = STRENGTH.matcher(Text.key(drugName)).replaceAll(" ");
        List<String> kept = new ArrayList<>();
        String form = null;
        for (String word : SEPARATORS.split(text)) {
            if (word.isEmpty()) {
                continue;
            }
            if (FORM_WORDS.containsKey(word)) {
                form = routeOr(FORM_WORDS.get(word), form);
                continue;
            }
            String[] ending = koreanEnding(word);
            if (ending != null) {
                form = routeOr(ending[1], form);
                word = word.substring(0, word.length() - ending[0].length());
            }
            kept.add(word);
        }
        return new DrugName(String.join(" ", kept), form);
    }

    private static String[] koreanEnding(String word) {
        if (!isHangul(word)) {
            return null;
        }
        for (String[] ending : KOREAN_ENDINGS) {
            if (word.length() > ending[0].length() + 1 && word.endsWith(ending[0])) {
                return ending;
            }
        }
        return null;
    }

    private static boolean isHangul(String word) {
        return word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    private static String routeOr(String route, String current) {
        return route.isEmpty() ? current : route;
    }

    private static Map<String, String> formWords() {
        Map<String, String> words = new java.util.HashMap<>();
        for (String w : List.of("inj", "inj.", "injection", "injections", "inf", "infusion", "vial", "vials", "amp",
                "ampoule", "soln", "solution", "powder", "pfs", "prefilled", "syringe", "pen", "주사", "주사액")) {
            words.put(w, "");
        }
        for (String w : List.of("sc", "s.c.", "s.c", "subcutaneous", "피하", "피하주사")) {
            words.put(w, "SC");
        }
        for (String w : List.of("iv", "i.v.", "i.v", "intravenous", "정맥", "정맥주사")) {
            words.put(w, "IV");
        }
        for (String w : List.of("po", "p.o.", "oral", "tab", "tab.", "tabs", "tablet", "tablets", "cap", "cap.",
                "caps", "capsule", "capsules", "정", "캡슐")) {
            words.put(w, "PO");
        }
        return Map.copyOf(words);
    }
}
