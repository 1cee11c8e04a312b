package org.oncorwe.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class StepLogTest {

    @Test
    void lineHasAFixedGreppableForm() {
        assertEquals("stage=ingest step=parse rows_in=1000 rows_out=998 seconds=1.235",
                StepLog.format("ingest", "parse", 1000, 998, 1.2345));
        assertTrue(StepLog.of("cohort").step("lines", 5, 4).matches(
                "stage=cohort step=lines rows_in=5 rows_out=4 seconds=\\d+\\.\\d{3}"));
    }
}
