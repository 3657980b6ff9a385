package dev.mapleak.bench;

import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.lifecycle.Lifecycle;
import dev.mapleak.lifecycle.Strategy;
import dev.mapleak.measure.TimedCall;
import dev.mapleak.measure.TimingPass;
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

import java.util.concurrent.TimeUnit;

/**
 * The timing pass of the lifecycle: what a remedy costs (the time of one reclaim strategy, KEEP, REBUILD, TRIM, CLEAR,
 * on a map that lost {@code deleteFraction} of its entries, and the bytes that call allocates), and the times of the
 * phases before it, {@code fill} and {@code delete}, under the same conditions. {@link LifecycleBenchmark}'s memory
 * groups measure what each state retains, this class what getting there costs, in separate groups.
 *
 * <p>Built so that every timed shot runs under the same conditions, warm-ups included:
 * <ul>
 *   <li>no retained-memory probe is armed (no {@code @RecordsRetainedMemory}): probes take full GCs, shrink the
 *       heap, and would make a measured shot a different experiment from a warm-up;</li>
 *   <li>the fill and delete run in the untimed {@code @Setup(Level.Iteration)}, which ends with a settled full GC,
 *       so the shot neither collects the setup's garbage nor runs into a concurrent cycle;</li>
 *   <li>the runner gives the forks a fixed, pre-touched heap ({@code -Xms} = {@code -Xmx}, {@code -XX:+AlwaysPreTouch}),
 *       so no shot pays to grow the heap, and takes at least 5 measured shots over at least 2 forks after
 *       warm-ups (profile settings {@code timing.*});</li>
 *   <li>the allocation counter is read at the very end of the setup and the very start of the teardown
 *       ({@link TimedCall}), never inside the timed method.</li>
 * </ul>
 * KEEP does nothing: its time is the floor of the measurement (JMH's timer and call), shown once in the report.
 *
 * <pre>
 *   java -jar target/benchmarks.jar RemedyCostBenchmark -prof dev.mapleak.measure.TimedAllocationProfiler \
 *       -jvmArgsAppend "-Xms4g -Xmx4g -XX:+AlwaysPreTouch" -p subject=JDK_HASH_MAP -p valueSize=128 -p keys=SEQUENTIAL
 * </pre>
 */
@TimingPass
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 2)
public class RemedyCostBenchmark {

    /** What every timed phase shares: which map, how many entries of which size, in which key order. */
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

        int[] keyOrder;
        SubjectMap map;

        @Setup(Level.Trial)
        public void computeKeys() {
            Subject.checkValueSize(valueSize);
            keyOrder = keys.keys(entries);
        }

        /** The end of every iteration setup: a settled heap, then the allocation window opens (nothing of the setup counts). */
        void settleAndOpen() {
            TimedCall.settle();
            TimedCall.openAllocationWindow();
        }

        @TearDown(Level.Iteration)
        public void release() {
            TimedCall.closeAllocationWindow(); // first: nothing of the teardown is counted
            map = null;
        }
    }

    /** A new, empty map, ready to be filled. */
    @State(Scope.Benchmark)
    public static class Empty extends MapState {
        @Setup(Level.Iteration)
        public void createAndSettle() {
            map = subject.create(valueSize);
            settleAndOpen();
        }
    }

    /** Adds how much is deleted. */
    @State(Scope.Benchmark)
    public abstract static class DeleteState extends MapState {
        /** Where a remedy has work to do (survivors copied, tables rehashed), and 1.0 for completeness. */
        @Param({"0.5", "0.9", "0.99", "1.0"})
        public double deleteFraction;

        int deleteCount;

        @Setup(Level.Trial)
        public void computeDeleteCount() {
            deleteCount = Lifecycle.deleteCount(entries, deleteFraction);
        }
    }

    /** A map holding {@code entries} entries, ready for the deletes. */
    @State(Scope.Benchmark)
    public static class Filled extends DeleteState {
        @Setup(Level.Iteration)
        public void fillAndSettle() {
            map = Lifecycle.fill(subject.create(valueSize), keyOrder);
            settleAndOpen();
        }
    }

    /** A map that had {@code entries} entries and lost {@code deleteFraction} of them, ready for {@code strategy}. */
    @State(Scope.Benchmark)
    public static class Deleted extends DeleteState {
        @Param({"KEEP", "REBUILD", "TRIM", "CLEAR"})
        public Strategy strategy;

        @Setup(Level.Trial)
        public void checkApplicable() {
            strategy.notApplicable(subject, deleteFraction).ifPresent(reason -> {
                throw new IllegalArgumentException("not applicable: " + strategy + " for " + subject + ": " + reason);
            });
        }

        @Setup(Level.Iteration)
        public void fillDeleteAndSettle() {
            map = Lifecycle.fill(subject.create(valueSize), keyOrder);
            Lifecycle.delete(map, keyOrder, deleteCount);
            settleAndOpen();
        }
    }

    /** FILLED: empty → {@code entries} entries, timed warm on a settled heap. */
    @Benchmark
    public SubjectMap fill(Empty state) {
        state.map = Lifecycle.fill(state.map, state.keyOrder);
        return state.map;
    }

    /** DELETED: removes the first {@code deleteFraction} of the keys in insertion order. */
    @Benchmark
    public int delete(Filled state) {
        return Lifecycle.delete(state.map, state.keyOrder, state.deleteCount);
    }

    /** RECLAIMED: applies {@code strategy}; returns the map to keep using so the work cannot be dropped. */
    @Benchmark
    public SubjectMap reclaim(Deleted state) {
        state.map = state.strategy.apply(state.map);
        return state.map;
    }
}
