package dev.mapleak.subject.go;

/**
 * {@code runtime.mapextra}: the optional part of an {@code hmap}, allocated (24 bytes) the first time a map
 * needs one of its fields and kept from then on; {@code mapclear} only zeroes it.
 */
final class GoMapExtra {

    /** {@code overflow}: overflow buckets of {@code h.buckets}, inline (noscan) maps only; null until needed. */
    GoOverflowSlice overflow;
    /** {@code oldoverflow}: the previous generation's, while growing. */
    GoOverflowSlice oldoverflow;
    /** {@code nextOverflow}: the allocation holding the next free preallocated overflow bucket, or null. */
    GoBuckets nextOverflow;
    /** ... and that bucket's index in it (Go's pointer is a bucket address). */
    int nextOverflowIndex;

    /** {@code *h.extra = mapextra{}}. */
    void reset() {
        overflow = null;
        oldoverflow = null;
        nextOverflow = null;
        nextOverflowIndex = 0;
    }
}
