package dev.mapleak.run;

import dev.mapleak.measure.TimedAllocationProfiler;
import dev.mapleak.measure.TimingPass;
import org.openjdk.jmh.profile.Profiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    static int forks(Combination c, Profile.Settings s) {
        return isTiming(c) ? s.timing().forks() : s.forks();
    }

    static int warmupIterations(Combination c, Profile.Settings s) {
        return isTiming(c) ? s.timing().warmupIterations() : s.warmupIterations();
    }

    static int iterations(Combination c, Profile.Settings s) {
        return isTiming(c) ? s.timing().iterations() : s.iterations();
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
