package org.oncorwe.synth;

import java.time.LocalDate;

/**
 * What one generator run makes.
 *
 * @param patients    registry patients to write
 * @param seed        master seed (with profile and patient index, each patient's own stream)
 * @param extractDate the extract's cut-off date
 * @param profile     calibration profile
 * @param damage      defect rates
 * @param rowsPerPart records per part file of the large tables
 */
public record GeneratorSettings(int patients, long seed, LocalDate extractDate, Profile profile, DamageRates damage,
                                int rowsPerPart) {

    public GeneratorSettings {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be at least 1");
        }
        if (rowsPerPart < 1) {
            throw new IllegalArgumentException("rowsPerPart must be at least 1");
        }
    }
}
