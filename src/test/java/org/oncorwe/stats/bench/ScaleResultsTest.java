package org.oncorwe.stats.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("unit")
class ScaleResultsTest {

    private static final String HEADER = "utc,patients,phase,exit,seconds,peak_rss_mb,peak_heap_mb,records,bytes,cores,load";

    @Test
    void slopeIsTheLeastSquaresFitOnLogLogAndFailedRunsAreLeftOut() {
        ScaleResults r = ScaleResults.parse(List.of(HEADER,
                "t,100000,run,0,100.0,900,700,1,2,2,1.0",
                "t,300000,run,1,5.0,900,,1,2,2,1.0", // failed: left out
                "t,300000,run,0,300.0,900,700,1,2,2,1.0",
                "t,1000000,run,0,1000.0,900,700,1,2,2,1.0",
                "t,100000,floor,0,50.0,400,,1,2,2,1.0",
                "t,1000000,floor,0,400.0,400,,1,2,2,1.0"));
        // seconds = patients / 1000 exactly: slope 1
        assertEquals(1.0, r.slope("run", 100_000, 1_000_000).orElseThrow(), 1e-12);
        // two points: log(400/50) / log(10) = log10(8) = 0.90309
        assertEquals(Math.log10(8), r.slope("floor", 100_000, 1_000_000).orElseThrow(), 1e-12);
        assertEquals(Optional.empty(), r.slope("stats", 100_000, 1_000_000));
        assertEquals(2.0, r.runOverFloor(100_000).orElseThrow(), 1e-12);
        assertEquals(2.5, r.runOverFloor(1_000_000).orElseThrow(), 1e-12);
        assertEquals(Optional.empty(), r.runOverFloor(300_000));
        assertEquals(Optional.empty(), r.get(100_000, "floor").orElseThrow().peakHeapMb());
        assertEquals(Optional.of(700L), r.get(300_000, "run").orElseThrow().peakHeapMb());
        assertEquals(300.0, r.get(300_000, "run").orElseThrow().seconds(), "the successful row, not the failed one");
    }
}
