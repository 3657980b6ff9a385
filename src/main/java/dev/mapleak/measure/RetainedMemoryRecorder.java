package dev.mapleak.measure;

import dev.mapleak.folder.Metric;
import dev.mapleak.subject.SubjectMap;

import java.util.HashMap;
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
    /** States this JVM measured once for an earlier trial ({@link #recordOnce}): key → who measured it, readings. */
    private static final Map<String, Passed> passed = new HashMap<>();

    private record Passed(Object trial, Map<String, Double> readings) {
    }

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
        recordCarryingJol(prefix, map, null);
    }

    /**
     * {@link #record}, but JOL's size is copied from the reading under {@code jolFrom} (a prefix) where this trial
     * took one: for a map that is the very object graph JOL walked then, untouched since (KEEP does nothing to the map
     * the deletes left), so the walk would count the same objects again. Every other probe reads anew.
     */
    public static synchronized void recordCarryingJol(String prefix, SubjectMap map, String jolFrom) {
        if (baseline == null) {
            return;
        }
        for (Probe probe : Probe.values()) {
            Double earlier = jolFrom == null || probe != Probe.RETAINED_JOL ? null : readings.get(jolFrom + probe.metric());
            if (earlier != null) {
                readings.put(prefix + probe.metric(), earlier);
                continue;
            }
            long t = PhaseTrace.start();
            OptionalDouble value = probe.read(map, baseline);
            PhaseTrace.done(prefix + "probe." + probe, t);
            if (value.isPresent()) {
                readings.put(prefix + probe.metric(), value.getAsDouble());
            }
        }
    }

    /**
     * {@link #record}, for a state that several trials in this JVM pass through identically ({@code state} names it,
     * e.g. the filled map of one subject, value size and key order): the first trial to reach it reads every probe;
     * a later trial ({@code trial} is not the one that measured it) carries those readings instead of reading again.
     * Within one trial every iteration reads again, so a trial's spread is its own. Used where one JVM runs several
     * groups of one point ({@code dev.mapleak.run.PointBatch}); a JVM that runs one group measures everything.
     */
    public static synchronized void recordOnce(String prefix, SubjectMap map, String state, Object trial) {
        if (baseline == null) {
            return;
        }
        Passed earlier = passed.get(state);
        if (earlier != null && earlier.trial() != trial) {
            readings.putAll(earlier.readings());
            PhaseTrace.done(prefix + "carried", PhaseTrace.start());
            return;
        }
        record(prefix, map);
        Map<String, Double> taken = new LinkedHashMap<>();
        readings.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                taken.put(k, v);
            }
        });
        passed.put(state, new Passed(trial, taken));
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
