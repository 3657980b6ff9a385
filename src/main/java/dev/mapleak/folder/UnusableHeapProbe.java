package dev.mapleak.folder;

/**
 * Why a result has no heap-after-GC figure, by the value of {@link Metric#HEAP_PROBE_UNUSABLE}: the codes are part
 * of the result format (the probe writes them, every run folder since keeps them), so their meaning is fixed here,
 * for the probe that writes them and the report that reads them.
 */
public enum UnusableHeapProbe {
    /** {@code -XX:+DisableExplicitGC}: {@code System.gc()} does nothing. */
    DISABLED(1, "System.gc() is disabled", "-XX:+DisableExplicitGC makes System.gc() a no-op"),
    /** {@code -XX:+ExplicitGCInvokesConcurrent} (Shenandoah's default): a concurrent cycle instead of a full GC. */
    CONCURRENT(2, "System.gc() is concurrent", "System.gc() runs a concurrent cycle (-XX:+ExplicitGCInvokesConcurrent,"
            + " Shenandoah's default), which leaves the garbage of regions it does not evacuate;"
            + " -XX:-ExplicitGCInvokesConcurrent makes it a full GC"),
    /** Epsilon ({@code -XX:+UseEpsilonGC}) never collects: heap used after {@code System.gc()} is everything ever allocated. */
    NO_COLLECTOR(3, "Epsilon never collects", "Epsilon never collects: heap used counts everything ever allocated, live or not");

    private final int code;
    private final String shortReason;
    private final String reason;

    UnusableHeapProbe(int code, String shortReason, String reason) {
        this.code = code;
        this.shortReason = shortReason;
        this.reason = reason;
    }

    /** The value of the {@code heap.probe.unusable} metric. */
    public int code() {
        return code;
    }

    /** A few words for a table cell. */
    public String shortReason() {
        return shortReason;
    }

    /** The whole reason, with the flag that changes it. */
    public String reason() {
        return reason;
    }

    /** The constant a {@code heap.probe.unusable} value stands for. */
    public static UnusableHeapProbe ofCode(double code) {
        for (UnusableHeapProbe u : values()) {
            if (u.code == code) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown " + Metric.HEAP_PROBE_UNUSABLE.key() + " value " + code);
    }
}
