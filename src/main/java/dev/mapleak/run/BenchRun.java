package dev.mapleak.run;

import dev.mapleak.folder.PlanFile;
import dev.mapleak.folder.RunFolder;
import dev.mapleak.folder.UsageException;
import dev.mapleak.gorun.GoLifecycle;
import dev.mapleak.gorun.GoMode;
import dev.mapleak.gorun.GoProgram;
import dev.mapleak.gorun.GoToolchain;
import dev.mapleak.measure.JvmFlags;
import dev.mapleak.report.ReportCommand;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One execution of a profile: everything that can be wrong with the input is checked first (profile,
 * parameters, JDKs, JVM flags, heap), then a new run folder is made and the groups run, memory groups
 * {@code jobs} at a time ({@link GroupPool}), each saved as soon as it ends, so an interrupted run loses at most
 * the groups in flight and {@code --resume} finishes it.
 */
public final class BenchRun {

    /**
     * What the user asked for; saved as run.json so a resume asks for exactly the same.
     *
     * @param jobs {@code --jobs}, or null for the profile's {@code jobs} or the number of cores
     */
    public record Request(String profile, Map<String, List<String>> paramOverrides, List<String> jmhArgs,
                          List<String> profilers, boolean verbose, Shard shard, Integer jobs) {

        public Request(String profile, Map<String, List<String>> paramOverrides, List<String> jmhArgs,
                       List<String> profilers, boolean verbose) {
            this(profile, paramOverrides, jmhArgs, profilers, verbose, null, null);
        }
    }

    /** {@code --shard K/N} read; a malformed value is bad input. */
    public static Shard shard(String spec) {
        return Shard.parse(spec);
    }

    private final Path home;
    private final PrintStream out;
    private final JdkDiscovery jdks;
    private final Supplier<Optional<GoToolchain>> goToolchains;

    public BenchRun(Path home, PrintStream out, JdkDiscovery jdks) {
        this(home, out, jdks, GoToolchain::find);
    }

    /** {@code goToolchains} finds the Go toolchain (tests pretend there is none). */
    BenchRun(Path home, PrintStream out, JdkDiscovery jdks, Supplier<Optional<GoToolchain>> goToolchains) {
        this.home = home;
        this.out = out;
        this.jdks = jdks;
        this.goToolchains = goToolchains;
    }

    /**
     * Prepared, checked work: nothing has run and no folder exists yet.
     *
     * @param leftOut one line per JVM the profile asks for that cannot run here, with the reason
     */
    /** {@code plan} is what this run measures; {@code whole} the profile's plan, larger when the run is one shard of it. */
    private record Prepared(Profile profile, Plan plan, Plan whole, Map<String, JvmConfig> jvms, List<String> leftOut,
                            CommandLineOptions jmhOptions, PlanFile planFile, Optional<GoLifecycle> go, Jobs jobs) {
    }

    /**
     * Checks everything; {@code launch} also starts every JVM once with its flags ({@link JvmConfig#check()}),
     * leaving out those whose JDK build lacks the collector they ask for.
     */
    private Prepared prepare(Profile base, Request request, Map<JvmConfig, JvmConfig.Checked> launched) {
        return prepare(base, request, launched, "--jobs");
    }

