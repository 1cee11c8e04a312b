package org.oncorwe.cohort;

import org.oncorwe.ingest.dictionary.DrugClass;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the cohort rules read of one patient, from the staged tables: the patient row (birth,
 * death, effective last contact, menopausal status), the given administrations, tumour events,
 * surgeries and pathology reports. Lists are put in one canonical order here, so a result never
 * depends on the order rows arrived in.
 */
public record PatientHistory(LocalDate birthDate, LocalDate deathDate, LocalDate effectiveLastContact, String menopausalStatus,
                             List<LinesOfTherapy.Given> given, List<DiseaseCourse.Event> events,
                             List<DiseaseCourse.Surgery> surgeries, List<Biomarkers.Report> reports) implements Serializable {

    public PatientHistory {
        given = sorted(given, Comparator.comparing(LinesOfTherapy.Given::date).thenComparing(LinesOfTherapy.Given::ingredient));
        events = sorted(events, Comparator.comparing(DiseaseCourse.Event::date)
                .thenComparing(DiseaseCourse.Event::type, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DiseaseCourse.Event::site, Comparator.nullsFirst(Comparator.naturalOrder())));
        surgeries = sorted(surgeries, Comparator.comparing(DiseaseCourse.Surgery::date)
                .thenComparing(DiseaseCourse.Surgery::intent, Comparator.nullsFirst(Comparator.naturalOrder())));
        reports = sorted(reports, Comparator.comparing(Biomarkers.Report::date)
                .thenComparing(r -> String.valueOf(r.specimen())).thenComparing(r -> String.valueOf(r.her2Ihc()))
                .thenComparing(r -> String.valueOf(r.ishRatio())).thenComparing(r -> String.valueOf(r.copyNumber()))
                .thenComparing(r -> String.valueOf(r.erPercent())).thenComparing(r -> String.valueOf(r.prPercent())));
    }

    /**
     * One staged administration row that was given (DONE, order-collapsed): rows sharing an
     * administration_id are one administration, dated by the ingest rules; its form (IV / SC / PO,
     * null when unknown) and whether the product is a biosimilar.
     */
    public record Administration(String administrationId, LocalDate date, List<String> ingredients, DrugClass drugClass,
                                 String form, boolean biosimilar) implements Serializable {

        /** The product as a line names it in its substitutions: ingredients, form, biosimilar; null without a form. */
        String product() {
            return form == null ? null : String.join("+", ingredients) + " " + form + (biosimilar ? " biosimilar" : "");
        }
    }

    /** Each (administration, ingredient) once: the rows of one bundled order share an administration_id. */
    public static List<LinesOfTherapy.Given> given(List<Administration> administrations) {
        List<Administration> ordered = new ArrayList<>(administrations);
        ordered.sort(Comparator.comparing(Administration::date).thenComparing(Administration::administrationId));
        Set<String> seen = new HashSet<>();
        List<LinesOfTherapy.Given> out = new ArrayList<>();
        for (Administration a : ordered) {
            for (String ingredient : a.ingredients()) {
                if (seen.add(a.administrationId() + "|" + ingredient)) {
                    out.add(new LinesOfTherapy.Given(a.date(), ingredient, a.drugClass(), a.product()));
                }
            }
        }
        return out;
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> out = new ArrayList<>(items);
        out.sort(order);
        return List.copyOf(out);
    }
}
