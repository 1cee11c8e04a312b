package org.oncorwe.ingest.dictionary;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one text normalisation every dictionary key goes through: Unicode NFC, lower case (Locale.ROOT), trimmed, single spaces. */
public final class Text {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return SPACES.matcher(nfc).replaceAll(" ").trim();
    }

    /** A code: trimmed, upper case (Locale.ROOT). */
    public static String code(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).trim().toUpperCase(Locale.ROOT);
    }
}
