package dev.mapleak.run;

import dev.mapleak.measure.TimedAllocationProfiler;
import dev.mapleak.measure.TimingPass;
import org.openjdk.jmh.profile.Profiler;

import dev.mapleak.folder.UsageException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes a timing group (a benchmark class marked {@link TimingPass}) different from a memory group when it
 * runs: the profile's timing settings instead of its memory ones, a fixed and pre-touched heap so that no timed
 * shot grows or faults in the heap ({@code -Xms} equal to the {@code -Xmx} in effect, {@code -XX:+AlwaysPreTouch}),
 * and {@link TimedAllocationProfiler} instead of the retained-memory probes (which it never gets: it has no
 * {@code @RecordsRetainedMemory}).
 */
final class TimingGroups {

    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    private TimingGroups() {
    }

    static boolean isTiming(Combination c) {
        String className = c.fullName().substring(0, c.fullName().lastIndexOf('.'));
        try {
            return Class.forName(className, false, TimingGroups.class.getClassLoader()).isAnnotationPresent(TimingPass.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The forks a group gets, first found of: its class's own count ({@code OperationsBenchmark.forks}), the timing
     * pass's ({@code timing.forks}) for a {@link TimingPass} class, the profile's {@code forks}. ({@code -f} after
     * {@code --} beats all three: {@link GroupRunner} only asks here when it is not given.)
     */
    static int forks(Combination c, Profile.Settings s) {
        return s.runsOf(className(c)).forks().orElseGet(() -> isTiming(c) ? s.timing().forks() : s.forks());
    }

    /** The warm-up iterations a group gets, resolved as {@link #forks}. */
    static int warmupIterations(Combination c, Profile.Settings s) {
        return s.runsOf(className(c)).warmupIterations()
                .orElseGet(() -> isTiming(c) ? s.timing().warmupIterations() : s.warmupIterations());
    }

    /** The measured iterations a group gets, resolved as {@link #forks}. */
    static int iterations(Combination c, Profile.Settings s) {
        return s.runsOf(className(c)).iterations().orElseGet(() -> isTiming(c) ? s.timing().iterations() : s.iterations());
    }

    /** {@code OperationsBenchmark} for {@code OperationsBenchmark.getHit}. */
    static String className(Combination c) {
        int dot = c.benchmark().indexOf('.');
        return dot < 0 ? c.benchmark() : c.benchmark().substring(0, dot);
    }

    /** "2x1+5": forks, warm-ups and measured iterations, what decides whether an earlier run's time fits. */
    static String runs(Combination c, Profile.Settings s) {
        return forks(c, s) + "x" + warmupIterations(c, s) + "+" + iterations(c, s);
    }

    /** "1 fork x (0 warm-ups + 1 measured iteration)": what {@code c}'s group runs, for --dry-run. */
    static String describe(Combination c, Profile.Settings s) {
        int f = forks(c, s);
        int w = warmupIterations(c, s);
        int i = iterations(c, s);
        return f + (f == 1 ? " fork" : " forks") + " x (" + w + (w == 1 ? " warm-up" : " warm-ups") + " + " + i
                + " measured" + (i == 1 ? " iteration" : " iterations") + ")";
    }

    /**
     * Each per-class run count names a class of the profile's benchmarks, and a {@link TimingPass} class keeps the
     * timing pass's minimums ({@link Profile.Timing}): its times are published as medians and spreads.
     */
    static void checkClassRuns(Profile profile, Collection<BenchmarkCatalog.Benchmark> benchmarks) {
        for (var e : profile.settings().byClass().entrySet()) {
            String cls = e.getKey();
            Optional<BenchmarkCatalog.Benchmark> any = benchmarks.stream().filter(b -> b.className().equals(cls)).findFirst();
            if (any.isEmpty()) {
                Set<String> known = new TreeSet<>();
                benchmarks.forEach(b -> known.add(b.className()));
                String key = cls + "." + ClassRuns.KEYS.stream().filter(k -> e.getValue().get(k).isPresent()).findFirst().orElseThrow();
                throw new UsageException(profile.where(key) + ": '" + key + "' names no benchmark class of"
                        + " this profile (" + String.join(", ", known) + ")");
            }
            BenchmarkCatalog.Benchmark b = any.get();
            if (!isTiming(new Combination(b.name(), b.fullName(), Map.of(), Combination.DEFAULT_JVM))) {
                continue;
            }
            int[] min = {Profile.Timing.MIN_FORKS, 1, Profile.Timing.MIN_ITERATIONS};
            for (int k = 0; k < ClassRuns.KEYS.size(); k++) {
                String key = ClassRuns.KEYS.get(k);
                OptionalInt n = e.getValue().get(key);
                if (n.isPresent() && n.getAsInt() < min[k]) {
                    throw new UsageException(profile.where(cls + "." + key) + ": " + cls + "." + key
                            + " must be at least " + min[k] + " for a timing-pass class (its times are published as a"
                            + " median and spread), got " + n.getAsInt());
                }
            }
        }
    }

    /** The profiler a timing group always gets. */
    static Class<? extends Profiler> profiler() {
        return TimedAllocationProfiler.class;
    }

    /**
     * The flags appended for timing groups to a fork whose other flags are {@code args}: {@code -Xms} equal to the
     * last {@code -Xmx} (the one the JVM obeys) and pre-touch. Empty when no {@code -Xmx} is given: there is no fixed
     * size to pin the heap to (mapleak's profiles always give one).
     */
    static List<String> fixedHeapArgs(List<String> args) {
        Optional<String> xmx = Optional.empty();
        for (String a : args) {
            if (a.startsWith("-Xmx")) {
                xmx = Optional.of(a.substring("-Xmx".length()));
            }
        }
        List<String> fixed = new ArrayList<>();
        xmx.ifPresent(size -> {
            fixed.add("-Xms" + size);
            fixed.add(PRE_TOUCH);
        });
        return fixed;
    }
}
