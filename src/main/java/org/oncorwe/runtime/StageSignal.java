package org.oncorwe.runtime;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskStart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A development hook for the crash tests (docs/reliability.md, dev.signal_stage): when the first
 * task of a Spark stage run on behalf of the given pipeline stage starts, writes a marker file
 * naming the executor that runs it, once. Pipeline stages tag their Spark jobs with the local
 * property {@value #STAGE_PROPERTY} ({@link SparkSessions#forStage}); Spark copies it into every
 * stage submitted for those jobs.
 */
public final class StageSignal extends SparkListener {

    public static final String STAGE_PROPERTY = "oncorwe.stage";

    private final String stage;
    private final Path marker;
    private final Set<Integer> sparkStages = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean signalled = new AtomicBoolean();

    public StageSignal(String stage, Path marker) {
        this.stage = stage;
        this.marker = marker;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        Properties properties = submitted.properties();
        if (properties != null && stage.equals(properties.getProperty(STAGE_PROPERTY))) {
            sparkStages.add(submitted.stageInfo().stageId());
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        if (sparkStages.contains(start.stageId()) && signalled.compareAndSet(false, true)) {
            String text = "stage=" + stage + "\nspark_stage=" + start.stageId() + "\nexecutor_id=" + start.taskInfo().executorId()
                    + "\nhost=" + start.taskInfo().host() + "\n";
            try {
                Path tmp = marker.resolveSibling("." + marker.getFileName() + ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the stage signal " + marker, e);
            }
        }
    }
}
