package dev.mapleak.measure;

import java.lang.management.ManagementFactory;

/**
 * Where a memory group's time goes, printed from inside the fork when {@code -Dmapleak.trace=true}: one line per
 * step on stderr, {@code mapleak-trace <JVM uptime ms> <step> <ms it took>}, the same clock as {@code -Xlog:gc}'s
 * uptime decoration, so the two can be read side by side (src/docs/measuring.md, "Where a memory group's time goes").
 * Off by default: then it costs one boolean test per step.
 */
public final class PhaseTrace {

    private static final boolean ON = Boolean.getBoolean("mapleak.trace");

    private PhaseTrace() {
    }

    public static boolean on() {
        return ON;
    }

    /** A start time for {@link #done}; 0 when tracing is off. */
    public static long start() {
        return ON ? System.nanoTime() : 0;
    }

    /** Prints that {@code step}, begun at {@code startNanos} ({@link #start()}), has just ended. */
    public static void done(String step, long startNanos) {
        if (ON) {
            double took = (System.nanoTime() - startNanos) / 1e6;
            System.err.printf("mapleak-trace %d %s %.1f%n", ManagementFactory.getRuntimeMXBean().getUptime(), step, took);
        }
    }
}
