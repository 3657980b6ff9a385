package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;

import dev.mapleak.folder.UsageException;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.TextResult;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The profilers {@code --prof NAME} adds to every group: {@code gc} is JMH's allocation profiler
 * ({@code gc.alloc.rate.norm} and friends land in the results); {@code alloc} and {@code cpu} run
 * async-profiler through JMH's {@code async} profiler, with the native library taken from the
 * {@code tools.profiler:async-profiler} Maven artifact inside the jar (nothing is downloaded).
 *
 * <p>Flame graphs land in the run folder as {@code profiles/<group>/flame-<event>-forward.html} (and
 * {@code -reverse.html}), {@code <group>} being the group's id with {@code +} for {@code ,}: async-profiler
 * splits its options on commas, so a comma in the path would cut the file name short. A group runs in one
 * fork while profiled: JMH 1.37 writes every fork of a benchmark to the same files.
 */
final class ExtraProfilers {

    static final List<String> NAMES = List.of("gc", "alloc", "cpu");
    static final List<String> ASYNC_EVENTS = List.of("alloc", "cpu");
    static final String ASYNC_LIBRARY = "linux-x64/libasyncProfiler.so";
    static final String PROFILES_DIR = "profiles";

    private ExtraProfilers() {
    }

    static void checkName(String name) {
        if (!NAMES.contains(name)) {
            throw new UsageException("unknown profiler '" + name + "' for --prof; valid: " + String.join(", ", NAMES));
        }
    }

    /** Every name valid, and at most one async-profiler event: one native profiler per JVM can run at a time. */
    static void check(List<String> names) {
        names.forEach(ExtraProfilers::checkName);
        if (names.stream().filter(ASYNC_EVENTS::contains).distinct().count() > 1) {
            throw new UsageException("--prof alloc and --prof cpu cannot run together (one async-profiler per JVM); "
                    + "run the profile once with each");
        }
    }

    /**
     * Refuses {@code --prof gc} for single-shot benchmarks (the lifecycle's phases, the remedy costs), with one line.
     * JMH's GC profiler counts from before an iteration to after it; for a single shot that window is the iteration
     * setup's fill and delete, its full GCs, the shot and the teardown's probes, and the figure would be captioned as
     * the shot's. The shot's own allocation is measured by the timing pass ({@code timed.alloc.bytes}).
     */
    static void checkWindows(List<String> names, List<Combination> runs) {
        if (!names.contains("gc")) {
            return;
        }
        List<String> singleShot = runs.stream()
                .filter(c -> TimeEstimate.benchmarkMethod(c).map(TimeEstimate::mode).orElse(null)
                        == org.openjdk.jmh.annotations.Mode.SingleShotTime)
                .map(Combination::benchmark).distinct().toList();
        if (!singleShot.isEmpty()) {
            throw new UsageException("--prof gc cannot measure " + String.join(", ", singleShot)
                    + ": JMH's GC profiler counts from before each iteration to after it (the setup's fill and delete, full GCs and"
                    + " probes included), not the timed call; what the timed call allocates is timed.alloc.bytes, measured"
                    + " around it alone by RemedyCostBenchmark (the report's \"What a remedy costs\"); leave out --prof gc"
                    + " or run it with a profile of looped benchmarks (ops, churn)");
        }
    }

    /** Whether this profiler needs exactly one fork per group (JMH 1.37 writes every fork to the same files). */
    static boolean needsSingleFork(List<String> names) {
        return names.stream().anyMatch(ASYNC_EVENTS::contains);
    }

