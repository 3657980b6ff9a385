package dev.mapleak.bench;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.lifecycle.Lifecycle;
import dev.mapleak.lifecycle.Strategy;
import dev.mapleak.measure.NamedOnly;
import dev.mapleak.measure.PhaseTrace;
import dev.mapleak.measure.RecordsRetainedMemory;
import dev.mapleak.measure.RetainedMemoryRecorder;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;

/**
 * The seed's experiment for every map: fill, delete, reclaim, each phase timed on its own and followed by
 * a measurement of what the map retains.
 *
 * <p>{@code memory} is the memory group (every profile's): it records all four states in one fork and times
 * nothing the report publishes. {@code fill}, {@code delete} and {@code reclaim} are the older shape, one
 * phase per group, kept so runs made with them re-run and re-render as they were: a profile runs them only when
 * it names them ({@link NamedOnly}).
 *
 * <p>Each of those {@code @Benchmark}s times exactly one phase. The phases before it run in the untimed
 * {@code @Setup(Level.Iteration)}, so every iteration starts from a fresh map in the right state; the
 * measurement runs in the untimed {@code @TearDown(Level.Iteration)} and reaches JMH's results through
 * {@link dev.mapleak.measure.RetainedMemoryProfiler} ({@code -prof retained}). {@code SingleShotTime}
 * because a phase is a one-off event that changes the state it runs on: it cannot be looped.
 *
 * <p>Each benchmark only carries the parameters its phase depends on ({@code fill} has no
 * {@code deleteFraction}, only {@code reclaim} has a {@code strategy}), so JMH runs no duplicate forks.
 *
 * <pre>
 *   java -jar target/benchmarks.jar LifecycleBenchmark -prof retained -p subject=JDK_HASH_MAP -p valueSize=128
 * </pre>
 * (with {@code ./run-bench.sh} the JVM flags are chosen for the JDK that runs the forks).
 */
