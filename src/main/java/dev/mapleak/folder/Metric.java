package dev.mapleak.folder;

import java.util.Optional;

/**
 * Every secondary metric name a result file may carry, declared once: the probes write them, the report reads
 * them. A reading recorded after the timed phase has the bare name; one recorded before it, in the same fork,
 * carries its phase's prefix ({@link #at(Phase)}: {@code start.retained.jol.bytes}).
 */
public enum Metric {

    /**
     * Heap the JVM holds from the OS right after the phase, before any GC: what the seed's printout shows for Go
     * (HeapSys unchanged by the deletes). First of the three readings of the OS sequence, taken in one fork.
     */
    HEAP_COMMITTED_NO_GC("nogc.heap.committed.bytes", "bytes"),
    /** The process's RSS at the same moment, before any GC. */
    PROCESS_RSS_NO_GC("nogc.process.rss.bytes", "bytes"),
    /**
     * Heap used at the same moment, before any GC (absolute, no baseline): with heap used after the GC, in the same
     * fork, it says how much the GC freed, the amount the OS sequence's drops are compared with.
     */
    HEAP_USED_NO_GC("nogc.heap.used.bytes", "bytes"),
    /** Heap used right after the settled GC (absolute, no baseline). */
    HEAP_USED_AFTER_GC("heap.used.bytes", "bytes"),
    /** Heap used after a settled full GC, minus the same reading taken before the map existed. */
    RETAINED_HEAP("retained.heap.bytes", "bytes"),
    /** Committed heap right after that settled GC (Go's {@code runtime.GC()}), before any uncommit wait. */
    HEAP_COMMITTED_AFTER_GC("gc.heap.committed.bytes", "bytes"),
    /** RSS right after that GC. */
    PROCESS_RSS_AFTER_GC("gc.process.rss.bytes", "bytes"),
    /**
     * 1, 2 or 3 where {@code System.gc()} is disabled, concurrent, or the collector never collects (Epsilon), so
     * retained.heap.bytes is missing on purpose.
     */
    HEAP_PROBE_UNUSABLE("heap.probe.unusable", "code"),
    /**
     * Present only when the GCs behind retained.heap.bytes never settled (two readings never agreed within the
     * floor): how far apart the last two were. Such a reading is flagged, not trusted.
     */
    HEAP_PROBE_UNSETTLED("heap.probe.unsettled.bytes", "bytes"),
    /** The heap probe's noise floor: readings closer than this count as equal, so a retained figure below it is noise. */
    HEAP_PROBE_FLOOR("heap.probe.floor.bytes", "bytes"),
    /** Milliseconds waited for the collector to hand freed heap back before the next two readings. */
    UNCOMMIT_WAIT("heap.uncommit.wait.ms", "ms"),
    /**
     * Heap the JVM holds from the OS after the GC and after the collector has uncommitted what it will (Go's
     * {@code debug.FreeOSMemory()}): the last reading of the OS sequence.
     */
    HEAP_COMMITTED("heap.committed.bytes", "bytes"),
    /** What the whole process holds from the OS (VmRSS) at the same moment. */
    PROCESS_RSS("process.rss.bytes", "bytes"),
    /** Exact bytes reachable from the map (JOL). */
    RETAINED_JOL("retained.jol.bytes", "bytes"),
    /** Entries still in the map: says what the memory figures belong to. */
    LIVE_ENTRIES("live.entries", "entries"),
    /** What Go's runtime would hold for the same map state (the Go model's subject only). */
    RETAINED_GO("retained.go.bytes", "bytes"),

