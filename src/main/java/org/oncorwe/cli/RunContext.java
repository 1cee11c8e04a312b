package org.oncorwe.cli;

import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.runtime.Publisher;
import org.oncorwe.runtime.RunManifest;

import java.nio.file.Path;

/**
 * One running subcommand: where it runs, its resolved configuration, its manifest (to which it
 * adds inputs and row counts) and the output root the manifest is written under.
 */
record RunContext(Invocation invocation, OncoRweConfig config, RunManifest manifest, Path outputRoot) {

    /** The output root's publisher, with the configured crash-test pause (none unless dev.pause_before_publish_ms). */
    Publisher publisher() {
        return new Publisher(outputRoot, Publisher.Pause.from(config));
    }

    void println(String line) {
        invocation.out().println(line);
    }
}
