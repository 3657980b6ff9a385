package dev.mapleak.run;

import com.google.gson.Gson;
import dev.mapleak.measure.RetainedMemoryProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JVM of one {@link PointBatch}: runs each of its memory groups as a JMH run inside this JVM ({@code forks = 0}),
 * one after another, and says as soon as each group has ended and written its JSON (to a partial file, which the host
 * moves into {@code results/}), so a JVM that dies loses only the groups not yet ended, and nothing lands in
 * {@code results/} once the host is gone. The host started this JVM with every flag a JMH fork of the group would get,
 * so JMH records those flags (its {@code jvmArgs} of a non-forked run are this JVM's input arguments).
 *
 * <p>Reads its {@link Spec} as one line of JSON on stdin, then watches stdin for its end; prints JMH's output and one {@link #ENDED} line per group on stdout.
 */
public final class PointFork {

    /** The line that tells the host a group ended: {@code mapleak-point: ended <index> ok|failed}. */
    static final String ENDED = "mapleak-point: ended ";

    /** What the host asks for: the groups in order, each with its JMH settings and where its result goes. */
    static final class Spec {
        int timeoutMinutes;
        List<Group> groups;
    }

    /** One memory group: JMH's benchmark name, its parameters, and where its JSON goes until the host takes it. */
    static final class Group {
        String fullName;
        Map<String, String> params;
        int warmupIterations;
        int iterations;
        String partial;
    }

    private PointFork() {
    }

    public static void main(String[] args) {
        // other JVMs of this run hold JMH's lock file, as the host's in-process runners do (GroupRunner)
        System.setProperty("jmh.ignoreLock", "true");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Spec spec;
        try {
            spec = new Gson().fromJson(in.readLine(), Spec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The host keeps stdin open while it wants this JVM: end of input means it is gone (even kill -9) or stopping
        // the run, and this JVM stops at once, as a JMH fork does when its link to the host drops.
        Thread host = new Thread(() -> {
            try {
                while (in.read() != -1) {
                    // nothing else is sent
                }
            } catch (IOException e) {
                // the same: no host
            }
            Runtime.getRuntime().halt(3);
        }, "mapleak-host-watch");
        host.setDaemon(true);
        host.start();
        for (int i = 0; i < spec.groups.size(); i++) {
            boolean ok = run(spec.groups.get(i), spec.timeoutMinutes);
            System.out.println(ENDED + i + (ok ? " ok" : " failed"));
            System.out.flush();
        }
        System.exit(0);
    }

    private static boolean run(Group g, int timeoutMinutes) {
        Path partial = Path.of(g.partial);
        try {
            Files.deleteIfExists(partial);
            ChainedOptionsBuilder b = new OptionsBuilder()
                    .include("^" + Pattern.quote(g.fullName) + "$")
                    .forks(0)
                    .warmupIterations(g.warmupIterations)
                    .measurementIterations(g.iterations)
                    // this JVM already has every flag; none is appended to what JMH records
                    .jvmArgsAppend()
                    .shouldFailOnError(false)
                    .addProfiler(RetainedMemoryProfiler.class)
                    .result(g.partial)
                    .resultFormat(ResultFormatType.JSON)
                    .timeout(TimeValue.minutes(timeoutMinutes));
            g.params.forEach(b::param);
            Collection<RunResult> results = new Runner(b.build()).run();
            // the host moves a complete file into results/ when it reads this group's end, and removes any other
            return !results.isEmpty() && GroupRunner.complete(partial);
        } catch (RunnerException | RuntimeException | IOException e) {
            System.out.println("mapleak-point: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }
}
