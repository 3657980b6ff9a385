package dev.mapleak.measure;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Optional;

/**
 * Views 2 and 3a of DESIGN.md: heap used after a full GC that has settled, and the heap the JVM has
 * committed. "Settled" means {@code System.gc()} is repeated until two readings agree, because a single
 * collection can leave floating garbage (G1's humongous tails, soft references cleared on the next cycle).
 *
 * <p>Where {@code System.gc()} does not run a full collection (-XX:+DisableExplicitGC,
 * -XX:+ExplicitGCInvokesConcurrent, which is Shenandoah's default), the reading would mean nothing,
 * so {@link #usedAfterGc()} says so instead of answering.
 */
public final class HeapProbe {

    /** Two readings within this many bytes count as agreeing: one G1 region is far larger. */
    static final long SETTLED_BYTES = 64 * 1024;
    static final int MAX_GCS = 8;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapProbe() {
    }

    /** Heap used after a settled full GC, or empty when this JVM's {@code System.gc()} cannot give one. */
    public static Optional<Long> usedAfterGc() {
        if (explicitGcUnusableReason().isPresent()) {
            return Optional.empty();
        }
        long previous = fullGcAndRead();
        for (int i = 1; i < MAX_GCS; i++) {
            long current = fullGcAndRead();
            if (Math.abs(current - previous) <= SETTLED_BYTES) {
                return Optional.of(Math.min(current, previous));
            }
            previous = current;
        }
        return Optional.of(previous);
    }

    /** Heap the JVM holds from the OS right now. */
    public static long committed() {
        return MEMORY.getHeapMemoryUsage().getCommitted();
    }

    /** Why System.gc() cannot be trusted for a settled heap reading on this JVM, if it cannot. */
    public static Optional<String> explicitGcUnusableReason() {
        if (booleanFlag("DisableExplicitGC")) {
            return Optional.of("-XX:+DisableExplicitGC makes System.gc() a no-op");
        }
        if (booleanFlag("ExplicitGCInvokesConcurrent")) {
            return Optional.of("-XX:+ExplicitGCInvokesConcurrent makes System.gc() start a concurrent cycle"
                    + " that returns before the heap has settled");
        }
        return Optional.empty();
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

    private static boolean booleanFlag(String name) {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null && Boolean.parseBoolean(hotspot.getVMOption(name).getValue());
        } catch (IllegalArgumentException e) {
            return false; // this JVM has no such flag
        }
    }
}
