package org.oncorwe.stats;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The symmetric (SPSS) median CI against the hand-computed golden symmetric_expected.csv (the
 * arithmetic is written in its header), since R has no such method.
 */
@Tag("unit")
class MedianConfidenceIntervalTest {

    static Stream<Map<String, String>> cases() {
        return Golden.read("symmetric_expected.csv").rows.stream();
    }

    private static KaplanMeier.Result fit(String name) {
        List<Map<String, String>> rows = Golden.read("symmetric_input.csv").where(r -> r.get("case").equals(name));
        double[] time = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("time"))).toArray();
        boolean[] event = new boolean[time.length];
        for (int i = 0; i < event.length; i++) {
            event[i] = rows.get(i).get("status").equals("1");
        }
        return KaplanMeier.withDefaults().fit(SurvivalData.ofSubjects(null, null, time, event).counts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void symmetricIntervalMatchesTheHandComputation(Map<String, String> expected) {
        Golden g = Golden.read("symmetric_expected.csv");
        SurvivalQuantiles.Estimate e = MedianConfidenceInterval.of(fit(expected.get("case")), MedianCiMethod.SYMMETRIC);
        g.assertAgrees(expected.get("median"), e.value(), expected.get("case") + " median");
        g.assertAgrees(expected.get("lower"), e.lower(), expected.get("case") + " lower");
        g.assertAgrees(expected.get("upper"), e.upper(), expected.get("case") + " upper");
    }

    @Test
    void theRMethodIsRsMedianRule() {
        KaplanMeier.Result fit = fit("twelve");
        assertEquals(SurvivalQuantiles.median(fit), MedianConfidenceInterval.of(fit, MedianCiMethod.R));
    }
}
