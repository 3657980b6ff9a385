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
 * What a remedy costs: the time of one reclaim strategy (KEEP, REBUILD, TRIM, CLEAR) on a map that lost
 * {@code deleteFraction} of its entries, and the bytes that call allocates. The timing pass of the lifecycle:
 * {@link LifecycleBenchmark} measures what the strategies free, this class what they cost, in separate groups.
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

    /** A map that had {@code entries} entries and lost {@code deleteFraction} of them, ready for {@code strategy}. */
    @State(Scope.Benchmark)
    public static class Deleted {
        @Param
        public Subject subject;

        @Param({"64", "96", "127", "128", "129", "160", "192", "256"})
        public int valueSize;

        @Param("1000000")
        public int entries;

        @Param({"SEQUENTIAL", "RANDOM"})
        public KeyOrder keys;

        /** Where a remedy has work to do (survivors copied, tables rehashed), and 1.0 for completeness. */
        @Param({"0.5", "0.9", "0.99", "1.0"})
        public double deleteFraction;

        @Param({"KEEP", "REBUILD", "TRIM", "CLEAR"})
        public Strategy strategy;

        int[] keyOrder;
        int deleteCount;
        SubjectMap map;

        @Setup(Level.Trial)
        public void prepare() {
            Subject.checkValueSize(valueSize);
            strategy.notApplicable(subject, deleteFraction).ifPresent(reason -> {
                throw new IllegalArgumentException("not applicable: " + strategy + " for " + subject + ": " + reason);
            });
            keyOrder = keys.keys(entries);
            deleteCount = Lifecycle.deleteCount(entries, deleteFraction);
        }

        @Setup(Level.Iteration)
        public void fillDeleteAndSettle() {
            map = Lifecycle.fill(subject.create(valueSize), keyOrder);
            Lifecycle.delete(map, keyOrder, deleteCount);
            TimedCall.settle();
            TimedCall.openAllocationWindow(); // last: nothing of the setup is counted
        }

        @TearDown(Level.Iteration)
        public void release() {
            TimedCall.closeAllocationWindow(); // first: nothing of the teardown is counted
            map = null;
        }
    }

    /** RECLAIMED: applies {@code strategy}; returns the map to keep using so the work cannot be dropped. */
    @Benchmark
    public SubjectMap reclaim(Deleted state) {
        state.map = state.strategy.apply(state.map);
        return state.map;
    }
}
