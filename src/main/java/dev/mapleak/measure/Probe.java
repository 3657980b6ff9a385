package dev.mapleak.measure;

import dev.mapleak.folder.Metric;
import dev.mapleak.subject.SubjectMap;
import dev.mapleak.subject.go.GoMap;

import java.util.OptionalDouble;

/**
 * Every number the retained-memory profiler reports, one constant each, in the order they are read.
 * The order matters. First what the process holds from the OS right after the phase, before any GC; then the
 * settled GC and the readings right after it; then the wait for the collector to uncommit and the readings after
 * that (the OS sequence, in one fork: Go's no GC, {@code runtime.GC()}, {@code debug.FreeOSMemory()}). JOL comes
 * last because its walk allocates and would disturb committed heap and RSS.
 * Adding a metric means adding one constant here.
 */
public enum Probe {

    /** Committed heap before any GC: the first reading of the OS sequence. */
    COMMITTED_NO_GC(Metric.HEAP_COMMITTED_NO_GC, (map, base) -> OptionalDouble.of(HeapProbe.committed())),
    /** RSS before any GC. */
    RSS_NO_GC(Metric.PROCESS_RSS_NO_GC, (map, base) -> rss()),
    /** Heap used before any GC, absolute. */
    USED_NO_GC(Metric.HEAP_USED_NO_GC, (map, base) -> OptionalDouble.of(HeapProbe.used())),
    /** Heap used after a settled full GC, minus the same reading taken before the map existed. */
    RETAINED_HEAP(Metric.RETAINED_HEAP, (map, base) -> HeapProbe.usedAfterGc()
            .filter(used -> base.heapUsedAfterGc() >= 0)
            .map(used -> OptionalDouble.of(used - base.heapUsedAfterGc()))
            .orElse(OptionalDouble.empty())),
    /** Heap used right after the settled GC, absolute (the last settling's reading). */
    USED_AFTER_GC(Metric.HEAP_USED_AFTER_GC,
            (map, base) -> HeapProbe.lastSettling().map(s -> OptionalDouble.of(s.used())).orElse(OptionalDouble.empty())),
    /** Committed heap right after the settled GC, before the uncommit wait. */
    COMMITTED_AFTER_GC(Metric.HEAP_COMMITTED_AFTER_GC, (map, base) -> OptionalDouble.of(HeapProbe.committed())),
    /** RSS right after the settled GC. */
    RSS_AFTER_GC(Metric.PROCESS_RSS_AFTER_GC, (map, base) -> rss()),
    /**
     * 1, 2 or 3 ({@link ExplicitGc#code()}) where {@code System.gc()} is disabled, concurrent or collects nothing, so
     * that retained.heap.bytes is missing on purpose and the results say why; not reported where it works.
     */
    HEAP_PROBE_UNUSABLE(Metric.HEAP_PROBE_UNUSABLE, (map, base) -> {
        ExplicitGc gc = HeapProbe.explicitGc();
        return gc == ExplicitGc.FULL ? OptionalDouble.empty() : OptionalDouble.of(gc.code());
    }),
    /** The spread of the last two readings when the GCs behind RETAINED_HEAP never settled; absent when they did. */
    HEAP_UNSETTLED(Metric.HEAP_PROBE_UNSETTLED, (map, base) -> HeapProbe.lastSettling()
            .filter(s -> !s.settled() && base.heapUsedAfterGc() >= 0)
            .map(s -> OptionalDouble.of(s.spread())).orElse(OptionalDouble.empty())),
    /** The noise floor of RETAINED_HEAP, recorded beside it so a report can say "below the floor". */
    HEAP_FLOOR(Metric.HEAP_PROBE_FLOOR, (map, base) -> HeapProbe.explicitGc() == ExplicitGc.FULL && base.heapUsedAfterGc() >= 0
            ? OptionalDouble.of(HeapProbe.SETTLED_BYTES) : OptionalDouble.empty()),
    /** Milliseconds waited for the collector to hand freed heap back before the next two readings ({@link UncommitWait}). */
    UNCOMMIT_WAIT(Metric.UNCOMMIT_WAIT, (map, base) -> {
        long waited = UncommitWait.awaitAfterGc();
        return waited > 0 ? OptionalDouble.of(waited) : OptionalDouble.empty();
    }),
    /** Heap the JVM holds from the OS, read after that GC and the wait. */
    HEAP_COMMITTED(Metric.HEAP_COMMITTED, (map, base) -> OptionalDouble.of(HeapProbe.committed())),
    /** What the whole process holds from the OS (VmRSS), at the same moment. */
    PROCESS_RSS(Metric.PROCESS_RSS, (map, base) -> rss()),
    /** Exact bytes reachable from the map (JOL). */
    RETAINED_JOL(Metric.RETAINED_JOL, (map, base) -> OptionalDouble.of(JolFootprint.bytes(map.footprintRoot()))),
    /** Entries still in the map: says what the memory figures belong to. */
    LIVE_ENTRIES(Metric.LIVE_ENTRIES, (map, base) -> OptionalDouble.of(map.size())),
    /** What Go's runtime would hold for the same map state (GO_HYBRID only). */
    RETAINED_GO(Metric.RETAINED_GO,
            (map, base) -> map instanceof GoMap go ? OptionalDouble.of(go.goRuntimeBytes()) : OptionalDouble.empty());

    /** How a probe reads: empty where it does not apply or cannot answer honestly. */
    @FunctionalInterface
    interface Reader {
        OptionalDouble read(SubjectMap map, Baseline baseline);
    }

    private final Metric metric;
    private final Reader reader;

    Probe(Metric metric, Reader reader) {
        this.metric = metric;
        this.reader = reader;
    }

    /** The JMH secondary metric name: part of the results' public interface ({@link Metric}). */
    public String metric() {
        return metric.key();
    }

    public String unit() {
        return metric.unit();
    }

    private static OptionalDouble rss() {
        var rss = ProcessMemory.residentBytes();
        return rss.isPresent() ? OptionalDouble.of(rss.getAsLong()) : OptionalDouble.empty();
    }

    /** The reading for {@code map}, or empty where this probe does not apply or cannot answer honestly. */
    OptionalDouble read(SubjectMap map, Baseline baseline) {
        return reader.read(map, baseline);
    }

    /** Readings taken before the map existed, that later readings are relative to. */
    public record Baseline(long heapUsedAfterGc) {
        /** -1 when heap-after-GC cannot be measured on this JVM. */
        public static Baseline take() {
            return new Baseline(HeapProbe.usedAfterGc().orElse(-1L));
        }
    }
}
