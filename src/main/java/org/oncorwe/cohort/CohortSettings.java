package org.oncorwe.cohort;

import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.DayWindow;
import org.oncorwe.config.OncoRweConfig;

import java.io.Serializable;

/** Every parameter the cohort rules read (cohort.*, her2.*, stats.days_per_month), in one value sent to the tasks. */
public record CohortSettings(LinesOfTherapy.Params lines, DiseaseCourse.Params course, Her2Rule her2Rule, DayWindow her2Window,
                             int ishIhcPairingDays, int hrWindowDays, double daysPerMonth) implements Serializable {

    /** The reference.conf defaults. */
    public static CohortSettings defaults() {
        return new CohortSettings(LinesOfTherapy.Params.defaults(), DiseaseCourse.Params.defaults(), Her2Rule.ASCO_CAP_2018,
                DayWindow.days(30), 30, 30, 30.4375);
    }

    public static CohortSettings from(OncoRweConfig c) {
        int gap = c.get(ConfigKeys.COHORT_LINE_GAP_DAYS);
        return new CohortSettings(
                new LinesOfTherapy.Params(c.get(ConfigKeys.COHORT_REGIMEN_WINDOW_DAYS), gap,
                        c.get(ConfigKeys.COHORT_METASTATIC_SPLIT_DAYS)),
                new DiseaseCourse.Params(c.get(ConfigKeys.COHORT_MISSING_KCD_IS_BREAST), c.get(ConfigKeys.COHORT_DE_NOVO_WINDOW_DAYS),
                        c.get(ConfigKeys.COHORT_SITES_AT_INDEX_DAYS), gap),
                c.get(ConfigKeys.HER2_RULE), c.get(ConfigKeys.HER2_WINDOW_DAYS), c.get(ConfigKeys.HER2_ISH_IHC_PAIRING_DAYS),
                c.get(ConfigKeys.HER2_HR_WINDOW_DAYS), c.get(ConfigKeys.STATS_DAYS_PER_MONTH));
    }
}
