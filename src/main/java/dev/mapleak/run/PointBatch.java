package dev.mapleak.run;

import com.google.gson.Gson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the memory groups of one map point (subject, value size, entries, key order, JVM: every parameter but the
 * delete fraction and the strategy) one after another in one JVM ({@link PointFork}) instead of one fork each.
 *
 * <p>Why: a memory group's fork spends most of its time reaching and measuring states that every group of its point
 * passes through (START and FILLED; DELETED for every strategy at one delete fraction): the JOL walk of a filled
 * POINTER map alone is about 1.7 s of a 3–4 s group (src/docs/measuring.md, "Where a memory group's time goes"). In
 * one JVM the benchmark measures each such state once and the point's later groups carry that reading
 * ({@code LifecycleBenchmark.Passage}); only RECLAIMED, the state a strategy makes, is measured in every group. What
 * the groups time is never published, and nothing they report depends on the fork being fresh: JOL is exact, heap
 * after GC is taken against a baseline each group takes before its map exists.
 *
 * <p>A batch is used only where one fork per group would give nothing more: one fork per group, no JMH options or
 * profilers from the command line (those run every group in its own JMH fork, as before).
 */
final class PointBatch {

    /** The parameters that vary inside a point: a batch runs every value of them its point has. */
    static final Set<String> WITHIN_POINT = Set.of("deleteFraction", "strategy");
    static final String MEMORY_GROUP = "LifecycleBenchmark.memory";

    private final Profile.Settings settings;
    private final GroupRunner groups;

    /** {@code groups} keeps a group's result and records a failure as it does for a JMH fork's group. */
    PointBatch(Profile.Settings settings, GroupRunner groups) {
        this.settings = settings;
        this.groups = groups;
    }

    /** The batch a group belongs to: a memory group's point, any other group's own id (a batch of one). */
    static String key(Combination c) {
        if (!c.benchmark().equals(MEMORY_GROUP)) {
            return c.id();
        }
        Map<String, String> point = new LinkedHashMap<>(c.params());
        point.keySet().removeAll(WITHIN_POINT);
        return new Combination(c.benchmark(), c.fullName(), point, c.jvm()).id();
    }

    /**
     * Runs {@code batch} (groups of one point, on {@code jvm}) in one JVM; tells {@code ended} of each group as it
     * ends, with the time from the previous group's end (the first's includes the JVM's start). A group the JVM did
     * not end (it died, or timed out) is a failure with the reason and the output's tail, as for a fork that died.
     */
    void run(List<Combination> batch, JvmConfig jvm, Console.GroupOutput output, GroupPool.Ended ended)
            throws IOException {
        PointFork.Spec spec = new PointFork.Spec();
        spec.timeoutMinutes = settings.timeoutMinutes();
        spec.groups = new ArrayList<>();
        for (Combination c : batch) {
            PointFork.Group g = new PointFork.Group();
            g.fullName = c.fullName();
            g.params = c.params();
            g.warmupIterations = TimingGroups.warmupIterations(c, settings);
            g.iterations = TimingGroups.iterations(c, settings);
            g.partial = groups.partialFile(c).toString();
            spec.groups.add(g);
        }
        List<String> command = new ArrayList<>();
        command.add(jvm.jdk().java().toString());
        command.addAll(jvm.allArgs());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PointFork.class.getName());
        PrintStream out = output.stream();
        out.println("# one JVM for " + batch.size() + " memory group(s) of " + key(batch.get(0)).replace(',', ' '));

        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // stdin stays open while this host wants the JVM: closing it (or this host dying) stops it (PointFork)
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        try {
            in.write(new Gson().toJson(spec) + "\n");
            in.flush();
        } catch (IOException e) {
            // the JVM died at start: its output below says why, and its groups fail with that reason
        }
        int next = 0;
        long since = System.nanoTime();
        AtomicLong lastEnd = new AtomicLong(since);
        AtomicBoolean timedOut = new AtomicBoolean();
        watch(p, lastEnd, timedOut);
        List<String> lines = new ArrayList<>();
        boolean going = true;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith(PointFork.ENDED)) {
                    out.println(line);
                    lines.add(line);
                    continue;
                }
                String[] parts = line.substring(PointFork.ENDED.length()).split(" ");
                int index = Integer.parseInt(parts[0]);
                Combination c = batch.get(index);
                long now = System.nanoTime();
                Duration took = Duration.ofNanos(now - since);
                since = now;
                lastEnd.set(now);
                GroupRunner.Outcome outcome;
                Path partial = groups.partialFile(c);
                if (parts[1].equals("ok") && GroupRunner.complete(partial)) {
                    outcome = groups.kept(c, partial);
                } else {
                    Files.deleteIfExists(partial);
                    outcome = groups.failed(c, jvm, GroupRunner.reasonFrom(lines), output.tail());
                }
                lines.clear();
                next = index + 1;
                if (going && !ended.ended(c, outcome, took)) {
                    going = false;
                    closeQuietly(in); // the run is stopping: the JVM halts, the groups not yet ended are measured on resume
                }
            }
        } finally {
            if (going) {
                closeQuietly(in);
            }
        }
        try {
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!going) {
            return;
        }
        int status = p.isAlive() ? -1 : p.exitValue();
        for (int i = next; i < batch.size(); i++) {
            Combination c = batch.get(i);
            String reason = i == next
                    ? (timedOut.get() ? "timed out: no group ended within " + (settings.timeoutMinutes() + 1)
                            + " minutes (timeoutMinutes + 1), so the point's JVM was stopped"
                            : GroupRunner.reasonFrom(lines) + " (the point's JVM exited with status " + status + ")")
                    : "not run: the point's JVM exited with status " + status + " during " + batch.get(next).label();
            if (!ended.ended(c, groups.failed(c, jvm, reason, output.tail()), Duration.ZERO)) {
                return;
            }
        }
    }

    /**
     * Stops the point's JVM when no group has ended for {@code timeoutMinutes} + 1 minutes: JMH's own timeout, which a
     * forked group has, does not reach a group that hangs in its setup inside a JVM JMH did not start.
     */
    private void watch(Process p, AtomicLong lastEnd, AtomicBoolean timedOut) {
        long limit = TimeUnit.MINUTES.toNanos(settings.timeoutMinutes() + 1L);
        Thread watchdog = new Thread(() -> {
            while (p.isAlive()) {
                if (System.nanoTime() - lastEnd.get() > limit) {
                    timedOut.set(true);
                    p.destroyForcibly();
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mapleak-point-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void closeQuietly(Writer in) {
        try {
            in.close();
        } catch (IOException e) {
            // the JVM is gone already
        }
    }
}
