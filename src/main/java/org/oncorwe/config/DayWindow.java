package org.oncorwe.config;

import java.io.Serializable;

/**
 * A window in days that may also be unlimited ({@code ANY}), e.g. {@code her2.window_days}.
 *
 * @param days the number of days; meaningless when {@code any}
 * @param any  true for no limit
 */
public record DayWindow(int days, boolean any) implements Serializable {

    public static final DayWindow ANY = new DayWindow(0, true);

    public static DayWindow days(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("negative window");
        }
        return new DayWindow(days, false);
    }

    public boolean isAny() {
        return any;
    }
}