    /** {@code jobsSource} names where {@link Request#jobs()} came from: "--jobs", or the run.json a resume read. */
    private Prepared prepare(Profile base, Request request, Map<JvmConfig, JvmConfig.Checked> launched, String jobsSource) {
        Profile profile = base.withParams(request.paramOverrides());
        Jobs jobs = Jobs.resolve(request.jobs(), jobsSource, profile, Runtime.getRuntime().availableProcessors(), HeapPreflight.memAvailable());
        CommandLineOptions jmhOptions = parseJmhArgs(request.jmhArgs());
        ForkCount.check(profile, jmhOptions);
        ExtraProfilers.check(request.profilers());
        JvmSet jvmSet = jvmConfigs(profile, jdks);
        Map<String, JvmConfig> jvms = new LinkedHashMap<>(jvmSet.configs());
        List<String> leftOut = new ArrayList<>(jvmSet.leftOut());
        if (launched != null) {
            checkJvms(jvms, leftOut, launched);
            if (jvms.isEmpty()) {
                throw new UsageException(profile.where(Profile.JDKS) + ": no JVM can run here: " + String.join("; ", leftOut));
            }
        }
        Optional<GoLifecycle> go = goLifecycle(profile, leftOut);
        Plan whole = Plan.expand(profile, BenchmarkCatalog.fromJar(), List.copyOf(jvms.keySet()), go);
        if (whole.runs().isEmpty()) {
            throw new UsageException(profile.where(Profile.BENCHMARKS) + ": nothing to run: every combination is not applicable");
        }
        ExtraProfilers.checkWindows(request.profilers(), whole.runs());
        Plan plan = whole;
        PlanFile planFile = whole.toFile();
        if (request.shard() != null) {
            plan = whole.shard(request.shard(), c -> TimeEstimate.of(c, profile.settings()));
            planFile = whole.toFile(request.shard(), plan);
            if (plan.runs().isEmpty()) {
                throw new UsageException("--shard " + request.shard() + ": this part of the plan is empty (the plan has "
                        + whole.runs().size() + " groups); use fewer shards");
            }
        }
        HeapPreflight.check(plan.runs(), profile.settings().heap(), profile.where(Profile.HEAP));
        return new Prepared(profile, plan, whole, jvms, List.copyOf(leftOut), jmhOptions, planFile, go, jobs);
    }

    /**
     * The Go program's lifecycle when the profile asks for it ({@code go = optional | required}) and a Go
     * toolchain and the program's source are here. Missing either is one left-out line for {@code optional},
     * and bad input for {@code required}.
     */
    private Optional<GoLifecycle> goLifecycle(Profile profile, List<String> leftOut) {
        GoMode mode = profile.settings().go();
        if (mode == GoMode.OFF) {
            return Optional.empty();
        }
        Path source = GoProgram.sourceDir(home);
        String missing = null;
        Optional<GoToolchain> toolchain = goToolchains.get();
        if (toolchain.isEmpty()) {
            missing = "no Go toolchain found ($GOROOT/bin/go or go on PATH): " + GoToolchain.HOW_TO_INSTALL;
        } else if (!GoProgram.present(source)) {
            missing = "the Go program's source is not at " + source + " (run mapleak from its checkout)";
        }
        if (missing != null) {
            if (mode == GoMode.REQUIRED) {
                throw new UsageException(profile.where(Profile.GO) + ": go = required, but " + missing
                        + " (or set go = optional to run without it)");
            }
            leftOut.add(GoLifecycle.SUBJECT + " (go = optional): " + missing);
            return Optional.empty();
        }
        try {
            return Optional.of(new GoLifecycle(toolchain.get(), GoProgram.valueSizes(source)));
        } catch (IOException e) {
            throw new UsageException("cannot read the Go program's value sizes: " + e.getMessage());
        }
    }

    /**
     * Checks everything, then runs the profile into a new run folder under {@code reportsDir}; a dry run makes the
     * same checks (the JVMs are started with their flags too) and prints what would run.
     */
    public int start(Request request, Path reportsDir, boolean dryRun, List<String> command) throws IOException {
        Profile profile = Profile.load(home.resolve("profiles"), request.profile());
        Map<JvmConfig, JvmConfig.Checked> checked = new LinkedHashMap<>();
        Prepared p = prepare(profile, request, checked);
        ReportsDir.check(reportsDir, !dryRun);
        if (dryRun) {
            MeasuredTimes past = MeasuredTimes.load(List.of(reportsDir, home.resolve("reports")), GroupTimes.Machine.here());
            new DryRun(p.profile(), p.plan(), p.whole(), p.jvms().values(), p.leftOut(), p.planFile(), p.jobs(), past)
                    .print(out, request.verbose());
            return 0;
        }
        RunFolder folder = RunFolder.create(reportsDir, profile.name(), LocalDateTime.now());
        // Locked before run.json exists, so no resume can open the folder while this run writes it.
        try (FolderLock ignored = FolderLock.take(folder.dir())) {
            folder.writeRequest(new RunFolder.Request(profile.name(), profile.text(), request.paramOverrides(),
                    request.jmhArgs(), request.profilers(), LocalDateTime.now().toString(),
                    request.shard() == null ? null : request.shard().toString(), p.jobs().count()));
            RunFolder.writeAtomically(folder.dir().resolve("environment.json"), RunFolder.GSON.toJson(
                    Environment.describe(profile.name(), command, checked, p.leftOut(), home)));
            folder.writePlan(p.planFile());
            // The whole plan's subjects, also in a shard: merged shards then agree on one subjects.json.
            folder.writeSubjects(SubjectRecords.of(p.whole().runs(), p.go()));
            return execute(folder, p, request, null);
        }
    }

