package org.oncorwe.ingest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The patient shuffle's partitions from the extract's bytes (decision 270), at the benchmark's sizes. */
@Tag("unit")
class IngestShufflePartitionsTest {

    @Test
    void onePartitionPer32MiBOfCsvNeverFewerThanConfiguredNorMoreThanTheCap() {
        // the sample (≈ 8 MB) and the tests' 4 partitions: as configured
        assertEquals(4, IngestStage.shufflePartitions(8_000_000L, 4));
        assertEquals(16, IngestStage.shufflePartitions(8_000_000L, 16));
        // 100 000 patients, 774 393 474 bytes: 774 393 474 / 33 554 432 = 23.08 → 24
        assertEquals(24, IngestStage.shufflePartitions(774_393_474L, 16));
        // 300 000: 2 326 671 856 / 33 554 432 = 69.34 → 70; 1 000 000: 7 766 095 322 / 33 554 432 = 231.45 → 232
        assertEquals(70, IngestStage.shufflePartitions(2_326_671_856L, 16));
        assertEquals(232, IngestStage.shufflePartitions(7_766_095_322L, 16));
        // exactly 2 partitions' worth is 2, one byte more is 3
        assertEquals(2, IngestStage.shufflePartitions(2 * IngestStage.EXTRACT_BYTES_PER_PARTITION, 1));
        assertEquals(3, IngestStage.shufflePartitions(2 * IngestStage.EXTRACT_BYTES_PER_PARTITION + 1, 1));
        assertEquals(4000, IngestStage.shufflePartitions(Long.MAX_VALUE / 2, 16));
    }
}
