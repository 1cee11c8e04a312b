package org.oncorwe.stats.stage;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the summary tables read of one cohort patient (no patient_key): the cohort covariates of
 * Table 1, the response endpoints of Table 2 and the max CTCAE grade per term of Table 3 (a term
 * absent is grade 0). {@code group} is the patient's level of the study's comparison factor, or null.
 */
public record SummaryPatient(String group, Integer ageAtIndex, String ageGroup, String menopausalStatus, String hrStatus,
                             String diseaseSetting, String relapseContext, Boolean perioperativeChemo,
                             Boolean priorAntiHer2, Integer docetaxelAdmins, String docetaxelGroup, Double dfiMonths,
                             String dfiGroup, Boolean visceralMets, Boolean boneMets, Boolean brainMets, Integer thpCycles,
                             Boolean measurable, String bestResponse, Double dorMonths, Boolean longTermResponder,
                             Map<String, Integer> maxGrades) implements Serializable {

    public SummaryPatient {
        maxGrades = new TreeMap<>(maxGrades);
    }

    /** Measurable disease and a best overall response of CR or PR (the endpoints' responder). */
    public boolean responder() {
        return Boolean.TRUE.equals(measurable) && ("CR".equals(bestResponse) || "PR".equals(bestResponse));
    }

    public boolean relapsed() {
        return "RELAPSED".equals(diseaseSetting);
    }

    /** Relapsed after curative surgery: the population of perioperative chemotherapy and the disease-free interval. */
    public boolean afterCurativeSurgery() {
        return relapsed() && "CURATIVE_SURGERY".equals(relapseContext);
    }

    /** The max grade of a CTCAE term, 0 without a toxicity row. */
    public int grade(String ctcaeTerm) {
        return maxGrades.getOrDefault(ctcaeTerm, 0);
    }
}
