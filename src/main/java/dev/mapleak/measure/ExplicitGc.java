package dev.mapleak.measure;

import dev.mapleak.folder.UnusableHeapProbe;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code System.gc()} does on a JVM, which decides whether "heap used after GC" means anything there.
 * One place for the rule, read two ways: from the running JVM's flags ({@link HeapProbe}) and from a forked
 * JVM's {@code -XX:+PrintFlagsFinal} (environment.json). What a result records is {@link #code()}, the
 * {@code heap.probe.unusable} metric, whose meaning the report reads from {@code dev.mapleak.folder.UnusableHeapProbe}.
 *
 * <p>Measured on this project's machine (JDK 17.0.15 and 25.0.3, a 1M-entry HashMap of byte[128] emptied
 * by removes, heap used after repeated {@code System.gc()}): G1's full GC read 10.4–10.5 MiB, G1 with
 * {@code -XX:+ExplicitGCInvokesConcurrent} 13.0–14.0 MiB; Shenandoah's full GC
 * ({@code -XX:-ExplicitGCInvokesConcurrent}) 10 MiB, its default concurrent one anywhere from 10.0 to 12 MiB
 * from one run to the next. A concurrent cycle evacuates only the regions it picks and leaves the rest of the
 * garbage where it is; repeating it settles on a value that can be high by an amount nothing in the run reveals.
 */
public enum ExplicitGc {

    /** {@code System.gc()} runs a stop-the-world full collection: the reading after it is the live set. */
    FULL(null),
    /** {@code -XX:+DisableExplicitGC}: {@code System.gc()} does nothing. */
    DISABLED(UnusableHeapProbe.DISABLED),
    /** {@code -XX:+ExplicitGCInvokesConcurrent} (Shenandoah's default): a concurrent cycle instead of a full GC. */
    CONCURRENT(UnusableHeapProbe.CONCURRENT),
    /** Epsilon ({@code -XX:+UseEpsilonGC}) never collects. */
    NO_COLLECTOR(UnusableHeapProbe.NO_COLLECTOR);

    /** What the result format records for this case; null for {@link #FULL}, which records nothing. */
    private final UnusableHeapProbe unusable;

    ExplicitGc(UnusableHeapProbe unusable) {
        this.unusable = unusable;
    }

    /** The value of the {@code heap.probe.unusable} metric; 0 is never reported. */
    public int code() {
        return unusable == null ? 0 : unusable.code();
    }

    /** Why heap-after-GC is not measurable on such a JVM; empty for {@link #FULL}. */
    public Optional<String> unusableReason() {
        return unusable == null ? Optional.empty() : Optional.of(unusable.reason());
    }

    /** From the three flags' values ({@code "true"}/{@code "false"}, as HotSpot prints them); absent flags are false. */
    public static ExplicitGc fromFlags(Map<String, String> flags) {
        if ("true".equals(flags.get("UseEpsilonGC"))) {
            return NO_COLLECTOR;
        }
        if ("true".equals(flags.get("DisableExplicitGC"))) {
            return DISABLED;
        }
        if ("true".equals(flags.get("ExplicitGCInvokesConcurrent"))) {
            return CONCURRENT;
        }
        return FULL;
    }
}
