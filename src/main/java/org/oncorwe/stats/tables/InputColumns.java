package org.oncorwe.stats.tables;

/** The columns the survival command reads; group and strata may be null. */
public record InputColumns(String time, String event, String group, String strata) {
}
