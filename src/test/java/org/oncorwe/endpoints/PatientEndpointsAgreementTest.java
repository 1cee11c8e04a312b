package org.oncorwe.endpoints;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.IngestedExtracts;
import org.oncorwe.testing.KeyedRows;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The endpoint rules without Spark ({@link EndpointFacts}: the extract through ingest's and the
 * cohort's rules) reproduce the hand fixture's expected endpoints and tumour responses, every row
 * and every column, and the sample's planted endpoints.
 */
@Tag("unit")
class PatientEndpointsAgreementTest {

    private static final Path EXPECTED = IngestedExtracts.HAND.resolve("expected");
    private static final Path TRUTH = IngestedExtracts.SAMPLE.resolve("truth/2020-10-31");

    private static final Map<Path, Map<String, PatientEndpoints.Result>> DERIVED = new HashMap<>();

    /** The endpoints of an extract's first_line_thp members under the defaults, derived once per extract. */
    private static synchronized Map<String, PatientEndpoints.Result> endpoints(Path extract) {
        return DERIVED.computeIfAbsent(extract, e -> EndpointFacts.of(e, IngestedExtracts.DATE)
                .endpoints(PatientEndpoints.Params.defaults()));
    }

    private static Map<String, PatientEndpoints.Result> hand() {
        return endpoints(IngestedExtracts.HAND.resolve("2020-10-31"));
    }

    private static Map<String, PatientEndpoints.Result> sample() {
        return endpoints(IngestedExtracts.SAMPLE.resolve("2020-10-31"));
    }

    /** A CSV with a header; '#' starts a comment line. */
    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords();
        }
    }

    /** One endpoints row by its outputs.md column names (no study, patient_key or months). */
    private static Map<String, Object> columns(PatientEndpoints.Result r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("os_days", r.osDays());
        c.put("os_event", r.osEvent());
        c.put("pfs_days", r.pfsDays());
        c.put("pfs_event", r.pfsEvent());
        c.put("pfs_event_type", r.pfsEventType());
        c.put("pfs_trial_days", r.pfsTrialDays());
        c.put("pfs_trial_event", r.pfsTrialEvent());
        c.put("measurable", r.measurable());
        c.put("best_response", r.bestResponse());
        c.put("responder", r.responder());
        c.put("dor_days", r.dorDays());
        c.put("dor_event", r.dorEvent());
        c.put("long_term_responder", r.longTermResponder());
        c.put("next_line_regimen", r.nextLineRegimen());
        c.put("next_line_start", r.nextLineStart());
        return c;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The expected rows' columns against ours, keyed by patient_id. */
    private static void assertEndpoints(List<CSVRecord> expected, List<String> columns, Map<String, PatientEndpoints.Result> got) {
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord e : expected) {
            want.put(e.get("patient_id"), String.join("|", columns.stream().map(e::get).toList()));
        }
        Map<String, String> ours = new TreeMap<>();
        got.forEach((id, r) -> ours.put(id, String.join("|", columns.stream().map(c -> text(columns(r).get(c))).toList())));
        KeyedRows.assertSameRows(want, ours);
    }

    @Test
    void handFixtureEndpointsAsComputedByHand() throws IOException {
        List<CSVRecord> expected = csv(EXPECTED.resolve("expected_endpoints.csv"));
        List<String> columns = expected.get(0).getParser().getHeaderNames().stream()
                .filter(c -> !c.equals("patient_id") && !c.equals("comment")).toList();
        assertEquals(14, columns.size());
        assertEquals(20, expected.size());
        assertEndpoints(expected, columns, hand());
    }

    @Test
    void handFixtureTumorResponsesAsComputedByHand() throws IOException {
        Map<String, String> want = new TreeMap<>();
        for (CSVRecord e : csv(EXPECTED.resolve("expected_tumor_response.csv"))) {
            want.put(e.get("patient_id") + "#" + e.get("assessment_date"), String.join("|", e.get("days_from_index"),
                    e.get("overall_response"), e.get("derived"), e.get("counted_for_bor")));
        }
        Map<String, String> got = new TreeMap<>();
        hand().forEach((id, r) -> r.responses().forEach(x -> got.put(id + "#" + x.date(), String.join("|",
                        Integer.toString(x.daysFromIndex()), text(x.overallResponse()), Boolean.toString(x.derived()),
                        Boolean.toString(x.countedForBor())))));
        assertEquals(18, want.size());
        KeyedRows.assertSameRows(want, got);
    }

    @Test
    void sampleEndpointsEqualTheGeneratorsTruth() throws IOException {
        List<CSVRecord> included = csv(TRUTH.resolve("patients.csv")).stream()
                .filter(t -> t.get("expected_step").equals("INCLUDED")).toList();
        assertEquals(224, included.size());
        assertEquals(10, included.stream().filter(t -> t.get("measurable").equals("false")).count());
        assertEndpoints(included, List.of("os_days", "os_event", "pfs_days", "pfs_event", "pfs_event_type", "measurable",
                        "best_response", "responder", "long_term_responder", "next_line_regimen", "next_line_start"),
                sample());
    }

    @Test
    void sampleTrialPfsAndDurationOfResponseStayWithinRegistryPfs() {
        List<String> odd = new ArrayList<>();
        sample().forEach((id, r) -> {
            boolean trialWithin = r.pfsTrialDays() <= r.pfsDays() && r.pfsTrialEvent() <= r.pfsEvent();
            boolean dorWithin = r.dorDays() == null
                    || (r.dorDays() >= 0 && r.dorDays() <= r.pfsDays() && r.dorEvent() == r.pfsEvent());
            if (!trialWithin || !dorWithin || (r.dorDays() != null) != Boolean.TRUE.equals(r.responder())) {
                odd.add(id + " " + r);
            }
        });
        assertEquals(List.of(), odd);
    }
}
