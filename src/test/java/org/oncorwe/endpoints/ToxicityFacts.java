package org.oncorwe.endpoints;

import org.oncorwe.ingest.contract.Derived;
import org.oncorwe.ingest.rules.RowOutcome;
import org.oncorwe.ingest.rules.RuleColumns;
import org.oncorwe.ingest.rules.RulesOverExtract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Toxicity's inputs per patient from an extract run through ingest's rules without Spark: the accepted
 * lab_result, measurement and adverse_event rows, read by the staged column names the endpoints stage reads.
 */
record ToxicityFacts(Map<String, List<Toxicity.LabSample>> labs, Map<String, List<Toxicity.Measurement>> measurements,
                     Map<String, List<Toxicity.RecordedAe>> recorded) {

    static ToxicityFacts of(Path extract, LocalDate extractDate) {
        ToxicityFacts facts = new ToxicityFacts(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (RowOutcome o : RulesOverExtract.run(extract, extractDate).rows()) {
            if (o.accepted()) {
                facts.add(o);
            }
        }
        return facts;
    }

    private void add(RowOutcome o) {
        switch (o.table()) {
            case "lab_result" -> labs.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(new Toxicity.LabSample(
                    o.get(Derived.ANALYTE), o.get("collected_at"), Boolean.TRUE.equals(o.get("collected_at" + Derived.TIME_KNOWN)),
                    o.get(Derived.VALUE_CANONICAL), o.get(Derived.REF_LOW_CANONICAL), o.get(Derived.REF_HIGH_CANONICAL),
                    o.get(RuleColumns.DERIVED_ANC)));
            case "measurement" -> measurements.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(new Toxicity.Measurement(
                    o.get("type"), o.get("measured_at"), Boolean.TRUE.equals(o.get("measured_at" + Derived.TIME_KNOWN)),
                    o.get("value"))); // staged as value_exact: °C after the °F rule
            case "adverse_event" -> recorded.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(new Toxicity.RecordedAe(
                    o.get(Derived.CTCAE_TERM), o.get("onset_date"), o.get("grade"), o.get("ctcae_version")));
            default -> {
            }
        }
    }

    /** The patient's toxicity rows with the default endpoints settings. */
    List<Toxicity.TermGrade> grade(String patientId, LocalDate index, LocalDate indexLineEnd, LocalDate nextLineStart) {
        Toxicity.Params p = Toxicity.Params.defaults();
        return Toxicity.grade(index, Toxicity.windowEnd(indexLineEnd, nextLineStart, p), labs.getOrDefault(patientId, List.of()),
                measurements.getOrDefault(patientId, List.of()), recorded.getOrDefault(patientId, List.of()), p);
    }
}
