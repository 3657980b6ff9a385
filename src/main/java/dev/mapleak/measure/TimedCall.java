package dev.mapleak.measure;

import java.lang.management.ManagementFactory;

/**
 * What a {@link TimingPass} benchmark calls around its timed call, from its untimed iteration setup and teardown:
 * a settled full GC before the shot, so no shot collects the setup's garbage or runs into a concurrent cycle, and
 * the bytes the benchmark thread allocates between the end of the setup and the start of the teardown, read from
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} (exact, per thread, TLABs included).
 * JMH runs iteration setup, the single shot and iteration teardown on the same thread, so the window holds the timed
 * call and JMH's own few bytes around it (KEEP, which allocates nothing, shows how many).
 */
public final class TimedCall {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Thread allocation counter when the window opened; -1 when no window is open. */
    private static long openedAt = -1;
    /** The last closed window's bytes, NaN until one closes; read by {@link TimedAllocationProfiler}. */
    private static volatile double lastWindowBytes = Double.NaN;

    private TimedCall() {
    }

    /** Full GCs until two readings of heap used agree (as the heap probe settles), untimed. */
    public static void settle() {
        HeapProbe.settledGc();
    }

    /** Opens the allocation window: the very last statement of the iteration setup. */
    public static void openAllocationWindow() {
        openedAt = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Closes it: the very first statement of the iteration teardown. */
    public static void closeAllocationWindow() {
        long now = THREADS.getCurrentThreadAllocatedBytes();
        if (openedAt >= 0 && now >= 0) {
            lastWindowBytes = now - openedAt;
        }
        openedAt = -1;
    }

    /** The bytes of the last closed window, and forgets them; NaN when none closed since the last call. */
    static double takeLastWindowBytes() {
        double bytes = lastWindowBytes;
        lastWindowBytes = Double.NaN;
        return bytes;
    }

    /** Whether this JVM counts per-thread allocation at all ({@code -XX:-ThreadAllocatedMemory...} can turn it off). */
    static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }
}
