package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;

import dev.mapleak.measure.RecordsRetainedMemory;
import dev.mapleak.measure.RetainedMemoryProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Runs one group (one {@link Combination} on one {@link JvmConfig}) as one JMH invocation, in this JVM,
 * with forks on the configured JDK. The group's JSON is moved into {@code results/} only once JMH has
 * written all of it; a group whose fork died is written to {@code failures/} with the reason and the
 * tail of its output, and the run goes on.
 */
final class GroupRunner {

    /** What became of a group. */
    record Outcome(boolean ok, String reason) {
    }

    private final RunFolder folder;
    private final Profile.Settings settings;
    private final Options userOptions;
    private final List<ExtraProfiler> extraProfilers;
    private final Console console;
    private final BooleanSupplier interrupted;

    /** A profiler asked for on the command line ({@code --prof gc}), possibly with per-group options. */
    interface ExtraProfiler {
        void addTo(ChainedOptionsBuilder builder, Combination c, JvmConfig jvm) throws IOException;
    }

    GroupRunner(RunFolder folder, Profile.Settings settings, Options userOptions,
                List<ExtraProfiler> extraProfilers, Console console, BooleanSupplier interrupted) {
        this.folder = folder;
        this.settings = settings;
        this.userOptions = userOptions;
        this.extraProfilers = extraProfilers;
        this.console = console;
        this.interrupted = interrupted;
    }

    /** Runs the group alone, its output written to the console as it comes. */
    Outcome run(Combination c, JvmConfig jvm) throws IOException {
        try (Console.GroupOutput output = console.group(true)) {
            return run(c, jvm, output);
        }
    }

    /**
     * Runs the group with its output going to {@code output}. Safe to call from several threads at once: each call
     * is its own JMH {@link Runner} (its own fork, link server, output and result file); the one JVM-wide JMH
     * setting, {@code jmh.ignoreLock}, is set before the first.
     */
    Outcome run(Combination c, JvmConfig jvm, Console.GroupOutput output) throws IOException {
        Path partial = partialFile(c);
        Files.deleteIfExists(partial);
        String failure;
        try {
            Collection<RunResult> results = runner(options(c, jvm, partial), output).run();
            if (!results.isEmpty() && complete(partial)) {
                return kept(c, partial);
            }
            failure = reasonFrom(output.lines());
        } catch (RunnerException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Files.deleteIfExists(partial);
        return failed(c, jvm, failure, output.tail());
    }

    /** Where a group's JSON is written until it is complete; {@link #kept} moves it into {@code results/}. */
    Path partialFile(Combination c) {
        Path target = folder.resultFile(c.id());
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    /** Whether JMH wrote the group's JSON. */
    static boolean complete(Path partial) throws IOException {
        return Files.isRegularFile(partial) && Files.size(partial) > 0;
    }

    /** The group's complete JSON becomes its result, and a failure an earlier attempt recorded goes. */
    Outcome kept(Combination c, Path partial) throws IOException {
        RunFolder.move(partial, folder.resultFile(c.id()));
        Files.deleteIfExists(folder.failureFile(c.id()));
        return new Outcome(true, "");
    }

    /**
     * A group that gave no result: recorded as failed with {@code reason} and its output's tail; or, when the run is
     * being stopped (SIGINT/SIGTERM stop its JVM), not a failure of the group, and --resume measures it.
     */
    Outcome failed(Combination c, JvmConfig jvm, String reason, List<String> tail) throws IOException {
        if (interrupted.getAsBoolean()) {
            return new Outcome(false, "interrupted");
        }
        recordFailure(c, jvm, reason, tail);
        return new Outcome(false, reason);
    }

    private Runner runner(Options options, Console.GroupOutput output) {
        OutputFormat out = OutputFormatFactory.createFormatInstance(output.stream(),
                userOptions.verbosity().orElse(VerboseMode.NORMAL));
        return new Runner(options, out);
    }

    Options options(Combination c, JvmConfig jvm, Path resultFile) throws IOException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .parent(userOptions)
                .include("^" + Pattern.quote(c.fullName()) + "$")
                .shouldFailOnError(false)
                .result(resultFile.toString())
                .resultFormat(ResultFormatType.JSON)
                .jvm(jvm.jdk().java().toString())
                .timeout(TimeValue.minutes(settings.timeoutMinutes()));
        c.params().forEach(b::param);
        if (!userOptions.getForkCount().hasValue()) {
            b.forks(TimingGroups.forks(c, settings));
        }
        if (!userOptions.getWarmupIterations().hasValue()) {
            b.warmupIterations(TimingGroups.warmupIterations(c, settings));
        }
        if (!userOptions.getMeasurementIterations().hasValue()) {
            b.measurementIterations(TimingGroups.iterations(c, settings));
        }
        List<String> args = new ArrayList<>(userOptions.getJvmArgs().orElse(jvm.jvmArgs()));
        if (!userOptions.getJvmArgs().hasValue()) {
            b.jvmArgs(jvm.jvmArgs().toArray(String[]::new));
        }
        List<String> append = new ArrayList<>(jvm.measurementArgs());
        if (userOptions.getJvmArgsAppend().hasValue()) {
            append.addAll(userOptions.getJvmArgsAppend().get());
        }
        if (TimingGroups.isTiming(c)) {
            args.addAll(append);
            append.addAll(TimingGroups.fixedHeapArgs(args));
            b.addProfiler(TimingGroups.profiler());
        }
        b.jvmArgsAppend(append.toArray(String[]::new));
        if (recordsRetainedMemory(c)) {
            b.addProfiler(RetainedMemoryProfiler.class);
        }
        for (ExtraProfiler p : extraProfilers) {
            p.addTo(b, c, jvm);
        }
        return b.build();
    }

    static boolean recordsRetainedMemory(Combination c) {
        String className = c.fullName().substring(0, c.fullName().lastIndexOf('.'));
        try {
            return Class.forName(className, false, GroupRunner.class.getClassLoader())
                    .isAnnotationPresent(RecordsRetainedMemory.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The line of a failed group's output that says why it failed, or a plain statement that it did. Markers
     * in order of how much they explain; JMH's own table header and banner never count.
     */
    static String reasonFrom(List<String> output) {
        for (String marker : List.of("OutOfMemoryError", "StackOverflowError", "Timeout", "timed out",
                "<forked VM failed", "<failure>", "Exception:", "Error:", "Exception", "crash")) {
            for (int i = output.size() - 1; i >= 0; i--) {
                String line = output.get(i).strip();
                if (line.contains(marker) && !line.startsWith("at ") && !line.startsWith("#")) {
                    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
                }
            }
        }
        return "the fork produced no result (see the output tail)";
    }

    private void recordFailure(Combination c, JvmConfig jvm, String reason, List<String> tail) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", c.id());
        record.put("benchmark", c.benchmark());
        record.put("params", c.params());
        record.put("jvm", jvm.label());
        record.put("jdk", jvm.jdk().describe());
        record.put("jvmArgs", jvm.allArgs());
        record.put("reason", reason);
        record.put("outputTail", tail);
        RunFolder.writeAtomically(folder.failureFile(c.id()), RunFolder.GSON.toJson(record));
    }
}
