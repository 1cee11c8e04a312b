package org.oncorwe.cli;

import org.oncorwe.runtime.NotImplementedYet;

/** A subcommand whose options are fixed but whose work is not built yet: exits 3, with a manifest. */
abstract class PendingCommand extends PipelineCommand {

    /** What will build it, for the message (e.g. "the ingest stage, issue #6"). */
    protected abstract String plannedIn();

    @Override
    protected final int execute(RunContext run) {
        throw new NotImplementedYet(plannedIn());
    }
}
