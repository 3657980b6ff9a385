package dev.mapleak.measure;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.Optional;

/**
 * Views 2 and 3 of src/docs/measuring.md: heap used after a full GC that has settled, and the heap the JVM has
 * committed. "Settled" means {@code System.gc()} is repeated until two readings agree, because a single
 * collection can leave floating garbage (G1's humongous tails, soft references cleared on the next cycle).
 *
 * <p>Where {@code System.gc()} does not run a full collection (-XX:+DisableExplicitGC,
 * -XX:+ExplicitGCInvokesConcurrent, which is Shenandoah's default), the reading would mean nothing,
 * so {@link #usedAfterGc()} says so instead of answering ({@link ExplicitGc}). The collections still run
 * there: they are what a user's {@code System.gc()} would do, and committed heap and RSS are read after them.
 */
public final class HeapProbe {

    /** Two readings within this many bytes count as agreeing: one G1 region is far larger. */
    public static final long SETTLED_BYTES = 64 * 1024;
    static final int MAX_GCS = 8;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapProbe() {
    }

    /** Committed heap just before the last {@link #usedAfterGc()}, for {@link UncommitWait}; -1 before the first. */
    private static volatile long committedBeforeLastGc = -1;

    /** Heap used after a settled full GC, or empty when this JVM's {@code System.gc()} cannot give one. */
    public static Optional<Long> usedAfterGc() {
        long used = settledGc();
        return explicitGc() == ExplicitGc.FULL ? Optional.of(used) : Optional.empty();
    }

    /**
     * The outcome of collecting until two readings agree.
     *
     * @param used    the lower of the two agreeing readings, or the last reading when they never agreed
     * @param settled whether two consecutive readings agreed within {@link #SETTLED_BYTES}
     * @param spread  how far apart the last two readings were
     */
    record Settling(long used, boolean settled, long spread) {
    }

    /** The last settling, for {@link Probe#HEAP_UNSETTLED}; null before the first. */
    private static volatile Settling lastSettling;

    /** Runs {@code System.gc()} until two readings of heap used agree, and returns the lower one. */
    static long settledGc() {
        committedBeforeLastGc = committed();
        lastSettling = settle(HeapProbe::fullGcAndRead);
        return lastSettling.used();
    }

    /** Reads until two consecutive readings agree within {@link #SETTLED_BYTES}, at most {@link #MAX_GCS} times. */
    static Settling settle(java.util.function.LongSupplier gcAndRead) {
        long previous = gcAndRead.getAsLong();
        long spread = 0;
        for (int i = 1; i < MAX_GCS; i++) {
            long current = gcAndRead.getAsLong();
            spread = Math.abs(current - previous);
            if (spread <= SETTLED_BYTES) {
                return new Settling(Math.min(current, previous), true, spread);
            }
            previous = current;
        }
        return new Settling(previous, false, spread);
    }

    /** The last settling's outcome; empty before the first. */
    static Optional<Settling> lastSettling() {
        return Optional.ofNullable(lastSettling);
    }

    static long committedBeforeLastGc() {
        return committedBeforeLastGc;
    }

    /** Heap used right now, garbage included. */
    public static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Heap the JVM holds from the OS right now. */
    public static long committed() {
        return MEMORY.getHeapMemoryUsage().getCommitted();
    }

    /** Why System.gc() cannot be trusted for a settled heap reading on this JVM, if it cannot. */
    public static Optional<String> explicitGcUnusableReason() {
        return explicitGc().unusableReason();
    }

    /** What this JVM's {@code System.gc()} does. */
    public static ExplicitGc explicitGc() {
        return ExplicitGc.fromFlags(Map.of(
                "UseEpsilonGC", String.valueOf(booleanFlag("UseEpsilonGC")),
                "DisableExplicitGC", String.valueOf(booleanFlag("DisableExplicitGC")),
                "ExplicitGCInvokesConcurrent", String.valueOf(booleanFlag("ExplicitGCInvokesConcurrent"))));
    }

    /** The collectors of this JVM, e.g. "G1 Young Generation, G1 Old Generation". */
    public static String collectorNames() {
        StringBuilder names = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(gc.getName());
        }
        return names.toString();
    }

    private static long fullGcAndRead() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static boolean booleanFlag(String name) {
        return Boolean.parseBoolean(flag(name).orElse("false"));
    }

    /** A HotSpot flag's value in this JVM, empty where the JVM has no such flag. */
    static Optional<String> flag(String name) {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null ? Optional.empty() : Optional.of(hotspot.getVMOption(name).getValue());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // this JVM has no such flag
        }
    }
}
