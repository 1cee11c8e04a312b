package org.oncorwe.bi;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.bi.spark.PublishedSchemas;
import org.oncorwe.testing.PublishedRun;
import org.oncorwe.testing.SharedSpark;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/output-schema.md and docs/latest-views.sql are what `jobs/oncorwe schema` generates from the
 * tables the code publishes (a run of the hand fixture with every study): a schema change without
 * regenerating them fails here, and the generated text is left under target/ to copy.
 */
@Tag("spark")
class OutputSchemaDocTest {

    private static void assertCommitted(String file, String generated) throws IOException {
        Path committed = TestPaths.home().resolve("docs").resolve(file);
        String now = Files.exists(committed) ? Files.readString(committed) : "";
        if (!now.equals(generated)) {
            Path fresh = Path.of(System.getProperty("java.io.tmpdir")).resolve(file);
            Files.writeString(fresh, generated);
            assertEquals(generated, now, "docs/" + file + " is stale: regenerate it (its header says how) or copy " + fresh);
        }
    }

    @Test
    void committedSchemaDocAndViewsAreTheGeneratedOnes() throws IOException {
        PublishedRun.Published run = PublishedRun.hand();
        List<PublishedTable> tables = PublishedSchemas.read(SharedSpark.get(), run.output());
        java.util.Set<String> counted = new java.util.HashSet<>(run.manifest().getConfig("rows").root().keySet());
        counted.remove("report_figures"); // the report's figure files, not a table
        assertEquals(counted,
                new java.util.HashSet<>(tables.stream().map(PublishedTable::name).toList()), "every published table");
        assertCommitted("output-schema.md", OutputSchemaDoc.markdown(tables));
        assertCommitted("latest-views.sql", LatestViews.sql(tables));
        String sql = LatestViews.sql(tables);
        for (PublishedTable t : tables) {
            for (String dialect : LatestViews.DIALECTS) {
                assertTrue(LatestViews.statements(sql, dialect).stream().anyMatch(s -> s.contains(" " + t.name() + "_latest AS ")
                        || s.contains("." + t.name() + "_latest AS ")), t.name() + " latest view in " + dialect);
            }
        }
    }
}