@RecordsRetainedMemory
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {
        // JOL needs these on every JDK since 9; ./run-bench.sh adds the JDK 25-only ones where they apply.
        "--add-opens", "java.base/java.util=ALL-UNNAMED",
        "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "-Djdk.attach.allowAttachSelf=true"})
public class LifecycleBenchmark {

    /** What every phase shares: which map, how many entries of which size, in which key order. */
    @State(Scope.Benchmark)
    public abstract static class MapState {
        @Param
        public Subject subject;

        @Param({"64", "96", "127", "128", "129", "160", "192", "256"})
        public int valueSize;

        @Param("1000000")
        public int entries;

        @Param({"SEQUENTIAL", "RANDOM"})
        public KeyOrder keys;

        /** The keys in insertion order; computed once per trial, so the baseline holds them too. */
        int[] keyOrder;
        /** The map the timed phase works on; the measured state after it. */
        SubjectMap map;

        @Setup(Level.Trial)
        public void computeKeys() {
            Subject.checkValueSize(valueSize);
            keyOrder = keys.keys(entries);
        }

        /** A filled map, built after the heap baseline (see {@link RetainedMemoryRecorder#takeBaseline()}). */
        SubjectMap filledMap() {
            RetainedMemoryRecorder.takeBaseline();
            long t = PhaseTrace.start();
            SubjectMap filled = Lifecycle.fill(subject.create(valueSize), keyOrder);
            PhaseTrace.done("setup.fill", t);
            return filled;
        }

        /** Measures the state the timed phase left, then lets it go so the next baseline does not see it. */
        @TearDown(Level.Iteration)
        public void measureAndRelease() {
            recordReclaimed();
            map = null;
        }

        /** Records the state the timed phase left under the bare names. */
        void recordReclaimed() {
            RetainedMemoryRecorder.record("", map);
        }
    }

    /** Starts from an empty map, the seed's {@code make(map[int][128]byte)}. */
    @State(Scope.Benchmark)
    public static class Empty extends MapState {
        @Setup(Level.Iteration)
        public void createEmpty() {
            RetainedMemoryRecorder.takeBaseline();
            map = subject.create(valueSize);
            RetainedMemoryRecorder.record(Metric.prefix(Phase.START), map);
        }
    }

    /** Adds how much is deleted. */
    @State(Scope.Benchmark)
    public abstract static class DeleteState extends MapState {
        @Param({"1.0"})
        public double deleteFraction;

        int deleteCount;

        @Setup(Level.Trial)
        public void computeDeleteCount() {
            deleteCount = Lifecycle.deleteCount(entries, deleteFraction);
        }
    }

    /** Starts from a map holding {@code entries} entries. */
    @State(Scope.Benchmark)
    public static class Filled extends DeleteState {
        @Setup(Level.Iteration)
        public void fill() {
            map = filledMap();
        }
    }

    /** Adds the strategy the benchmark applies to the map the deletes left. */
    @State(Scope.Benchmark)
    public abstract static class StrategyState extends DeleteState {
        @Param({"KEEP", "REBUILD", "TRIM", "CLEAR"})
        public Strategy strategy;

        @Setup(Level.Trial)
        public void checkApplicable() {
            strategy.notApplicable(subject, deleteFraction).ifPresent(reason -> {
                throw new IllegalArgumentException("not applicable: " + strategy + " for " + subject + ": " + reason);
            });
        }
    }

    /** Starts from a map that had {@code entries} entries and lost {@code deleteFraction} of them. */
    @State(Scope.Benchmark)
    public static class Deleted extends StrategyState {
        @Setup(Level.Iteration)
        public void fillAndDelete() {
            map = filledMap();
            Lifecycle.delete(map, keyOrder, deleteCount);
        }
    }

    /**
     * The memory group's state: its untimed setup passes through START, FILLED and DELETED and records each (prefixed
     * names, {@link Metric#prefix}), all relative to one baseline taken before the map existed; the teardown records
     * RECLAIMED under the bare names. One fork so measures every state of the lifecycle for one strategy.
     *
     * <p>START and FILLED are the same for every group of a point (subject, value size, entries, key order: the keys
     * come from a fixed seed), DELETED for every strategy at one delete fraction. Where one JVM runs several groups of a
     * point ({@code dev.mapleak.run.PointBatch}) each of those states is measured by the first group that reaches it
     * and carried by the others ({@link RetainedMemoryRecorder#recordOnce}); RECLAIMED, which the strategy makes, is
     * always measured.
     */
    @State(Scope.Benchmark)
    public static class Passage extends StrategyState {
        @Setup(Level.Iteration)
        public void fillAndDeleteRecording() {
            String point = subject + "," + valueSize + "," + entries + "," + keys;
            RetainedMemoryRecorder.takeBaseline();
            map = subject.create(valueSize);
            RetainedMemoryRecorder.recordOnce(Metric.prefix(Phase.START), map, point + ",START", this);
            long t = PhaseTrace.start();
            map = Lifecycle.fill(map, keyOrder);
            PhaseTrace.done("setup.fill", t);
            RetainedMemoryRecorder.recordOnce(Metric.prefix(Phase.FILLED), map, point + ",FILLED", this);
            t = PhaseTrace.start();
            Lifecycle.delete(map, keyOrder, deleteCount);
            PhaseTrace.done("setup.delete", t);
            RetainedMemoryRecorder.recordOnce(Metric.prefix(Phase.DELETED), map, point + ",DELETED," + deleteFraction, this);
            deleted = new WeakReference<>(map);
        }

        /**
         * The map the deletes left, to know whether the strategy returned that very map (KEEP). Weak: a strong
         * reference would keep the map a remedy dropped alive through RECLAIMED's heap reading.
         */
        private WeakReference<SubjectMap> deleted = new WeakReference<>(null);

        @Override
        void recordReclaimed() {
            // KEEP returns the map it was given and does nothing to it: the object graph JOL walked at DELETED
            boolean untouched = strategy == Strategy.KEEP && map == deleted.get();
            deleted = new WeakReference<>(null);
            RetainedMemoryRecorder.recordCarryingJol("", map, untouched ? Metric.prefix(Phase.DELETED) : null);
        }
    }

    /** FILLED: empty → {@code entries} entries, a new value allocated (or written in place) for each. */
    @Benchmark
    @NamedOnly
    public SubjectMap fill(Empty state) {
        return Lifecycle.fill(state.map, state.keyOrder);
    }

    /** DELETED: removes the first {@code deleteFraction} of the keys in insertion order. */
    @Benchmark
    @NamedOnly
    public int delete(Filled state) {
        return Lifecycle.delete(state.map, state.keyOrder, state.deleteCount);
    }

    /**
     * The memory group: START, FILLED, DELETED and RECLAIMED of one map in one fork (see {@link Passage}). It applies
     * {@code strategy} as {@link #reclaim} does, but its time is not a cost anyone should read: the shot runs cold,
     * right after probes that ran full GCs, so the report never shows it. Times come from the timing pass
     * ({@link RemedyCostBenchmark}).
     */
    @Benchmark
    public SubjectMap memory(Passage state) {
        state.map = state.strategy.apply(state.map);
        return state.map;
    }

    /** RECLAIMED: applies {@code strategy}; the map it returns is the one measured. */
    @Benchmark
    @NamedOnly
    public SubjectMap reclaim(Deleted state) {
        state.map = state.strategy.apply(state.map);
        return state.map;
    }
}
