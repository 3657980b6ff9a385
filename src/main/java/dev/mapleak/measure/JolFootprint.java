package dev.mapleak.measure;

import org.openjdk.jol.info.GraphStats;

/**
 * View 1 of src/docs/measuring.md: the exact size of everything reachable from a map, walked by JOL. Deterministic,
 * independent of the collector. {@link GraphStats} only sums sizes, so it is several times faster than
 * {@code GraphLayout}, which also records every object's address.
 */
public final class JolFootprint {

    private JolFootprint() {
    }

    /** Bytes of the object graph reachable from {@code root}, headers and padding included. */
    public static long bytes(Object root) {
        return GraphStats.parseInstance(root).totalSize();
    }
}