    // Go itself (GO_RUNTIME, src/main/go): retained.heap.bytes is HeapAlloc after runtime.GC() minus a baseline,
    // heap.committed.bytes HeapSys and process.rss.bytes RSS, both after runtime.GC(); the nogc. readings are taken
    // before it, as on the Java side, and the freeosmemory. ones after debug.FreeOSMemory().
    /** Go's HeapAlloc, absolute, after runtime.GC(). */
    GO_HEAP_ALLOC("go.heap.alloc.bytes", "bytes"),
    /** Go's HeapAlloc, absolute, before any GC. */
    GO_HEAP_ALLOC_NO_GC("nogc.go.heap.alloc.bytes", "bytes"),
    /** Go's HeapReleased after debug.FreeOSMemory(): heap handed back to the OS. */
    GO_HEAP_RELEASED_FREED("freeosmemory.go.heap.released.bytes", "bytes"),
    /** HeapSys after debug.FreeOSMemory() (it counts released pages too, so it does not fall). */
    HEAP_COMMITTED_FREE_OS_MEMORY("freeosmemory.heap.committed.bytes", "bytes"),
    /** RSS after debug.FreeOSMemory(): Go's remedy 3. */
    PROCESS_RSS_FREE_OS_MEMORY("freeosmemory.process.rss.bytes", "bytes"),

    /**
     * Bytes the benchmark thread allocated from the end of the iteration's untimed setup to the start of its
     * teardown: the timed call alone (plus JMH's few bytes around it, which KEEP's figure shows), per thread
     * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Timing groups only.
     */
    TIMED_ALLOC("timed.alloc.bytes", "bytes"),

    /**
     * The smallest {@link #RETAINED_JOL} a churning map showed over one round of rollovers, sampled at several
     * depths of it ({@code ChurnBenchmark}); its {@link #RETAINED_JOL} is the state its timed rollovers left.
     */
    RETAINED_JOL_MIN("retained.jol.min.bytes", "bytes"),
    /** The largest {@link #RETAINED_JOL} over the same samples. */
    RETAINED_JOL_MAX("retained.jol.max.bytes", "bytes"),
    /** The smallest {@link #RETAINED_GO} over the same samples (the Go model's subject only). */
    RETAINED_GO_MIN("retained.go.min.bytes", "bytes"),
    /** The largest {@link #RETAINED_GO} over the same samples. */
    RETAINED_GO_MAX("retained.go.max.bytes", "bytes"),
    /**
     * Rollovers one timed shot of a churn performs (JMH's results do not carry {@code @OperationsPerInvocation}),
     * so a report can say exactly what its score is per.
     */
    CHURN_ROLLOVERS("churn.rollovers.per.shot", "rollovers");

    private final String key;
    private final String unit;

    Metric(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The name in JMH's {@code secondaryMetrics}: part of the results' public interface. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /**
     * The name of this metric read at {@code phase} in a memory group ({@code LifecycleBenchmark.memory}):
     * {@code start.}, {@code filled.}, {@code deleted.} prefixes, the bare name for RECLAIMED.
     */
    public String at(Phase phase) {
        return prefix(phase) + key;
    }

    /**
     * The prefix of a reading taken at {@code phase} before the group's {@code @Benchmark} ran: {@code start.},
     * {@code filled.}, {@code deleted.}; "" for RECLAIMED, the state the benchmark leaves. (A run of the older
     * one-phase-per-group shape recorded only {@code start.}; its FILLED and DELETED readings carry the bare name in
     * the fill and delete groups.)
     */
    public static String prefix(Phase phase) {
        return switch (phase) {
            case START -> "start.";
            case FILLED -> "filled.";
            case DELETED -> "deleted.";
            case RECLAIMED -> "";
        };
    }

    /** The metric a secondary-metric name is, with or without a phase prefix. */
    public static Optional<Metric> of(String name) {
        Metric best = null;
        for (Metric m : values()) {
            boolean matches = name.equals(m.key) || name.endsWith("." + m.key);
            if (matches && (best == null || m.key.length() > best.key.length())) {
                best = m; // the longest name that fits: nogc.heap.used.bytes before heap.used.bytes
            }
        }
        return Optional.ofNullable(best);
    }
}
