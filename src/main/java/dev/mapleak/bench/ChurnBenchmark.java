package dev.mapleak.bench;

import dev.mapleak.folder.Metric;
import dev.mapleak.lifecycle.Churn;
import dev.mapleak.measure.JolFootprint;
import dev.mapleak.measure.RecordsRetainedMemory;
import dev.mapleak.measure.RetainedMemoryRecorder;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import dev.mapleak.subject.go.GoMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A map that never shrinks below its live size and never grows beyond it, while its keys roll over: each
 * rollover puts a new key and removes the oldest ({@link Churn}). This is where deletions leave their
 * marks: tombstones pile up until a same-size rehash (Eclipse Collections), a table shrinks and regrows
 * around its threshold (fastutil), Go's map grows to the same size to shed overflow buckets (GO_HYBRID).
 *
 * <p><b>What one iteration measures, exactly.</b> Untimed, {@code @Setup(Level.Iteration)} builds a new map of
 * {@code entries} keys, rolls it over {@code rounds} whole rounds ({@code rounds * entries} rollovers) and
 * collects the garbage. Timed, one shot of exactly {@link #ROLLOVERS_PER_SHOT} rollovers. So the score is
 * "ns per rollover over rollovers {@code rounds * entries + 1} to {@code rounds * entries + 1,000,000}": at the
 * profile's 1M entries, the whole 5th round after 4. The count is fixed, not a time: in the 1 s
 * {@code AverageTime} loop this benchmark used to have, a fast map rolled 12 more rounds and a slow one 2, so
 * maps were timed in different states. It is {@code SingleShotTime} with batch size 1 and
 * {@code @OperationsPerInvocation(ROLLOVERS_PER_SHOT)} (JMH divides the shot by it), rather than a batch of
 * single rollovers ({@code @Measurement(batchSize)}), because JMH divides a single shot by its operations per
 * invocation and not by its batch size: the score would be per batch. Setup refuses any other mode or batch
 * size, which would time something else under the same name. One shot of a whole round at 1M entries spans
 * every periodic event of the cycle (rehashes, same-size growths), so the shot's mean is their amortised cost.
 *
 * <p><b>What it retains.</b> In the untimed {@code @TearDown}, the retained-memory profiler
 * ({@code -prof retained}) reads every probe on the state the shot left (the last state: {@code retained.jol.bytes},
 * heap after GC, ...). Because a churning map's footprint cycles, the teardown then rolls one more round,
 * untimed, in {@code depths} equal parts, and reads JOL (and the Go model's figure for GO_HYBRID) after each:
 * the smallest and largest of those readings and the last state's are {@code retained.jol.min.bytes} and
 * {@code retained.jol.max.bytes} ({@code retained.go.min.bytes}, {@code retained.go.max.bytes}). Warm-up
 * iterations are unarmed and sample nothing, but their setup and shot are the same, so every timed shot starts
 * from the same untimed work and a full GC.
 *
 * <pre>
 *   java -jar target/benchmarks.jar ChurnBenchmark -prof retained -p subject=ECLIPSE -p entries=100000
 * </pre>
 * (with {@code ./run-bench.sh churn} the JVM flags are chosen for the JDK that runs the forks).
 */
@RecordsRetainedMemory
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ChurnBenchmark.ROLLOVERS_PER_SHOT)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 3, batchSize = 1)
@Fork(value = 2, jvmArgsAppend = {
        // JOL needs these on every JDK since 9; ./run-bench.sh adds the JDK 25-only ones where they apply.
        "--add-opens", "java.base/java.util=ALL-UNNAMED",
        "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "-Djdk.attach.allowAttachSelf=true"})
public class ChurnBenchmark {

    /** Rollovers timed per iteration: one whole round at the profile's 1M entries. */
    public static final int ROLLOVERS_PER_SHOT = 1_000_000;

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

        /** Rounds of the whole window rolled over before the timed shot, untimed. */
        @Param("4")
        public int rounds;

        /** Points of the round after the shot where the footprint is sampled for its min and max. */
        @Param("4")
        public int depths;

        SubjectMap map;
        /** The next key to put; {@code next - entries} is the oldest live one. */
        int next;

        /** JMH's entry point: refuses a mode or batch size that would time something else, then {@link #startAndRoll()}. */
        @Setup(Level.Iteration)
        public void setUp(BenchmarkParams benchmark, IterationParams iteration) {
            checkOneShot(benchmark.getMode(), iteration.getBatchSize());
            startAndRoll();
        }

        static void checkOneShot(Mode mode, int batchSize) {
            if (mode != Mode.SingleShotTime || batchSize != 1) {
                throw new IllegalArgumentException("ChurnBenchmark times exactly " + ROLLOVERS_PER_SHOT
                        + " rollovers per iteration: run it in mode SingleShotTime (ss) with batch size 1, not "
                        + mode.shortLabel() + " with batch size " + batchSize);
            }
        }

        void startAndRoll() {
            Subject.checkValueSize(valueSize);
            if (rounds < 0) {
                throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
            }
            if (depths < 1 || depths > entries) {
                throw new IllegalArgumentException("depths must be between 1 and entries (" + entries + "), got " + depths);
            }
            RetainedMemoryRecorder.takeBaseline(); // the house rule: baseline right before the map exists
            map = Churn.start(subject.create(valueSize), entries);
            next = Churn.roll(map, entries, (long) rounds * entries, entries);
            // The pre-churn's garbage (a value array per rollover for POINTER maps) is collected here, untimed,
            // instead of in the timed shot, which then pays only for the garbage it makes itself.
            System.gc();
        }

        /**
         * Measures the state the shot left, then its footprint over one more round, then lets the map go so
         * the next baseline does not see it. Unarmed (warm-up), only checks the size.
         */
        @TearDown(Level.Iteration)
        public void measureAndRelease() {
            if (map.size() != entries) {
                throw new IllegalStateException(subject + " holds " + map.size() + " entries after churning, expected " + entries);
            }
            if (RetainedMemoryRecorder.armed()) {
                RetainedMemoryRecorder.record("", map);
                CycleFootprint footprint = new CycleFootprint();
                // The last state's readings were just taken: reuse them rather than walk the map again.
                footprint.add(RetainedMemoryRecorder.reading(Metric.RETAINED_JOL).orElseThrow(),
                        RetainedMemoryRecorder.reading(Metric.RETAINED_GO));
                next = Churn.rollSampling(map, next, entries, depths, footprint::sample);
                footprint.record();
                RetainedMemoryRecorder.recordReading(Metric.CHURN_ROLLOVERS, ROLLOVERS_PER_SHOT);
            }
            map = null;
        }
    }

    /** The smallest and largest footprint seen, starting from the state the shot left. */
    static final class CycleFootprint {
        long jolMin = Long.MAX_VALUE;
        long jolMax = Long.MIN_VALUE;
        long goMin = Long.MAX_VALUE;
        long goMax = Long.MIN_VALUE;
        int samples;

        void sample(SubjectMap map) {
            add(JolFootprint.bytes(map.footprintRoot()),
                    map instanceof GoMap go ? OptionalDouble.of(go.goRuntimeBytes()) : OptionalDouble.empty());
        }

        void add(double jol, OptionalDouble goBytes) {
            jolMin = Math.min(jolMin, (long) jol);
            jolMax = Math.max(jolMax, (long) jol);
            goBytes.ifPresent(go -> {
                goMin = Math.min(goMin, (long) go);
                goMax = Math.max(goMax, (long) go);
            });
            samples++;
        }

        void record() {
            RetainedMemoryRecorder.recordReading(Metric.RETAINED_JOL_MIN, jolMin);
            RetainedMemoryRecorder.recordReading(Metric.RETAINED_JOL_MAX, jolMax);
            if (goMin <= goMax) {
                RetainedMemoryRecorder.recordReading(Metric.RETAINED_GO_MIN, goMin);
                RetainedMemoryRecorder.recordReading(Metric.RETAINED_GO_MAX, goMax);
            }
        }
    }

    /** Exactly {@link #ROLLOVERS_PER_SHOT} rollovers; returns the next key (JMH consumes it). */
    @Benchmark
    public int rollOver(RollingMap s) {
        s.next = Churn.roll(s.map, s.next, ROLLOVERS_PER_SHOT, s.entries);
        return s.next;
    }
}
