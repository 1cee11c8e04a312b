package org.oncorwe.cohort;

import org.oncorwe.config.DayWindow;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * HER2 and hormone-receptor status of one patient at a study's anchor date (domain-rules §2), in
 * plain Java: HER2 judged per report by ASCO/CAP 2018 (or RATIO_ONLY), an ISH-only report paired
 * with the nearest IHC of the same specimen; HR from the latest report with an ER or PR value.
 */
public final class Biomarkers {

    /** One pathology report as staged (nulls where the registry left a field empty). */
    public record Report(LocalDate date, String specimen, BigDecimal erPercent, BigDecimal prPercent, String erResult,
                         String prResult, String her2Ihc, BigDecimal ishRatio, BigDecimal copyNumber) implements Serializable {
        boolean hasIsh() {
            return ishRatio != null || copyNumber != null;
        }

        /** The same report on another day. */
        public Report withDate(LocalDate day) {
            return new Report(day, specimen, erPercent, prPercent, erResult, prResult, her2Ihc, ishRatio, copyNumber);
        }
    }

    /** The HER2 verdict: positive, and on what basis (IHC3 or ISH); basis null when negative. */
    public record Her2(boolean positive, String basis) implements Serializable {
    }

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal SIX = BigDecimal.valueOf(6);

    private Biomarkers() {
    }

    /**
     * HER2 status from the reports on or before anchor + window (every report with ANY, or when
     * there is no anchor).
     */
    public static Her2 her2(List<Report> reports, LocalDate anchor, Her2Rule rule, DayWindow window, int pairingDays) {
        boolean positive = false;
        boolean ihc3 = false;
        for (Report r : reports) {
            if (anchor != null && !window.isAny() && r.date().isAfter(anchor.plusDays(window.days()))) {
                continue;
            }
            String ihc = r.her2Ihc() != null ? r.her2Ihc() : r.hasIsh() ? pairedIhc(r, reports, pairingDays) : null;
            if (isPositive(ihc, r.ishRatio(), r.copyNumber(), rule)) {
                positive = true;
                ihc3 |= "3+".equals(ihc);
            }
        }
        return new Her2(positive, positive ? (ihc3 ? "IHC3" : "ISH") : null);
    }

    /** The IHC of the nearest report of the same specimen within the pairing window (by days, then the higher IHC). */
    static String pairedIhc(Report ish, List<Report> reports, int pairingDays) {
        return reports.stream()
                .filter(o -> o.her2Ihc() != null && Objects.equals(o.specimen(), ish.specimen())
                        && Math.abs(ChronoUnit.DAYS.between(ish.date(), o.date())) <= pairingDays)
                .min(Comparator.<Report>comparingLong(o -> Math.abs(ChronoUnit.DAYS.between(ish.date(), o.date())))
                        .thenComparing(Report::her2Ihc, Comparator.reverseOrder()))
                .map(Report::her2Ihc).orElse(null);
    }

    static boolean isPositive(String ihc, BigDecimal ratio, BigDecimal copies, Her2Rule rule) {
        boolean ihc3 = "3+".equals(ihc);
        boolean ihc2or3 = ihc3 || "2+".equals(ihc);
        if (ihc3) {
            return true;
        }
        if (ratio == null) {
            return false;
        }
        boolean highRatio = ratio.compareTo(TWO) >= 0;
        if (rule == Her2Rule.RATIO_ONLY) {
            return highRatio;
        }
        if (highRatio) {
            return copies == null || copies.compareTo(FOUR) >= 0; // group 1; group 2 only with IHC 3+
        }
        return copies != null && copies.compareTo(SIX) >= 0 && ihc2or3; // group 3 with IHC 2+/3+; 4 and 5 negative
    }

    /**
     * HR status from the latest report on or before anchor + window that has any ER or PR value:
     * POSITIVE if any is positive, NEGATIVE if ER and PR are both known negative, else UNKNOWN.
     */
    public static String hrStatus(List<Report> reports, LocalDate anchor, int windowDays) {
        LocalDate latest = null;
        for (Report r : reports) {
            boolean any = r.erPercent() != null || r.prPercent() != null || r.erResult() != null || r.prResult() != null;
            boolean inWindow = anchor == null || !r.date().isAfter(anchor.plusDays(windowDays));
            if (any && inWindow && (latest == null || r.date().isAfter(latest))) {
                latest = r.date();
            }
        }
        if (latest == null) {
            return "UNKNOWN";
        }
        List<Boolean> er = new ArrayList<>();
        List<Boolean> pr = new ArrayList<>();
        for (Report r : reports) {
            if (r.date().equals(latest)) {
                er.add(receptor(r.erPercent(), r.erResult()));
                pr.add(receptor(r.prPercent(), r.prResult()));
            }
        }
        if (er.contains(Boolean.TRUE) || pr.contains(Boolean.TRUE)) {
            return "POSITIVE";
        }
        return er.contains(Boolean.FALSE) && pr.contains(Boolean.FALSE) ? "NEGATIVE" : "UNKNOWN";
    }

    /** Positive at >= 1 %, negative below; only a missing percent falls back to the result; null when unknown. */
    static Boolean receptor(BigDecimal percent, String result) {
        if (percent != null) {
            return percent.compareTo(BigDecimal.ONE) >= 0;
        }
        if (result == null) {
            return null;
        }
        return "POSITIVE".equals(result) ? Boolean.TRUE : "NEGATIVE".equals(result) ? Boolean.FALSE : null;
    }
}
