package dev.mapleak.cli;

import dev.mapleak.run.BenchRun;
import dev.mapleak.run.JdkDiscovery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./run-bench.sh [run] [PROFILE] [options] [-- JMH options]}: checks everything, then measures a profile. */
@Command(name = "run",
        description = {
                "Runs a profile (profiles/PROFILE.properties): checks the profile, its parameters, JDKs, JVM flags, heap"
                        + " and the output folder first, then runs its JMH groups (memory groups --jobs at a time, timing groups alone) into a new run folder"
                        + " DIR/<yyyyMMdd-HHmmss>-PROFILE/, each group saved as soon as it ends, and renders summary.md,"
                        + " report.md and report.html there.",
                "`run` is the default command: `./run-bench.sh seed` is `./run-bench.sh run seed`.",
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                MapleakCommand.EXIT_MEASURED + ":every group was measured (--dry-run: the plan was checked)",
                MapleakCommand.EXIT_GROUP_FAILED + ":some group failed; the rest was measured and saved (resume retries the failed ones)",
                MapleakCommand.EXIT_BAD_INPUT + ":bad input: one line on stderr says what is wrong; nothing ran, nothing was written",
        },
        customSynopsis = "./run-bench.sh [run] [PROFILE] [-h] [--dry-run] [--verbose] [--out=DIR]"
                + " [--jobs=N] [--prof=gc|alloc|cpu]... [-- JMH options]",
        footerHeading = "%nJMH options after --:%n",
        footer = {
                "Everything after -- goes to JMH, e.g. `./run-bench.sh quick -- -f 2 -wi 1`. `-p name=v1,v2` replaces"
                        + " the profile's values of a parameter for every benchmark (give each name once; a value listed"
                        + " twice runs once). Benchmarks are chosen by the profile, not after --.",
        })
final class RunCommand implements Callable<Integer> {

    static final String DEFAULT_PROFILE = "quick";

    @ParentCommand
    MapleakCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE",
            description = "The profile to run (default: ${DEFAULT-VALUE}); the profiles are listed below.",
            defaultValue = DEFAULT_PROFILE)
    String profile;

    @Option(names = "--dry-run", description = "Check everything as a run does (JVMs are started once with their"
            + " flags), print what would run and how long it would take, and run nothing. A summary by default;"
            + " every group with --verbose.")
    boolean dryRun;

    @Option(names = "--verbose", description = "Show JMH's own output while running; with --dry-run, list every"
            + " group and every combination left out.")
    boolean verbose;

    @Option(names = "--prof", paramLabel = "gc|alloc|cpu", description = "Add a profiler to every group: gc (JMH's"
            + " GC profiler), alloc or cpu (async-profiler flame graphs under the run folder's profiles/). Repeatable.")
    List<String> profilers = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Make the run folder under DIR instead of reports/.")
    Path out;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only part K of N of the plan: the same"
            + " deterministic part on any machine with the same commit, balanced by the time estimate (for a CI matrix"
            + " or a Kubernetes Indexed Job); `./run-bench.sh merge` combines the N run folders.")
    String shard;

    @Option(names = "--jobs", paramLabel = "N", description = "Run up to N memory groups at once, each in its own"
            + " fork with its own heap (default: the profile's jobs, else the number of cores; lowered, with a line, to"
            + " what the machine's memory holds at the profile's heap). Timing groups always run alone, after them.")
    Integer jobs;

    @Override
    public Integer call() throws IOException {
        List<String> jmhArgs = new ArrayList<>(root.jmhArgs);
        Map<String, List<String>> overrides = ParamOverrides.take(jmhArgs, root.out::println);
        Path reports = out == null ? root.home.resolve("reports") : out.toAbsolutePath();
        return new BenchRun(root.home, root.out, JdkDiscovery.system()).start(
                new BenchRun.Request(profile, overrides, jmhArgs, List.copyOf(profilers), verbose,
                        shard == null ? null : BenchRun.shard(shard), jobs),
                reports, dryRun, root.command);
    }

    /** Help section key of the profile table. */
    static final String PROFILES_SECTION = "profiles";

    /**
     * The help's profile table: every profile under {@code home/profiles} with its description, read when help is
     * shown, so the help never lists a profile that is not there.
     */
    static CommandLine.IHelpSectionRenderer profilesSection(Path home) {
        return help -> {
            int width = help.commandSpec().usageMessage().width();
            CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                    new CommandLine.Help.Column(19, 2, CommandLine.Help.Column.Overflow.SPAN),
                    new CommandLine.Help.Column(width - 19, 1, CommandLine.Help.Column.Overflow.WRAP));
            for (ListCommand.Listed p : ListCommand.profiles(home)) {
                table.addRowValues(p.name() + (p.name().equals(DEFAULT_PROFILE) ? " *" : ""), p.description());
            }
            return String.format("%nProfiles (profiles/*.properties; * the default; `./run-bench.sh list profiles`"
                    + " adds their measured wall time):%n") + table;
        };
    }
}
