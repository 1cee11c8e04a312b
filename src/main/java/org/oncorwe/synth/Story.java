package org.oncorwe.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic patient's planted truth: who they are, whether and why the first_line_thp
 * study includes them, and what every later stage must derive (truth/patients.csv). Values are
 * the expected post-ingest ones. Filled in by {@link PatientGenerator}; null = not applicable.
 */
final class Story {
    String patientId;
    Archetype archetype;
    String expectedStep;
    LocalDate birthDate;
    LocalDate deathDate;
    LocalDate lastContact;
    LocalDate indexDate;
    Integer ageAtIndex;
    String ageGroup;
    String menopausalStatus;
    String hrStatus;
    String her2Basis;
    String diseaseSetting;
    String relapseContext;
    Boolean curativeSurgery;
    Boolean perioperativeChemo;
    Boolean priorAntiHer2;
    Integer docetaxelAdmins;
    Double dfiMonths;
    Boolean visceral;
    Boolean bone;
    Boolean brain;
    Boolean measurable;
    String bestResponse;
    Boolean responder;
    LocalDate firstResponseDate;
    Boolean longTermResponder;
    LocalDate pdDate;
    Integer osDays;
    Integer osEvent;
    Integer pfsDays;
    Integer pfsEvent;
    String pfsEventType;
    LocalDate indexLineEnd;
    LocalDate maintenanceStart;
    String indexLabel;
    Integer pfsTrialDays;
    Integer pfsTrialEvent;
    Integer ancNadirCentis;
    String nextLineRegimen;
    LocalDate nextLineStart;
    Boolean febrileNeutropenia;
    final List<LineTruth> lines = new ArrayList<>();
    final List<ToxicityTruth> toxicities = new ArrayList<>();

    static String ageGroup(int age) {
        return age <= 40 ? "<=40" : age <= 50 ? "41-50" : age <= 60 ? "51-60" : ">60";
    }

    static String docetaxelGroup(Integer n) {
        return n == null || n == 0 ? null : n < 6 ? "<6" : n <= 9 ? "6-9" : ">=10";
    }
}
