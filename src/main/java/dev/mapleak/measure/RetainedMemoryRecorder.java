package dev.mapleak.measure;

import dev.mapleak.folder.Metric;
import dev.mapleak.subject.SubjectMap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The hand-off between a benchmark and {@link RetainedMemoryProfiler}, both running in the forked JVM.
 *
 * <p>The profiler arms the recorder before a measurement iteration (taking a heap baseline then, before
 * the iteration's setup builds anything). A benchmark whose {@code @Setup(Level.Trial)} allocates (a key
 * array) calls {@link #takeBaseline()} at the start of its iteration setup: JMH runs trial setup inside the
 * first iteration, after the profiler's hook, so without it that allocation would count as retained by the
 * map in a run without warm-up. The benchmark calls {@link #record} from its untimed
 * {@code @Setup}/{@code @TearDown(Level.Iteration)} methods, so no measurement lands in the timed region;
 * the profiler collects the readings after the iteration. Unarmed (warm-up, or no profiler), recording
 * costs nothing.
 */
public final class RetainedMemoryRecorder {

    private static Probe.Baseline baseline;
    private static final Map<String, Double> readings = new LinkedHashMap<>();

    private RetainedMemoryRecorder() {
    }

    static synchronized void arm() {
        readings.clear();
        long t = PhaseTrace.start();
        baseline = Probe.Baseline.take();
        PhaseTrace.done("baseline(arm)", t);
    }

    /** The readings since {@link #arm()}, keyed by metric name; disarms. */
    static synchronized Map<String, Double> disarm() {
        Map<String, Double> taken = new LinkedHashMap<>(readings);
        readings.clear();
        baseline = null;
        return taken;
    }

    /**
     * Retakes the heap baseline now, if armed: call it where the benchmark's own state exists but the map
     * does not yet (the start of {@code @Setup(Level.Iteration)}).
     */
    public static synchronized void takeBaseline() {
        if (baseline != null) {
            long t = PhaseTrace.start();
            baseline = Probe.Baseline.take();
            PhaseTrace.done("baseline", t);
        }
    }

    public static synchronized boolean armed() {
        return baseline != null;
    }

    /**
     * Reads every probe on {@code map} if armed. {@code prefix} is "" for the state the timed phase left,
     * or e.g. "start." for a state recorded before it.
     */
    public static synchronized void record(String prefix, SubjectMap map) {
        if (baseline == null) {
            return;
        }
        for (Probe probe : Probe.values()) {
            long t = PhaseTrace.start();
            OptionalDouble value = probe.read(map, baseline);
            PhaseTrace.done(prefix + "probe." + probe, t);
            if (value.isPresent()) {
                readings.put(prefix + probe.metric(), value.getAsDouble());
            }
        }
    }

    /**
     * Records one reading the benchmark derived itself, if armed: a figure no single probe gives, such as the
     * smallest footprint a churning map passed through ({@link Metric#RETAINED_JOL_MIN}).
     */
    public static synchronized void recordReading(Metric metric, double value) {
        if (baseline != null) {
            readings.put(metric.key(), value);
        }
    }

    /** The reading recorded for {@code metric} (bare name) since arming, if any. */
    public static synchronized OptionalDouble reading(Metric metric) {
        Double value = readings.get(metric.key());
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** The unit of a metric recorded under any prefix. */
    static String unitOf(String metric) {
        return Metric.of(metric).map(Metric::unit).orElse("");
    }
}
