package org.oncorwe.ingest;

/** How a partial date (yyyy-MM or yyyy) is completed (registry-extract.md, Dates). */
public enum PartialDateImputation {
    /** yyyy-MM becomes the 15th, yyyy becomes July 1st. */
    MID,
    /** yyyy-MM becomes the 1st, yyyy becomes January 1st. */
    FIRST
}
