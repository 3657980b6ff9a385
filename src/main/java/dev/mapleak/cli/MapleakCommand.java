package dev.mapleak.cli;

import dev.mapleak.scan.ScanCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./run-bench.sh}: the top of the command line. Every subcommand is registered here, in
 * {@code subcommands} below, and nowhere else: {@link Main} finds their names from this list.
 */
@Command(name = "./run-bench.sh",
        subcommands = {
                RunCommand.class,
                ListCommand.class,
                ResumeCommand.class,
                RenderCommand.class,
                MergeCommand.class,
                ScanCommand.class,
                HelpCommand.class,
        },
        description = {
                "mapleak: how much memory Java maps keep after their entries are deleted, and what each remedy costs.",
                "",
                "With no command, ./run-bench.sh runs a profile: `./run-bench.sh seed` is `./run-bench.sh run seed`,"
                        + " and `./run-bench.sh` alone runs the default profile (" + RunCommand.DEFAULT_PROFILE + ").",
                "The older forms keep working: --list is `list profiles`, --resume RUN_DIR is `resume RUN_DIR`.",
        },
        customSynopsis = {
                "./run-bench.sh [PROFILE] [--dry-run] [--verbose] [--out=DIR] [--prof=NAME]... [--shard=K/N] [-- JMH options]",
                "       ./run-bench.sh COMMAND [ARGS]    (the commands are listed below)",
                "       ./run-bench.sh --list | --resume RUN_DIR | --help",
        },
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                MapleakCommand.EXIT_MEASURED + ":everything asked for was measured (or listed, or rendered)",
                MapleakCommand.EXIT_GROUP_FAILED + ":some group failed; the rest was measured and saved, failures/ says why",
                MapleakCommand.EXIT_BAD_INPUT + ":bad input: one line on stderr says what is wrong; nothing ran, nothing was written",
        },
        footerHeading = "%n",
        footer = {"`./run-bench.sh COMMAND --help` documents each command's options; `./run-bench.sh run --help`"
                + " documents a run's options and what goes after --."})
final class MapleakCommand {

    static final int EXIT_MEASURED = 0;
    static final int EXIT_GROUP_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** The project folder: {@code profiles/} and, by default, {@code reports/}. */
    final Path home;
    /** Where the commands print; errors go to the error stream through {@link Main}. */
    final PrintStream out;
    /** Everything after {@code --}: JMH's options, for {@code run} only. */
    final List<String> jmhArgs;
    /** The command line as typed ({@code ./run-bench.sh seed --dry-run}), recorded in environment.json. */
    final List<String> command;

    MapleakCommand(Path home, PrintStream out, List<String> jmhArgs, List<String> command) {
        this.home = home;
        this.out = out;
        this.jmhArgs = List.copyOf(jmhArgs);
        this.command = List.copyOf(command);
    }
}
