package dev.mapleak.measure;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code System.gc()} does on a JVM, which decides whether "heap used after GC" means anything there.
 * One place for the rule, read three ways: from the running JVM's flags ({@link HeapProbe}), from a forked
 * JVM's {@code -XX:+PrintFlagsFinal} (environment.json) and from the {@code heap.probe.unusable} metric a
 * result carries (the summary), whose value is {@link #code()}.
 *
 * <p>Measured on this project's machine (JDK 17.0.15 and 25.0.3, 1M-entry HashMap emptied by removes):
 * a stop-the-world full GC reads 10.0–10.4 MiB; Shenandoah's default concurrent {@code System.gc()} settled
 * at 12 MiB and G1 with {@code -XX:+ExplicitGCInvokesConcurrent} at 13.0 MiB, because a concurrent cycle
 * leaves the garbage of regions it did not pick for evacuation. Repeating it settles on that wrong value, so
 * no number of repetitions makes the reading honest.
 */
public enum ExplicitGc {

    /** {@code System.gc()} runs a stop-the-world full collection: the reading after it is the live set. */
    FULL(0, ""),
    /** {@code -XX:+DisableExplicitGC}: {@code System.gc()} does nothing. */
    DISABLED(1, "-XX:+DisableExplicitGC makes System.gc() a no-op"),
    /** {@code -XX:+ExplicitGCInvokesConcurrent} (Shenandoah's default): a concurrent cycle instead of a full GC. */
    CONCURRENT(2, "System.gc() runs a concurrent cycle (-XX:+ExplicitGCInvokesConcurrent, Shenandoah's default),"
            + " which leaves the garbage of regions it does not evacuate; -XX:-ExplicitGCInvokesConcurrent makes it a full GC");

    private final int code;
    private final String reason;

    ExplicitGc(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** The value of the {@code heap.probe.unusable} metric; 0 is never reported. */
    public int code() {
        return code;
    }

    /** Why heap-after-GC is not measurable on such a JVM; empty for {@link #FULL}. */
    public Optional<String> unusableReason() {
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }

    /** From the two flags' values ({@code "true"}/{@code "false"}, as HotSpot prints them); absent flags are false. */
    public static ExplicitGc fromFlags(Map<String, String> flags) {
        if ("true".equals(flags.get("DisableExplicitGC"))) {
            return DISABLED;
        }
        if ("true".equals(flags.get("ExplicitGCInvokesConcurrent"))) {
            return CONCURRENT;
        }
        return FULL;
    }

    /** The constant a {@code heap.probe.unusable} value stands for. */
    public static ExplicitGc ofCode(double code) {
        for (ExplicitGc e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown heap.probe.unusable value " + code);
    }
}
