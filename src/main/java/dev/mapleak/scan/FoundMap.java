package dev.mapleak.scan;

import java.util.List;

/**
 * One map found in the dump.
 *
 * @param id            the map object's id (its address in the dumped heap)
 * @param className     its exact class
 * @param size          live entries
 * @param slots         table capacity in entry slots (0: no table allocated)
 * @param tombstones    deleted-entry markers occupying slots (Eclipse), else 0
 * @param tables        the table's arrays, as dumped
 * @param rebuiltLength the length each table array would have after the kind's remedy (0: none)
 */
public record FoundMap(long id, MapKind kind, String className, int size, int slots, int tombstones,
                       List<TableArray> tables, int rebuiltLength) {

    /** MAT's "Collection Fill Ratio": size / capacity; a map without a table counts as full. */
    public double fillRatio() {
        return slots == 0 ? 1.0 : (double) size / slots;
    }

    /** Heap bytes of the table arrays (array objects only, not the entries they point to). */
    public long tableBytes(Layout layout) {
        long sum = 0;
        for (TableArray t : tables) {
            sum += t.bytes(layout);
        }
        return sum;
    }

    /** Heap bytes of the table arrays the remedy would leave: same element types, the rebuilt length. */
    public long rebuiltBytes(Layout layout) {
        if (rebuiltLength == 0) {
            return 0;
        }
        long sum = 0;
        for (TableArray t : tables) {
            sum += layout.arrayBytes(t.elementSize(), rebuiltLength);
        }
        return sum;
    }

    /** What the remedy would free; never negative (a remedy that would grow the table is not one). */
    public long freeable(Layout layout) {
        return Math.max(0, tableBytes(layout) - rebuiltBytes(layout));
    }
}
