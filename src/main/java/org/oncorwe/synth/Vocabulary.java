package org.oncorwe.synth;

/**
 * The strings the generator writes for drugs, labs and AE terms. conf/dictionaries must map
 * every one of them (a test checks it); synth keeps its own copy so it depends on no stage.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A drug as a registry row names it: code (may be null) and free-text name. */
    record Drug(String code, String name, String route) {
    }

    static final Drug[] DOCETAXEL = {
        new Drug("L01CD02", "Docetaxel 80mg/4ml inj", "IV"), new Drug(null, "Taxotere 20mg inj", "IV"),
        new Drug("DOCE80", "DOCETAXEL", "IV"), new Drug("644802490", "도세탁셀주 80mg", "IV"),
        new Drug(null, "Monotaxel 120mg", "IV")};
    static final Drug[] PACLITAXEL = {
        new Drug("L01CD01", "Paclitaxel 300mg inj", "IV"), new Drug(null, "Taxol", "IV"),
        new Drug("PACL300", "Genexol 30mg", "IV"), new Drug(null, "파클리탁셀", "IV")};
    static final Drug[] TRASTUZUMAB_IV = {
        new Drug("L01XC03", "Herceptin 440mg inj", "IV"), new Drug("L01FD01", "Herceptin 440mg inj", "IV"),
        new Drug("645302130", "허셉틴주 440mg", "IV"), new Drug("HERC440", "trastuzumab", "IV"),
        new Drug(null, "트라스투주맙", "IV")};
    static final Drug[] TRASTUZUMAB_BIOSIMILAR = {
        new Drug(null, "Herzuma 150mg", "IV"), new Drug(null, "Kanjinti 420mg", "IV"),
        new Drug(null, "Ontruzant 150mg", "IV")};
    static final Drug TRASTUZUMAB_SC = new Drug(null, "Herceptin SC 600mg/5ml", "SC");
    static final Drug[] PERTUZUMAB = {
        new Drug("L01XC13", "Perjeta 420mg/14ml", "IV"), new Drug("L01FD02", "Perjeta 420mg/14ml", "IV"),
        new Drug("PERJ420", "pertuzumab", "IV"), new Drug(null, "퍼제타주", "IV")};
    static final Drug[] TDM1 = {
        new Drug("L01XC14", "Kadcyla 160mg", "IV"), new Drug("L01FD03", "Kadcyla 160mg", "IV"),
        new Drug(null, "캐싸일라주", "IV"), new Drug(null, "T-DM1", "IV")};
    static final Drug LAPATINIB = new Drug("L01XE07", "Tykerb 250mg tab", "PO");
    static final Drug CAPECITABINE = new Drug("L01BC06", "Xeloda 500mg tab", "PO");
    static final Drug CAPECITABINE_KO = new Drug(null, "카페시타빈", "PO");
    static final Drug CARBOPLATIN = new Drug("L01XA02", "Carboplatin 450mg", "IV");
    static final Drug DOXORUBICIN = new Drug("L01DB01", "Adriamycin 50mg", "IV");
    static final Drug CYCLOPHOSPHAMIDE = new Drug("L01AA01", "Endoxan 500mg", "IV");
    static final Drug VINORELBINE = new Drug("L01CA04", "Navelbine 30mg", "IV");
    static final Drug ERIBULIN = new Drug("L01XX41", "Halaven 1mg", "IV");
    static final Drug GEMCITABINE = new Drug("L01BC05", "Gemzar 1g", "IV");
    static final Drug LETROZOLE = new Drug("L02BG04", "Femara 2.5mg", "PO");
    static final Drug TAMOXIFEN = new Drug("L02BA01", "Nolvadex 10mg tab", "PO");
    static final Drug ANASTROZOLE = new Drug("L02BG03", "Arimidex 1mg", "PO");
    static final Drug FULVESTRANT = new Drug("L02BA03", "Faslodex 250mg", "IV");
    static final Drug GOSERELIN = new Drug("L02AE03", "Zoladex 3.6mg", "SC");
    static final Drug PEGFILGRASTIM = new Drug("L03AA13", "Neulasta 6mg", "SC");
    static final Drug ONDANSETRON = new Drug("A04AA01", "Ondansetron 8mg", "IV");
    static final Drug DEXAMETHASONE = new Drug("H02AB02", "Dexamethasone 5mg", "IV");
    static final Drug ZOLEDRONIC_ACID = new Drug("M05BA08", "Zometa 4mg", "IV");
    static final Drug DENOSUMAB = new Drug("M05BX04", "Xgeva 120mg", "SC");
    static final Drug[] UNKNOWN_DRUGS = {
        new Drug(null, "Investigational drug XZ-101", "IV"), new Drug(null, "Herbal extract", "PO")};
    /** Code of docetaxel with a paclitaxel brand name: the code wins, CODE_NAME_DISAGREE. */
    static final Drug DISAGREEING = new Drug("L01CD02", "Taxol", "IV");

    /** An analyte as the lab system names it. */
    record Lab(String loinc, String localCode, String name) {
    }

    static final Lab ANC = new Lab("751-8", "LAB-ANC", "ANC");
    static final Lab ANC_ALT = new Lab("26499-4", null, "Absolute neutrophil count");
    static final Lab NEUT_PCT = new Lab("770-8", "LAB-NEUT", "Neutrophil %");
    static final Lab WBC = new Lab("6690-2", "LAB-WBC", "WBC");
    static final Lab HB = new Lab("718-7", "LAB-HB", "Hemoglobin");
    static final Lab PLT = new Lab("777-3", "LAB-PLT", "Platelet");
    static final Lab ALT = new Lab("1742-6", "LAB-ALT", "ALT");
    static final Lab AST = new Lab("1920-8", "LAB-AST", "AST");
    static final Lab TBIL = new Lab("1975-2", "LAB-TBIL", "Total bilirubin");
    static final Lab CREAT = new Lab("2160-0", "LAB-CR", "Creatinine");

    /** Recorded AE terms: the CTCAE term and the synonyms a clinician writes (English, Korean). */
    record AeTerm(String ctcae, String... written) {
    }

    static final AeTerm DIARRHEA = new AeTerm("Diarrhea", "Diarrhea", "설사");
    static final AeTerm NAUSEA = new AeTerm("Nausea", "Nausea", "구역");
    static final AeTerm VOMITING = new AeTerm("Vomiting", "Vomiting", "구토");
    static final AeTerm MUCOSITIS = new AeTerm("Mucositis oral", "Mucositis oral", "Stomatitis", "구내염");
    static final AeTerm NEUROPATHY = new AeTerm("Peripheral sensory neuropathy", "Peripheral sensory neuropathy",
            "Peripheral neuropathy", "말초신경병증");
    static final AeTerm FATIGUE = new AeTerm("Fatigue", "Fatigue", "피로");
    static final AeTerm ALOPECIA = new AeTerm("Alopecia", "Alopecia", "탈모");
    static final AeTerm MYALGIA = new AeTerm("Myalgia", "Myalgia", "근육통");
    static final AeTerm FEBRILE_NEUTROPENIA = new AeTerm("Febrile neutropenia", "Febrile neutropenia", "발열성 호중구감소증");
    static final String[] UNMAPPED_AE_TERMS = {"Feeling unwell", "기타 불편감"};

    /** CTCAE terms of the lab-derived toxicities. */
    static final String NEUTROPHIL_DECREASED = "Neutrophil count decreased";
    static final String WBC_DECREASED = "White blood cell decreased";
    static final String ANEMIA = "Anemia";
    static final String PLATELET_DECREASED = "Platelet count decreased";
    static final String ALT_INCREASED = "Alanine aminotransferase increased";
    static final String AST_INCREASED = "Aspartate aminotransferase increased";
    static final String EF_DECREASED = "Ejection fraction decreased";
}
