package dev.mapleak.scan;

import java.util.Arrays;
import java.util.List;

/**
 * Which {@link Layout} the dumped JVM used, and why. An hprof file records neither, but it records each object's
 * address (its id) and objects allocated together sit next to each other: a reference array followed at exactly
 * {@code align(16 + 4 * length)} bytes by the next object was laid out with 4-byte references. The same count
 * is made for 8-byte references; the layout whose sizes match more neighbours wins. A gap smaller than an
 * array's uncompressed size rules that layout out. Without evidence, the heap's extent decides: below 32 GB,
 * HotSpot uses compressed oops by default.
 */
public record LayoutChoice(Layout layout, String reason) {

    static final long COMPRESSED_OOPS_LIMIT = 32L << 30;

    /** The user's choice ({@code --layout compressed|uncompressed}). */
    static LayoutChoice given(Layout layout) {
        return new LayoutChoice(layout, "given with --layout");
    }

    /**
     * @param sortedIds every object id in the dump, sorted
     * @param arrays    reference arrays whose lengths are known (the maps' tables)
     */
    static LayoutChoice infer(long[] sortedIds, List<TableArray> arrays) {
        int compressed = 0;
        int uncompressed = 0;
        int tooSmallForUncompressed = 0;
        int measured = 0;
        for (TableArray a : arrays) {
            if (a.elementSize() != 0 || a.length() == 0) {
                continue;
            }
            int at = Arrays.binarySearch(sortedIds, a.id());
            if (at < 0 || at + 1 >= sortedIds.length) {
                continue;
            }
            long gap = sortedIds[at + 1] - a.id();
            measured++;
            if (gap == a.bytes(Layout.COMPRESSED)) {
                compressed++;
            }
            if (gap == a.bytes(Layout.UNCOMPRESSED)) {
                uncompressed++;
            }
            if (gap < a.bytes(Layout.UNCOMPRESSED)) {
                tooSmallForUncompressed++;
            }
        }
        String counts = String.format("of %,d reference tables, %,d are followed by the next object exactly "
                        + "16 + 4 x length bytes later (aligned to 8), %,d exactly 16 + 8 x length bytes later",
                measured, compressed, uncompressed);
        if (compressed > uncompressed) {
            return new LayoutChoice(Layout.COMPRESSED, "inferred from object addresses: " + counts
                    + (tooSmallForUncompressed == 0 ? "" : String.format("; %,d are closer to the next object than "
                    + "8-byte references allow", tooSmallForUncompressed)));
        }
        if (uncompressed > compressed) {
            return new LayoutChoice(Layout.UNCOMPRESSED, "inferred from object addresses: " + counts);
        }
        long extent = sortedIds.length == 0 ? 0 : sortedIds[sortedIds.length - 1] - sortedIds[0];
        if (extent >= COMPRESSED_OOPS_LIMIT) {
            return new LayoutChoice(Layout.UNCOMPRESSED, String.format(
                    "inferred from the heap's extent: objects span %,d MiB, more than compressed oops can address (%s)",
                    extent >> 20, counts));
        }
        return new LayoutChoice(Layout.COMPRESSED, String.format("assumed: objects span %,d MiB, below 32 GB where "
                + "HotSpot uses compressed oops by default; addresses gave no evidence (%s); "
                + "use --layout uncompressed if the JVM ran with -XX:-UseCompressedOops", extent >> 20, counts));
    }
}