    public int resume(Path runDir, boolean verbose, List<String> command) throws IOException {
        return resume(runDir, verbose, false, command);
    }

    /**
     * Finishes a run folder: measures the groups of its plan that have no result yet, with the settings it was
     * started with. Refused (bad input) while a live process is measuring the folder, when this is another commit
     * than the one that measured it (unless {@code allowOtherCommit}: then environment.json records which groups
     * this commit measured), and when run.json no longer gives the plan in plan.json or the JVM flags in
     * environment.json.
     */
    public int resume(Path runDir, boolean verbose, boolean allowOtherCommit, List<String> command) throws IOException {
        RunFolder folder = RunFolder.open(runDir);
        try (FolderLock ignored = FolderLock.take(runDir)) {
            Map<String, Object> current = Environment.mapleak(home);
            Optional<String> otherCommit = ResumeCheck.commit(folder, String.valueOf(current.get("commit")), allowOtherCommit);
            RunFolder.Request saved = folder.readRequest();
            Profile profile = Profile.parse(saved.profile(), saved.profileText(), runDir.resolve("run.json") + " (profile " + saved.profile() + ")");
            Request request = new Request(saved.profile(), orEmpty(saved.paramOverrides()), orEmpty(saved.jmhArgs()),
                    orEmpty(saved.profilers()), verbose, saved.shard() == null ? null : Shard.parse(saved.shard()), saved.jobs());
            Prepared p = prepare(profile, request, new LinkedHashMap<>(), "run.json");
            ResumeCheck.plan(folder, p.plan(), List.copyOf(p.jvms().values()));
            OtherCommitLog log = null;
            if (otherCommit.isPresent()) {
                log = OtherCommitLog.start(folder, otherCommit.get(), current);
            }
            return execute(folder, p, request, log);
        }
    }

