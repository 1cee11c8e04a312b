package org.oncorwe.synth;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.config.ConfigKeys;
import org.oncorwe.config.ConfigLoader;
import org.oncorwe.config.ConfigSources;
import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed sample is what profile smc writes today (1 000 patients, seed 20201031, the
 * configured defect rates, as {@code jobs/oncorwe generate} makes it): every file of the extract
 * and of the truth, to the byte. A change to the generator that moves any smc draw fails here;
 * another profile (cleopatra) must leave it alone.
 */
@Tag("unit")
class BundledSampleIsTheSmcProfileTest {

    @Test
    void regeneratingTheSampleGivesItsBytes() throws IOException {
        Path home = TestPaths.home();
        OncoRweConfig config = ConfigLoader.load(ConfigSources.of(home));
        GeneratorSettings settings = new GeneratorSettings(1000, 20201031L, LocalDate.of(2020, 10, 31), Profile.SMC,
                DamageRates.from(config), config.get(ConfigKeys.DEV_ROWS_PER_PART));
        Path again = SyntheticRegistry.generate(settings, TestPaths.emptyHome("smc-again")).extractDir().getParent();
        Path sample = home.resolve("sample-data/smc-like");
        List<Path> files = files(again);
        assertEquals(files(sample), files);
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(sample.resolve(f)), Files.readAllBytes(again.resolve(f)), f.toString());
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
