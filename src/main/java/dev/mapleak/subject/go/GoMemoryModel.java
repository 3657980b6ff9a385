package dev.mapleak.subject.go;

import static dev.mapleak.subject.go.GoBuckets.BUCKET_CNT;
import static dev.mapleak.subject.go.GoBuckets.EVACUATED_X;
import static dev.mapleak.subject.go.GoBuckets.EVACUATED_Y;
import static dev.mapleak.subject.go.GoSizeClasses.roundupsize;

/**
 * What Go's heap would hold live for a {@link GoMap}'s exact state: amd64, classic (pre-1.24) maps, the
 * allocator of {@link GoSizeClasses}. Go's garbage collector keeps an allocation while something reachable
 * points at it, and the rules below follow from what points where in {@code runtime/map.go}:
 *
 * <ul>
 *   <li>the {@code hmap} (48 bytes) and, once made, its {@code mapextra} (24 bytes);</li>
 *   <li>the current bucket array, and the old one while growing, each one allocation rounded up;</li>
 *   <li>every overflow bucket allocated one by one ({@code newobject(t.bucket)}) and still reachable:
 *       all of the current generation's (never unlinked before a grow or a clear); for an inline map also all
 *       of the old generation's ({@code extra.oldoverflow} holds them until the grow ends); for a pointer map
 *       only those still linked from the old array ({@code evacuate} clears the main old bucket, but not the
 *       preallocated overflow buckets inside the old array, whose links and elems stay until it is freed);</li>
 *   <li>an inline map's {@code extra.overflow}/{@code oldoverflow} slices: header plus backing array;</li>
 *   <li>for indirect elems, one allocation of {@code valueSize} bytes per live entry, plus any value that is
 *       only still referenced by a stale slot of the old array (see above).</li>
 * </ul>
 * Not counted: the Go type descriptors (static) and anything the caller holds.
 */
final class GoMemoryModel {

    /** {@code goarch.PtrSize} on amd64. */
    static final int PTR_SIZE = 8;
    /** Go's {@code int} on amd64. */
    static final int GO_INT_SIZE = 8;
    /** {@code unsafe.Sizeof(hmap{})}: count, flags/B/noverflow/hash0, buckets, oldbuckets, nevacuate, extra. */
    static final long HMAP_BYTES = 48;
    /** {@code unsafe.Sizeof(mapextra{})}: overflow, oldoverflow, nextOverflow. */
    static final long MAPEXTRA_BYTES = 24;
    /** {@code new([]*bmap)}: pointer, len, cap. */
    static final long SLICE_HEADER_BYTES = 24;

    private GoMemoryModel() {
    }

    /**
     * {@code t.BucketSize} as the compiler lays out the bucket struct ({@code reflectdata.MapBucketType}):
     * {@code tophash [8]uint8}, {@code keys [8]int}, {@code elems [8]elemtype}, then the overflow pointer,
     * each field at its alignment and the struct padded to 8. {@code elemtype} is the value itself
     * ({@code valueSize} bytes, alignment 1) or, for an indirect elem, a pointer.
     */
    static int bucketSize(int valueSize, boolean indirectElem) {
        long elemSize = indirectElem ? PTR_SIZE : valueSize;
        long keysAt = alignUp(BUCKET_CNT, GO_INT_SIZE);
        long elemsAt = keysAt + (long) BUCKET_CNT * GO_INT_SIZE;
        long overflowAt = alignUp(elemsAt + BUCKET_CNT * elemSize, PTR_SIZE);
        return Math.toIntExact(alignUp(overflowAt + PTR_SIZE, PTR_SIZE));
    }

    /** See the class comment. */
    static long runtimeBytes(GoMap m) {
        long bytes = roundupsize(HMAP_BYTES);
        GoMapExtra extra = m.extra;
        if (extra != null) {
            bytes += roundupsize(MAPEXTRA_BYTES);
            if (extra.overflow != null) {
                bytes += extra.overflow.runtimeBytes();
            }
            if (extra.oldoverflow != null) {
                bytes += extra.oldoverflow.runtimeBytes();
            }
        }
        long oneBucket = roundupsize(m.bucketSize);
        long values = m.count;
        if (m.buckets != null) {
            bytes += arrayBytes(m.buckets, m.bucketSize) + m.buckets.separateOverflow * oneBucket;
        }
        GoBuckets old = m.oldbuckets;
        if (old != null) {
            bytes += arrayBytes(old, m.bucketSize);
            if (!m.indirectElem) {
                bytes += old.separateOverflow * oneBucket;
            } else {
                long[] separateAndStale = scanOldPointerBuckets(m, old);
                bytes += separateAndStale[0] * oneBucket;
                values += separateAndStale[1];
            }
        }
        if (m.indirectElem) {
            bytes += values * roundupsize(m.valueSize);
        }
        return bytes;
    }

    /** One bucket allocation: {@code newarray(t.bucket, n)} or {@code newobject(t.bucket)}. */
    static long arrayBytes(GoBuckets b, int bucketSize) {
        return roundupsize((long) b.length * bucketSize);
    }

    /**
     * A pointer map's old array during a grow, walked the way Go's collector would: every pointer slot of
     * the array is scanned, so separately allocated overflow buckets linked from it stay live, and so does
     * any value a stale evacuated slot still points at once the live entry has moved on (deleted or replaced).
     * Returns {separately allocated overflow buckets, values live only through stale slots}.
     */
    private static long[] scanOldPointerBuckets(GoMap m, GoBuckets old) {
        long separate = 0;
        long stale = staleValues(m, old);
        for (int i = 0; i < old.length; i++) {
            GoBuckets next = old.overflow[i];
            int index = old.overflowIndex[i];
            // A link back into the old array itself is a preallocated bucket (or the sentinel): scanned above.
            while (next != null && next != old) {
                separate++;
                stale += staleValues(m, next);
                GoBuckets after = next.overflow[index];
                index = next.overflowIndex[index];
                next = after;
            }
        }
        return new long[] {separate, stale};
    }

    private static long staleValues(GoMap m, GoBuckets b) {
        long stale = 0;
        for (int cell = 0; cell < b.tophash.length; cell++) {
            int top = b.tophash[cell] & 0xFF;
            byte[] value = b.pointerValues[cell];
            if ((top == EVACUATED_X || top == EVACUATED_Y) && value != null && m.valueRef(b.keys[cell]) != value) {
                stale++;
            }
        }
        return stale;
    }

    static long alignUp(long n, long a) {
        return (n + a - 1) / a * a;
    }
}
