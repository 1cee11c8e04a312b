package org.oncorwe.stats.stage;

import java.util.List;

/** Endpoint names of the statistics tables (outputs.md). */
public final class Endpoint {

    public static final String OS = "os";
    public static final String PFS = "pfs";
    public static final String PFS_TRIAL = "pfs_trial";
    public static final String DOR = "dor";
    public static final String OS_LM126 = "os_lm126";
    public static final String OS_LM1066 = "os_lm1066";
    public static final String FOLLOWUP = "followup";

    /** The endpoints analysed by every subgroup factor, tested and modelled. */
    public static final List<String> SURVIVAL = List.of(OS, PFS, PFS_TRIAL, DOR);
    /** Every endpoint, in the order the tables list them. */
    public static final List<String> ALL = List.of(OS, PFS, PFS_TRIAL, DOR, OS_LM126, OS_LM1066, FOLLOWUP);

    /** The factor of the rows over every subject, and its one level. */
    public static final String FACTOR_ALL = "all";
    /** os_lm126's grouping: docetaxel dates in [0, landmark) of the index line, {@code <6} / {@code >=6}. */
    public static final String DOCETAXEL_GE6 = "docetaxel_ge6";
    /** os_lm1066's grouping: whether the index line was still going at the landmark. */
    public static final String INDEX_LINE_ONGOING = "index_line_ongoing";

    private Endpoint() {
    }
}
