package dev.mapleak.bench;

import dev.mapleak.lifecycle.Churn;
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

import java.util.concurrent.TimeUnit;

/**
 * A map that never shrinks below its live size and never grows beyond it, while its keys roll over: each
 * operation puts a new key and removes the oldest ({@link Churn}). This is where deletions leave their
 * marks: tombstones pile up until a same-size rehash (Eclipse Collections), a table shrinks and regrows
 * around its threshold (fastutil), Go's map grows to the same size to shed overflow buckets (GO_HYBRID).
 *
 * <p>Every iteration starts, untimed, from a new map of {@code entries} keys and rolls it over
 * {@code rounds} times ({@code rounds * entries} operations) before the timed loop, so what is timed is a
 * map that has already churned; the timed loop then keeps rolling. The score is ns per rollover (one put
 * plus one remove). After each measured iteration, in the untimed {@code @TearDown}, the retained-memory
 * profiler ({@code -prof retained}) reads what the map holds: the memory a long-lived churning map settles at.
 *
 * <pre>
 *   java -jar target/benchmarks.jar ChurnBenchmark -prof retained -p subject=ECLIPSE -p entries=100000
 * </pre>
 * (with {@code ./run-bench.sh churn} the JVM flags are chosen for the JDK that runs the forks).
 */
@RecordsRetainedMemory
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {
        // JOL needs these on every JDK since 9; ./run-bench.sh adds the JDK 25-only ones where they apply.
        "--add-opens", "java.base/java.util=ALL-UNNAMED",
        "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "-Djdk.attach.allowAttachSelf=true"})
public class ChurnBenchmark {

    /** The rolling map; built per iteration so the retained-memory baseline, taken before, does not hold it. */
    @State(Scope.Thread)
    public static class RollingMap {
        @Param
        public Subject subject;

        @Param({"128"})
        public int valueSize;

        /** The constant live size. */
        @Param("1000000")
        public int entries;

        /** Rollovers of the whole window before the timed loop, untimed. */
        @Param("4")
        public int rounds;

        SubjectMap map;
        /** The next key to put; {@code next - entries} is the oldest live one. */
        int next;

        @Setup(Level.Iteration)
        public void startAndRoll() {
            Subject.checkValueSize(valueSize);
            if (rounds < 0) {
                throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
            }
            RetainedMemoryRecorder.takeBaseline(); // the house rule: baseline right before the map exists
            map = Churn.start(subject.create(valueSize), entries);
            next = Churn.roll(map, entries, (long) rounds * entries, entries);
            // The pre-churn's garbage (a value array per rollover for POINTER maps) is collected here, untimed,
            // instead of in the timed loop, which then pays only for the garbage it makes itself.
            System.gc();
        }

        /** Measures what the churned map holds, then lets it go so the next baseline does not see it. */
        @TearDown(Level.Iteration)
        public void measureAndRelease() {
            if (map.size() != entries) {
                throw new IllegalStateException(subject + " holds " + map.size() + " entries after churning, expected " + entries);
            }
            RetainedMemoryRecorder.record("", map);
            map = null;
        }
    }

    /** One rollover: put the next key, remove the oldest; returns whether the oldest was there (always). */
    @Benchmark
    public boolean rollOver(RollingMap s) {
        return Churn.step(s.map, s.next++, s.entries);
    }
}
