package dev.mapleak.run;

import dev.mapleak.gorun.GoLifecycle;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs a run's to-do list: the memory groups {@code jobs} JVMs at a time, each with its own heap (a map point's groups
 * in one JVM, one after another: {@link PointBatch}), then every other group alone.
 *
 * <p>A memory group ({@link #runsSideBySide}) times nothing that is published: what it reports is JOL's size of the
 * map, the heap after a settled full GC, committed heap and RSS, all of its own JVM, which another JVM beside it
 * does not change (ParallelMatchesSerialIT checks this). A timing group ({@code @TimingPass}), an
 * {@code OperationsBenchmark} group (published as times) and anything else runs with nothing beside it.
 *
 * <p>Timing groups run after all memory groups rather than with the pool drained before each: the pool then stays
 * full from the first memory group to the last, instead of emptying, waiting for its slowest group, and refilling once
 * per timing group; and the plan's order only decides what runs first, never what is measured. With {@code jobs = 1}
 * the groups still run memory groups first, so the order does not depend on {@code jobs}.
 */
final class GroupPool {

    /** Runs one group, its output going to {@code output}. */
    interface Group {
        GroupRunner.Outcome run(Combination c, Console.GroupOutput output) throws IOException;

        /**
         * Runs a batch of groups that share one JVM ({@link PointBatch}), telling {@code ended} of each as it ends;
         * by default one group at a time, each on its own.
         */
        default void runBatch(List<Combination> batch, Console.GroupOutput output, Ended ended) throws IOException {
            for (Combination c : batch) {
                long t0 = System.nanoTime();
                if (!ended.ended(c, run(c, output), Duration.ofNanos(System.nanoTime() - t0))) {
                    return;
                }
            }
        }
    }

    /** Told of one group of a batch as it ends; false once the batch should stop (the run is stopping). */
    interface Ended {
        boolean ended(Combination c, GroupRunner.Outcome outcome, Duration took) throws IOException;
    }

    /** Told of every group that ended (not of one cut short by an interruption), one group at a time. */
    interface Finished {
        void finished(Combination c, GroupRunner.Outcome outcome, Duration took, int sideBySide) throws IOException;
    }

    private final int jobs;
    private final Console console;
    private final BooleanSupplier interrupted;
    private final Function<Combination, String> batchKey;

    /** Every group its own batch. */
    GroupPool(int jobs, Console console, BooleanSupplier interrupted) {
        this(jobs, console, interrupted, Combination::id);
    }

    /**
     * @param batchKey groups that run side by side and share a key run as one batch, in one JVM where {@link Group}
     *                 can ({@link PointBatch#key}); a group with a key of its own runs alone in its batch
     */
    GroupPool(int jobs, Console console, BooleanSupplier interrupted, Function<Combination, String> batchKey) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
        this.jobs = jobs;
        this.console = console;
        this.interrupted = interrupted;
        this.batchKey = batchKey;
    }

    /** The side-by-side groups of {@code todo} as batches, in the order their first group comes in the plan. */
    List<List<Combination>> batches(List<Combination> todo) {
        Map<String, List<Combination>> byKey = new LinkedHashMap<>();
        for (Combination c : todo) {
            if (runsSideBySide(c)) {
                byKey.computeIfAbsent(batchKey.apply(c), k -> new ArrayList<>()).add(c);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * True for a group that may run beside others: a memory group (its class records retained memory and is not a
     * timing group) or a Go group (its own process, reading its own runtime's memory; it publishes no time). Churn
     * records retained memory too, but its ns per rollover is published: it runs alone.
     */
    static boolean runsSideBySide(Combination c) {
        return GoLifecycle.isGo(c.benchmark()) || (GroupRunner.recordsRetainedMemory(c) && !TimingGroups.isTiming(c)
                && !c.benchmark().startsWith(CHURN));
    }

    /** The churn benchmark's groups ({@code dev.mapleak.bench.ChurnBenchmark}), whose time is published. */
    static final String CHURN = "ChurnBenchmark.";

    /** The order groups start in: memory groups in plan order, then the groups that run alone, in plan order. */
    static List<Combination> order(List<Combination> todo) {
        List<Combination> ordered = new ArrayList<>(todo.stream().filter(GroupPool::runsSideBySide).toList());
        todo.stream().filter(c -> !runsSideBySide(c)).forEach(ordered::add);
        return ordered;
    }

    /**
     * Runs every group of {@code todo} until done or interrupted; returns how many failed. An I/O failure of the run
     * itself (a full disk) lets the groups in flight end, starts no more, and is thrown.
     */
    int run(List<Combination> todo, Group group, Finished finished) throws IOException {
        List<List<Combination>> sideBySide = batches(todo);
        List<Combination> alone = todo.stream().filter(c -> !runsSideBySide(c)).toList();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<IOException> broken = new AtomicReference<>();
        int slots = Math.min(jobs, Math.max(1, sideBySide.size()));
        if (slots == 1) {
            for (List<Combination> batch : sideBySide) {
                if (!batch(batch, group, finished, true, 1, failed, broken)) {
                    break;
                }
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(slots, r -> {
                Thread t = new Thread(r, "mapleak-group");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (List<Combination> batch : sideBySide) {
                    futures.add(pool.submit(() -> batch(batch, group, finished, false, slots, failed, broken)));
                }
                for (Future<?> f : futures) {
                    waitFor(f);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (Combination c : alone) {
            if (!batch(List.of(c), group, finished, true, 1, failed, broken)) {
                break;
            }
        }
        if (broken.get() != null) {
            throw broken.get();
        }
        return failed.get();
    }

    /** Runs {@code batch} unless the run is stopping; false once it is (interrupted, or an I/O failure). */
    private boolean batch(List<Combination> batch, Group group, Finished finished, boolean live, int sideBySide,
                          AtomicInteger failed, AtomicReference<IOException> broken) {
        if (interrupted.getAsBoolean() || broken.get() != null) {
            return false;
        }
        try (Console.GroupOutput output = console.group(live)) {
            group.runBatch(batch, output, (c, outcome, took) -> {
                if (interrupted.getAsBoolean() && !outcome.ok()) {
                    return false; // cut short by the user: not a failure, and resume measures it
                }
                if (!outcome.ok()) {
                    failed.incrementAndGet();
                }
                synchronized (this) { // the callback writes files and counts: never two groups' at once
                    finished.finished(c, outcome, took, sideBySide);
                }
                return !interrupted.getAsBoolean();
            });
            return !interrupted.getAsBoolean();
        } catch (IOException e) {
            broken.compareAndSet(null, e);
            return false;
        }
    }

    private static void waitFor(Future<?> f) throws IOException {
        while (true) {
            try {
                f.get();
                return;
            } catch (InterruptedException e) {
                // only the shutdown hook stops this run, through the forks and the interruption flag: keep waiting
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IOException(e.getCause());
            }
        }
    }
}
