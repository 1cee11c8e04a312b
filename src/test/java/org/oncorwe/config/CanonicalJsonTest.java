package org.oncorwe.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("unit")
class CanonicalJsonTest {

    @Test
    void sortsKeysByCodePointAndWritesNumbersPlainly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 60.0);
        m.put("a", new BigDecimal("1E+3"));
        m.put("Z", List.of(0.01, 2));
        m.put("é", null);
        assertEquals("{\"Z\":[0.01,2],\"a\":1000,\"b\":60,\"é\":null}", CanonicalJson.write(m));
    }

    @Test
    void escapesStringsAndWritesNonFiniteAsNull() {
        assertEquals("[\"q\\\"\\\\\\n\\u0001\",null,true]",
                CanonicalJson.write(Arrays.asList("q\"\\\n\u0001", Double.NaN, true)));
    }

    @Test
    void prettyFormIsIndentedTwoSpaces() {
        assertEquals("{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}\n", CanonicalJson.writePretty(Map.of("b", Map.of(), "a", List.of(1))));
    }
}
