package org.oncorwe.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole-partition publication with a journal, and recovery from each point a crash can stop it. */
@Tag("unit")
class PublisherTest {

    private final Path out = TestPaths.emptyHome("publish");
    private final Publisher publisher = new Publisher(out);
    private static final Publisher.Partition THP = new Publisher.Partition("cohort", "extract_date=2020-10-31/study=first_line_thp");
    private static final Publisher.Partition TH = new Publisher.Partition("cohort", "extract_date=2020-10-31/study=first_line_th");

    private void stage(String run, Publisher.Partition p, String content) throws IOException {
        Path dir = Files.createDirectories(publisher.staging(run).resolve(p.table()).resolve(p.path()));
        Files.writeString(dir.resolve("part-00000.parquet"), content);
    }

    private void live(Publisher.Partition p, String content) throws IOException {
        Path dir = Files.createDirectories(out.resolve(p.table()).resolve(p.path()));
        Files.writeString(dir.resolve("part-00000.parquet"), content);
        Files.writeString(dir.resolve(Publisher.SUCCESS), "");
    }

    private String liveContent(Publisher.Partition p) throws IOException {
        return Files.readString(out.resolve(p.table()).resolve(p.path()).resolve("part-00000.parquet"));
    }

    private boolean clean(String run) {
        return !Files.exists(publisher.staging(run)) && !Files.exists(out.resolve("_trash").resolve(run))
                && !Files.exists(out.resolve("_journal").resolve(run + ".json"));
    }

    @Test
    void publishesStagedPartitionsWithTheirMarkers() throws IOException {
        stage("r1", THP, "new-thp");
        stage("r1", TH, "new-th");
        List<Publisher.Partition> staged = publisher.staged("r1", "cohort", 2);
        assertEquals(List.of(TH, THP), staged);
        publisher.publish("r1", staged);
        assertEquals("new-thp", liveContent(THP));
        assertTrue(Files.exists(out.resolve("cohort").resolve(THP.path()).resolve(Publisher.SUCCESS)));
        assertTrue(clean("r1"));
    }

    @Test
    void rerunReplacesOnlyItsOwnPartitions() throws IOException {
        live(THP, "old-thp");
        Publisher.Partition otherDate = new Publisher.Partition("cohort", "extract_date=2020-09-30/study=first_line_thp");
        live(otherDate, "september");
        live(TH, "old-th");
        stage("r2", THP, "new-thp");
        publisher.publish("r2", publisher.staged("r2", "cohort", 2));
        assertEquals("new-thp", liveContent(THP));
        assertEquals("old-th", liveContent(TH));
        assertEquals("september", liveContent(otherDate));
        assertTrue(clean("r2"));
    }

    @Test
    void recoveryFinishesAPublicationStoppedBeforeAnyMove() throws IOException {
        live(THP, "old");
        stage("r3", THP, "new");
        Files.createFile(publisher.staging("r3").resolve("cohort").resolve(THP.path()).resolve(Publisher.SUCCESS));
        writeOpenJournal("r3");
        publisher.recover();
        assertEquals("new", liveContent(THP));
        assertTrue(clean("r3"));
    }

    @Test
    void recoveryFinishesAPublicationStoppedBetweenMovingTheOldAsideAndTheNewIn() throws IOException {
        live(THP, "old");
        stage("r4", THP, "new");
        writeOpenJournal("r4");
        Path aside = out.resolve("_trash/r4/cohort").resolve(THP.path());
        Files.createDirectories(aside.getParent());
        Files.move(out.resolve("cohort").resolve(THP.path()), aside);
        publisher.recover();
        assertEquals("new", liveContent(THP));
        assertTrue(clean("r4"));
    }

    @Test
    void recoveryDropsStagingOfRunsThatNeverPublished() throws IOException {
        live(THP, "old");
        stage("r5", THP, "half-written");
        publisher.recover();
        assertEquals("old", liveContent(THP));
        assertFalse(Files.exists(publisher.staging("r5")));
    }

    @Test
    void publishingSomethingNotStagedFails() {
        assertThrows(PipelineFailure.class, () -> publisher.publish("r6", List.of(THP)));
        assertFalse(Files.exists(out.resolve("cohort")));
    }

    private void writeOpenJournal(String run) throws IOException {
        Files.createDirectories(out.resolve("_journal"));
        Files.writeString(out.resolve("_journal").resolve(run + ".json"), "{\"run_id\": \"" + run + "\", \"state\": \"PUBLISHING\","
                + " \"partitions\": [{\"table\": \"cohort\", \"path\": \"" + THP.path() + "\"}]}");
    }
}
