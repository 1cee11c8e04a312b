package org.oncorwe.ingest.dictionary;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The three dictionaries of conf/dictionaries (runtime.dictionaries), loaded once on the
 * driver and shipped to executors (immutable, Serializable). No Spark here.
 */
public record Dictionaries(DrugDictionary drugs, LabDictionary labs, AeTermDictionary aeTerms) implements Serializable {

    /** Loads every dictionary file of a folder; a malformed file fails naming the file and line. */
    public static Dictionaries load(Path dir) {
        return new Dictionaries(DrugDictionary.load(dir), LabDictionary.load(dir), AeTermDictionary.load(dir));
    }
}
