package dev.mapleak.subject.go;

/**
 * {@code *[]*bmap}: the slice {@code hmap.extra.overflow} (or {@code oldoverflow}) that keeps the overflow
 * buckets of an inline map alive. Buckets whose keys and values hold no pointers are allocated as
 * "noscan" memory, so the garbage collector never follows a bucket's overflow pointer; {@code newoverflow}
 * therefore appends every overflow bucket it hands out (preallocated or new) to this slice.
 *
 * <p>Only the slice's length and capacity are mirrored (the Java overflow links already keep the Java
 * buckets reachable); the capacity follows {@code append}'s growth ({@code growslice}/{@code nextslicecap}
 * plus {@code roundupsize}), because the backing array is memory Go holds.
 */
final class GoOverflowSlice {

    /** {@code len(*h.extra.overflow)}. */
    int length;
    /** {@code cap(*h.extra.overflow)}: pointers the current backing array holds. */
    int capacity;

    /** {@code *h.extra.overflow = append(*h.extra.overflow, ovf)}. */
    void append() {
        if (length == capacity) {
            capacity = grownCapacity(length + 1, capacity);
        }
        length++;
    }

    /** Bytes Go holds for this slice: the header from {@code new([]*bmap)} and the backing array. */
    long runtimeBytes() {
        long header = GoSizeClasses.roundupsize(GoMemoryModel.SLICE_HEADER_BYTES);
        return header + (capacity == 0 ? 0 : GoSizeClasses.roundupsize((long) capacity * GoMemoryModel.PTR_SIZE));
    }

    /** {@code growslice} for 8-byte elements: {@code nextslicecap}, then rounded up to the allocation. */
    static int grownCapacity(int newLen, int oldCap) {
        long newcap = oldCap;
        long doublecap = newcap + newcap;
        if (newLen > doublecap) {
            newcap = newLen;
        } else if (oldCap < 256) {
            newcap = doublecap;
        } else {
            while (newcap < newLen) {
                // Transition from growing 2x for small slices to 1.25x for large ones.
                newcap += (newcap + 3 * 256) >> 2;
            }
        }
        long capmem = GoSizeClasses.roundupsize(newcap * GoMemoryModel.PTR_SIZE);
        return Math.toIntExact(capmem / GoMemoryModel.PTR_SIZE);
    }
}
