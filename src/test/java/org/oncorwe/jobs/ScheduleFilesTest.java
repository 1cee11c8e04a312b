package org.oncorwe.jobs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.Scripts;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Airflow DAG compiles (Airflow itself is not installed here) and the scheduler examples call nightly.sh. */
@Tag("unit")
class ScheduleFilesTest {

    private static final Path SCHEDULE = TestPaths.home().resolve("jobs/schedule");

    @Test
    void airflowDagCompiles() {
        Path python = Path.of("/usr/bin/python3");
        String onPath = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        boolean found = Files.isExecutable(python) || java.util.Arrays.stream(onPath.split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "python3")));
        Assumptions.assumeTrue(found, "python3 is not installed");
        Path cache = TestPaths.emptyHome("pycache");
        Scripts.Result r = Scripts.run(SCHEDULE, Map.of("PYTHONPYCACHEPREFIX", cache.toString()),
                List.of("python3", "-m", "py_compile", SCHEDULE.resolve("oncorwe_dag.py").toString()));
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void theDagRetriesAndBackfillsAndTheCronLineCallsNightly() throws IOException {
        String dag = Files.readString(SCHEDULE.resolve("oncorwe_dag.py"));
        assertTrue(dag.contains("SparkSubmitOperator("));
        assertTrue(dag.contains("\"retries\": 2"));
        assertTrue(dag.contains("--extract-date {{ params.extract_date }}"));
        assertTrue(dag.contains("pseudonym\""), "the key's name is redacted in the UI and event logs");
        assertTrue(Files.readString(SCHEDULE.resolve("crontab.example")).contains("/jobs/schedule/nightly.sh --root "));
        Scripts.Result help = Scripts.run(TestPaths.home(), Map.of(), List.of("bash", "-n", SCHEDULE.resolve("nightly.sh").toString()));
        assertEquals(0, help.exitCode(), help.err());
    }
}