    static List<GroupRunner.ExtraProfiler> create(List<String> names, RunFolder folder) throws IOException {
        check(names);
        List<GroupRunner.ExtraProfiler> profilers = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (name.equals("gc")) {
                profilers.add((b, c, jvm) -> b.addProfiler("gc"));
            } else {
                Path lib = extractAsyncProfiler(folder.dir().resolve(".lib"));
                profilers.add((b, c, jvm) -> {
                    Path dir = flameGraphDir(folder.dir(), c);
                    Files.createDirectories(dir);
                    b.forks(1);
                    b.addProfiler(FlatAsyncProfiler.class.getName(), asyncOptions(lib, name, dir));
                });
            }
        }
        return profilers;
    }

    /** {@code RUN/profiles/LifecycleBenchmark.fill+subject=FASTUTIL+valueSize=128}: the group id, comma-free. */
    static Path flameGraphDir(Path runDir, Combination c) {
        return runDir.resolve(PROFILES_DIR).resolve(c.id().replace(',', '+'));
    }

    /** JMH's init line for its async profiler; refuses paths that async-profiler or JMH would cut apart. */
    static String asyncOptions(Path lib, String event, Path dir) {
        for (Path p : List.of(lib, dir)) {
            String s = p.toString();
            if (s.contains(",") || s.contains(";") || s.contains("%")) {
                throw new UsageException("--prof " + event + " cannot write to " + s
                        + ": async-profiler splits its options on ',' and JMH on ';', and expands '%'; "
                        + "use --out with a folder whose path has none of them");
            }
        }
        return "libPath=" + lib + ";event=" + event + ";output=flamegraph;dir=" + dir;
    }

    /** Copies async-profiler's Linux x64 library out of the jar (once per run folder). */
    static Path extractAsyncProfiler(Path dir) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UsageException("--prof alloc/cpu need Linux x64 (async-profiler's bundled library); this is "
                    + os + " " + arch);
        }
        Path lib = dir.resolve("libasyncProfiler.so");
        if (Files.isRegularFile(lib)) {
            return lib;
        }
        try (InputStream in = ExtraProfilers.class.getClassLoader().getResourceAsStream(ASYNC_LIBRARY)) {
            if (in == null) {
                throw new UsageException("the jar has no " + ASYNC_LIBRARY + " (tools.profiler:async-profiler); rebuild with mvn package");
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".libasyncProfiler.so.tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            RunFolder.move(tmp, lib);
        }
        return lib;
    }

    /**
     * JMH's {@link AsyncProfiler} (final, so wrapped) with its output moved up one level: JMH writes into
     * {@code dir/<benchmark id>/}, a second, unreadable copy of the group's name
     * ({@code dev.mapleak.bench.X.m-AverageTime-entries-10000-...}); this puts the files straight into
     * {@code dir}, which already says which group they belong to. Loaded by name in the fork, hence public.
     */
    public static final class FlatAsyncProfiler implements InternalProfiler, ExternalProfiler {

        private final AsyncProfiler delegate;
        private final Path dir;

        public FlatAsyncProfiler(String initLine) throws ProfilerException {
            this.delegate = new AsyncProfiler(initLine);
            this.dir = Path.of(option(initLine, "dir"));
        }

        static String option(String initLine, String key) throws ProfilerException {
            for (String part : initLine.split(";")) {
                if (part.startsWith(key + "=")) {
                    return part.substring(key.length() + 1);
                }
            }
            throw new ProfilerException("no " + key + "= in '" + initLine + "'");
        }

        @Override
        public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
            delegate.beforeIteration(benchmarkParams, iterationParams);
        }

        @Override
        public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                           IterationResult result) {
            Collection<? extends Result> results = delegate.afterIteration(benchmarkParams, iterationParams, result);
            if (results.isEmpty()) {
                return results;
            }
            // The same name JMH's AsyncProfiler gives its trial folder.
            Path nested = dir.resolve(benchmarkParams.id().replace("%", "_"));
            StringBuilder text = new StringBuilder("Async profiler results:\n");
            for (Path moved : flatten(nested, dir)) {
                text.append("  ").append(moved).append('\n');
            }
            return List.of(new TextResult(text.toString(), "async"));
        }

        /** Moves every file of {@code nested} into {@code into}, removes {@code nested}, returns the new paths. */
        static List<Path> flatten(Path nested, Path into) {
            List<Path> moved = new ArrayList<>();
            if (!Files.isDirectory(nested)) {
                return moved;
            }
            try (Stream<Path> files = Files.list(nested)) {
                for (Path f : files.sorted().toList()) {
                    Path target = into.resolve(f.getFileName());
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
                    moved.add(target);
                }
                Files.delete(nested);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the flame graphs out of " + nested, e);
            }
            return moved;
        }

        @Override
        public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
            return delegate.addJVMInvokeOptions(params);
        }

        @Override
        public Collection<String> addJVMOptions(BenchmarkParams params) {
            return delegate.addJVMOptions(params);
        }

        @Override
        public void beforeTrial(BenchmarkParams benchmarkParams) {
            delegate.beforeTrial(benchmarkParams);
        }

        @Override
        public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
            return delegate.afterTrial(br, pid, stdOut, stdErr);
        }

        @Override
        public boolean allowPrintOut() {
            return delegate.allowPrintOut();
        }

        @Override
        public boolean allowPrintErr() {
            return delegate.allowPrintErr();
        }

        @Override
        public String getDescription() {
            return "async-profiler flame graphs written straight into dir= (mapleak)";
        }
    }
}
