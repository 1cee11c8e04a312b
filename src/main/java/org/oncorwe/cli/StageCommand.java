package org.oncorwe.cli;

import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.Optional;

/** A pipeline stage subcommand: reads and writes published tables under one output root (its --output). */
abstract class StageCommand extends PipelineCommand {

    @Mixin
    StageOptions stage;

    @Override
    protected final Optional<Path> outputOption() {
        return Optional.ofNullable(stage.output);
    }
}