    /**
     * Measures what the folder lacks. Called with the folder's lock held; the to-do list is made only once the
     * machine lock is held too, so a run that waited for another sees everything that one saved.
     *
     * @param otherCommit where groups measured by another commit than the folder's are recorded, or null
     */
    private int execute(RunFolder folder, Prepared p, Request request, OtherCommitLog otherCommit) throws IOException {
        // mapleak runs take their own machine lock (below) and JMH runs in-process once per group: JMH's
        // own /tmp/jmh.lock would only turn a foreign JMH run into dozens of identical group failures.
        System.setProperty("jmh.ignoreLock", "true");
        int failed = 0;
        List<String> planned = p.plan().runs().stream().map(Combination::id).toList();
        try (Console console = new Console(out, folder.consoleLog(), request.verbose());
             Interruption interruption = Interruption.watch(folder, planned, console);
             FileLock ignored = machineLock(folder.dir().getParent(), console)) {
            interruption.measuring();
            int removed = Leftovers.clean(folder);
            if (removed > 0) {
                console.say("mapleak: removed " + removed + " temporary file(s) an interrupted run left in " + folder.dir());
            }
            List<Combination> todo = new ArrayList<>();
            for (Combination c : p.plan().runs()) {
                if (!folder.hasResult(c.id())) {
                    todo.add(c);
                }
            }
            console.say("mapleak: profile " + p.profile().name() + " → " + folder.dir());
            if (otherCommit != null) {
                console.say("mapleak: " + otherCommit.describe());
            }
            p.leftOut().forEach(l -> console.say("mapleak: left out " + l));
            int done = p.plan().runs().size() - todo.size();
            console.say(String.format("mapleak: %d groups to run%s, %d not applicable", todo.size(),
                    done > 0 ? " (" + done + " already done)" : "", p.plan().notApplicable().size()));
            if (p.jobs().lowered() != null) {
                console.say("mapleak: " + p.jobs().lowered());
            }
            long alone = todo.stream().filter(c -> !GroupPool.runsSideBySide(c)).count();
            console.say("mapleak: " + p.jobs().describe() + ": memory groups run up to " + p.jobs().count()
                    + " at a time, a map point's groups in one JVM" + (alone > 0 ? "; then the " + alone
                    + " groups whose times are published (timing, operations), each alone" : ""));
            GroupRunner runner = new GroupRunner(folder, p.profile().settings(), p.jmhOptions(),
                    ExtraProfilers.create(request.profilers(), folder), console, interruption::requested);
            GoGroupRunner goRunner = p.go().map(go -> new GoGroupRunner(folder, p.profile().settings(), go, home, console))
                    .orElse(null);
            GroupTimes times = GroupTimes.open(folder);
            Progress progress = new Progress(todo.size());
            PointBatch points = new PointBatch(p.profile().settings(), runner);
            boolean batched = request.jmhArgs().isEmpty() && request.profilers().isEmpty();
            GroupPool.Group group = new GroupPool.Group() {
                @Override
                public GroupRunner.Outcome run(Combination c, Console.GroupOutput output) throws IOException {
                    return GoLifecycle.isGo(c.benchmark()) && goRunner != null
                            ? goRunner.run(c, output) : runner.run(c, p.jvms().get(c.jvm()), output);
                }

                @Override
                public void runBatch(List<Combination> batch, Console.GroupOutput output, GroupPool.Ended ended)
                        throws IOException {
                    if (batch.size() > 1) {
                        points.run(batch, p.jvms().get(batch.get(0).jvm()), output, ended);
                    } else {
                        GroupPool.Group.super.runBatch(batch, output, ended);
                    }
                }
            };
            // A point's memory groups share one JVM unless the command line asks JMH for something (forks, flags,
            // profilers): then every group runs in JMH's own fork, as asked.
            failed = new GroupPool(p.jobs().count(), console, interruption::requested,
                    c -> batched && TimingGroups.forks(c, p.profile().settings()) == 1 ? PointBatch.key(c) : c.id())
                    .run(GroupPool.order(todo), group,
                    (c, outcome, took, sideBySide) -> {
                        if (outcome.ok()) {
                            times.record(c, took, sideBySide);
                            if (otherCommit != null) {
                                otherCommit.measured(c.id());
                            }
                        }
                        console.say(progress.finished(c.label(), outcome.ok() ? "ok" : "FAILED (" + outcome.reason() + ")", took));
                    });
            if (!interruption.requested()) {
                ReportCommand.renderFolder(folder.dir(), console::say);
            }
            if (interruption.requested()) {
                interruption.stopped();
                return INTERRUPTED;
            }
            if (failed > 0) {
                console.say("mapleak: " + failed + " group(s) failed; see " + folder.failures()
                        + " (./run-bench.sh --resume " + folder.dir() + " retries them)");
            }
        }
        return failed > 0 ? 1 : 0;
    }

    /** The exit status of a run stopped by a signal (the JVM's own status on SIGINT is 130, on SIGTERM 143). */
    static final int INTERRUPTED = 130;

    /** The JVMs a profile asks for that can run here, and one line per JVM left out, with the reason. */
    record JvmSet(Map<String, JvmConfig> configs, List<String> leftOut) {
    }

