package org.oncorwe.synth;

import java.time.LocalDate;
import java.util.List;

/**
 * Tumour assessments that realise a planted best overall response (domain-rules §5): a
 * baseline in [index - 35, index - 3] (measurable as planted), then one about every nine
 * weeks; PD exactly on the planted PD day. Components are always written; the overall
 * response is sometimes left for the pipeline to derive.
 */
final class Assessments {

    private Assessments() {
    }

    /** Writes them; returns the day of the last evaluable one (not NE) on or before the PD, null when none. */
    static Integer write(PatientRandom r, Rows rows, Story story, LocalDate baseline, LocalDate index,
                         List<Integer> days, Integer pdDay, Integer nextLineDay) {
        boolean measurable = story.measurable;
        assessment(r, rows, baseline, measurable, null);
        String bor = story.bestResponse;
        // assessments that decide the best response: before PD and on or before the last record day
        int eligible = 0;
        for (int day : days) {
            if ((pdDay == null || day < pdDay) && rows.within(index.plusDays(day))) {
                eligible++;
            }
        }
        boolean crAfterPr = bor.equals("CR") && eligible >= 2 && r.chance(0.7);
        int afterPd = 0;
        LocalDate firstResponse = null;
        Integer lastEvaluable = null;
        for (int i = 0; i < days.size(); i++) {
            int day = days.get(i);
            LocalDate date = index.plusDays(day);
            if (!rows.within(date)) {
                break;
            }
            String response;
            if (pdDay != null && day >= pdDay) {
                if (day > pdDay && ++afterPd > 2) {
                    break;
                }
                // PD on the planted day; later ones belong to the next line and never count
                String stable = measurable ? "SD" : "NON_CR_NON_PD";
                response = day == pdDay ? "PD" : r.chance(0.5) ? stable : "PD";
            } else {
                // a planted PD is the first assessment, so bor is never PD here
                response = bor.equals("CR") && crAfterPr && i == 0 ? "PR" : bor;
                if (firstResponse == null && (response.equals("CR") || response.equals("PR"))) {
                    firstResponse = date;
                }
            }
            assessment(r, rows, date, measurable, response);
            if (!response.equals("NE") && (pdDay == null || day <= pdDay)) {
                lastEvaluable = day;
            }
        }
        story.firstResponseDate = Boolean.TRUE.equals(story.responder) ? firstResponse : null;
        return lastEvaluable;
    }

    /** One row; {@code response} null for the baseline. */
    private static void assessment(PatientRandom r, Rows rows, LocalDate date, boolean measurable, String response) {
        Row row = rows.addDated(ExtractTable.TUMOR_ASSESSMENT, date).set("assessment_date", rows.date(date))
                .set("modality", r.chance(0.85) ? "CT" : r.oneOf("MRI", "PET", "BONE_SCAN"))
                .set("measurable", measurable ? "Y" : "N");
        if (response == null) {
            return;
        }
        String target;
        String nonTarget;
        String newLesions = "N";
        if (measurable) {
            switch (response) {
                case "CR" -> {
                    target = "CR";
                    nonTarget = r.chance(0.5) ? "CR" : "NOT_APPLICABLE";
                }
                case "PR" -> {
                    target = "PR";
                    nonTarget = r.chance(0.5) ? "NON_CR_NON_PD" : "NOT_APPLICABLE";
                }
                case "SD" -> {
                    target = "SD";
                    nonTarget = r.chance(0.5) ? "NON_CR_NON_PD" : "NOT_APPLICABLE";
                }
                case "NE" -> {
                    target = "NE";
                    nonTarget = "NE";
                    newLesions = "UNKNOWN";
                }
                default -> { // PD: target progression, or a new lesion
                    boolean newLesion = r.chance(0.4);
                    target = newLesion ? "SD" : "PD";
                    nonTarget = "NON_CR_NON_PD";
                    newLesions = newLesion ? "Y" : "N";
                }
            }
        } else {
            target = "NOT_APPLICABLE";
            switch (response) {
                case "CR" -> nonTarget = "CR";
                case "PD" -> {
                    nonTarget = "PD";
                    newLesions = r.chance(0.5) ? "Y" : "N";
                }
                default -> nonTarget = "NON_CR_NON_PD";
            }
        }
        row.set("target_response", target).set("non_target_response", nonTarget).set("new_lesions", newLesions);
        if (r.chance(0.85)) {
            row.set("overall_response", response);
        }
    }
}
