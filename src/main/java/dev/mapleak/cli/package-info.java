/**
 * The command line, {@code ./run-bench.sh}, on picocli: {@link dev.mapleak.cli.Main} parses the arguments and maps
 * every way a command ends to an exit status (0 measured, 1 some group failed, 2 bad input as one {@code mapleak: }
 * line); {@link dev.mapleak.cli.MapleakCommand} lists every subcommand, and each subcommand is one class
 * ({@code run} the default, {@code list}, {@code resume}, {@code report}). The older forms ({@code --list},
 * {@code --resume RUN_DIR}, a bare profile name) are rewritten to commands in one place, {@code Main.withCommand}.
 *
 * <p>May use: {@code dev.mapleak.run} (to run, resume and list profiles and subjects), {@code dev.mapleak.report}
 * (to render a run folder), {@code dev.mapleak.folder} ({@code UsageException}, subject records) and picocli. Nothing
 * outside this package imports it; it holds no measuring or rendering logic of its own.
 */
package dev.mapleak.cli;