    /**
     * One JVM configuration per JDK × variant. A JDK the profile needs and this machine lacks is an error that
     * says how to point mapleak at one; a JDK marked optional ({@code 25?}) is left out with a line. A variant
     * whose flags a JDK's version does not take ({@link JvmFlags#unsupportedOn}) is left out on that JDK, so
     * that JDK 17 never receives a JDK 25-only flag. The same JDK named twice ({@code default, 17}) runs once.
     */
    static JvmSet jvmConfigs(Profile profile, JdkDiscovery jdks) {
        Profile.Settings s = profile.settings();
        Map<String, JvmConfig> configs = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        Map<String, List<String>> variants = s.variants().isEmpty() ? Map.of("", List.of()) : s.variants();
        Set<Path> homes = new HashSet<>();
        for (String entry : s.jdks()) {
            boolean optional = JdkDiscovery.isOptional(entry);
            String spec = JdkDiscovery.required(entry);
            Optional<Jdk> found = jdks.find(spec);
            if (found.isEmpty()) {
                if (!optional) {
                    throw new UsageException(profile.where(Profile.JDKS) + ": needs JDK " + spec
                            + ", which is not installed here: " + JdkDiscovery.howToAdd(spec)
                            + " (or write '" + spec + "?' to run without it)");
                }
                leftOut.add("JDK " + spec + " (optional): not installed here; " + JdkDiscovery.howToAdd(spec));
                continue;
            }
            Jdk jdk = found.get();
            if (!homes.add(jdk.home())) {
                continue;
            }
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                List<String> args = new ArrayList<>();
                args.add("-Xmx" + s.heap());
                args.addAll(s.jvmArgs());
                args.addAll(v.getValue());
                String label = s.jdks().size() == 1 && v.getKey().isEmpty() ? Combination.DEFAULT_JVM
                        : "jdk" + jdk.feature() + (v.getKey().isEmpty() ? "" : "-" + v.getKey());
                Optional<String> unsupported = JvmFlags.unsupportedOn(jdk.feature(), args);
                if (unsupported.isPresent()) {
                    leftOut.add(label + ": " + unsupported.get());
                    continue;
                }
                JvmConfig config = new JvmConfig(label, jdk, List.copyOf(args));
                JvmConfig previous = configs.putIfAbsent(label, config);
                if (previous != null) {
                    throw new UsageException(profile.where(Profile.JDKS) + ": two JDKs give the same JVM label '" + label
                            + "' (" + previous.jdk().home() + " and " + jdk.home() + "); name one of them by its home");
                }
            }
        }
        if (configs.isEmpty()) {
            throw new UsageException(profile.where(Profile.JDKS) + ": no JVM can run here: " + String.join("; ", leftOut));
        }
        return new JvmSet(configs, List.copyOf(leftOut));
    }

    /**
     * Starts every JVM once with its flags. A JDK that refuses a flag stops the run before anything is measured,
     * except when the refused flag selects a collector the JDK build does not have (Shenandoah is missing from
     * some builds): that JVM is left out with the JDK's own words.
     */
    private static void checkJvms(Map<String, JvmConfig> jvms, List<String> leftOut, Map<JvmConfig, JvmConfig.Checked> checked) {
        for (var it = jvms.values().iterator(); it.hasNext(); ) {
            JvmConfig j = it.next();
            try {
                checked.put(j, j.check());
            } catch (JvmConfig.CollectorMissing e) {
                leftOut.add(j.label() + ": " + e.getMessage());
                it.remove();
            }
        }
    }

    static CommandLineOptions parseJmhArgs(List<String> args) {
        try {
            CommandLineOptions o = new CommandLineOptions(args.toArray(String[]::new));
            if (!o.getIncludes().isEmpty()) {
                throw new UsageException("benchmarks are chosen by the profile, not after '--' (got "
                        + String.join(" ", o.getIncludes()) + ")");
            }
            return o;
        } catch (CommandLineOptionException e) {
            throw new UsageException("bad JMH option after '--': " + e.getMessage());
        }
    }

    /**
     * One run measures at a time on a machine: a second run waits (saying so) instead of sharing two cores
     * and spoiling both runs' timings.
     */
    private static FileLock machineLock(Path reportsDir, Console console) throws IOException {
        FileChannel channel = FileChannel.open(reportsDir.resolve(".mapleak.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            console.say("mapleak: another run is measuring on this machine; waiting for it to finish");
            lock = channel.lock();
        }
        return lock;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
