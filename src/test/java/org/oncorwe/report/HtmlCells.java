package org.oncorwe.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the report's own HTML back: the attributes of every element with a given tag and class, unescaped. */
final class HtmlCells {

    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z][a-z0-9-]*)=\"([^\"]*)\"");

    private HtmlCells() {
    }

    /** Every {@code <tag ...>} whose attributes include all of {@code required}; each as attribute → value (+ "text"). */
    static List<Map<String, String>> elements(String html, String tag, String... required) {
        List<Map<String, String>> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "(\\s[^>]*)?>([^<]*)").matcher(html);
        while (m.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (m.group(1) != null) {
                Matcher a = ATTRIBUTE.matcher(m.group(1));
                while (a.find()) {
                    attributes.put(a.group(1), unescape(a.group(2)));
                }
            }
            attributes.put("text", unescape(m.group(2)));
            if (List.of(required).stream().allMatch(attributes::containsKey)) {
                out.add(attributes);
            }
        }
        return out;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
