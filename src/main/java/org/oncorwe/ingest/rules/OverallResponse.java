package org.oncorwe.ingest.rules;

/** Overall response of one assessment from its components, RECIST 1.1 (domain-rules §5, first match wins). */
public final class OverallResponse {

    private OverallResponse() {
    }

    /**
     * Derives the overall response; every argument is a canonical code or null (missing).
     *
     * @return CR, PR, SD, NON_CR_NON_PD, PD or NE (never null: an assessment with nothing usable is NE)
     */
    public static String derive(String target, String nonTarget, String newLesions) {
        if ("Y".equals(newLesions) || "PD".equals(target) || "PD".equals(nonTarget)) {
            return "PD";
        }
        if ("CR".equals(target)) {
            return ("CR".equals(nonTarget) || "NOT_APPLICABLE".equals(nonTarget)) && "N".equals(newLesions) ? "CR" : "PR";
        }
        if ("PR".equals(target) || "SD".equals(target)) {
            return target;
        }
        if ("NOT_APPLICABLE".equals(target)) {
            if ("CR".equals(nonTarget)) {
                return "N".equals(newLesions) ? "CR" : "NON_CR_NON_PD";
            }
            return "NON_CR_NON_PD".equals(nonTarget) ? "NON_CR_NON_PD" : "NE";
        }
        // target NE or missing; with a missing target and a NOT_APPLICABLE-only non-target no rule
        // matches, and nothing assessable is NE as well
        return "NE";
    }
}
