package org.oncorwe.cli;

import org.oncorwe.config.OncoRweConfig;
import org.oncorwe.runtime.RunManifest;

import java.nio.file.Path;

/**
 * One running subcommand: where it runs, its resolved configuration, its manifest (to which it
 * adds inputs and row counts) and the output root the manifest is written under.
 */
record RunContext(Invocation invocation, OncoRweConfig config, RunManifest manifest, Path outputRoot) {

    void println(String line) {
        invocation.out().println(line);
    }
}
