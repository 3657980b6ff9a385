package dev.mapleak.subject.go;

import java.util.Arrays;

/**
 * One allocation of Go map buckets ({@code runtime.bmap}), as parallel arrays: either a bucket array made by
 * {@code makeBucketArray} (2^B buckets followed by any preallocated overflow buckets) or a single overflow
 * bucket made by {@code newoverflow}'s {@code newobject(t.bucket)}.
 *
 * <p>A Go bucket is {@code tophash [8]uint8}, then 8 keys, then 8 elems, then an overflow pointer. Here cell
 * {@code c = bucket * 8 + slot} of each array is one slot of one bucket:
 * <ul>
 *   <li>{@link #tophash}: the top byte of the key's hash, or one of the empty/evacuated markers;</li>
 *   <li>{@link #keys}: the keys (Go's {@code int} is 8 bytes; the memory model counts 8, Java stores 4);</li>
 *   <li>{@link #inlineValues}: for INLINE elems, ONE slab of {@code length * 8 * valueSize} bytes, the elems
 *       living inside the buckets exactly as in Go: deleting zeroes a slot, it never frees it;</li>
 *   <li>{@link #pointerValues}: for indirect elems (larger than the threshold), one reference per slot;
 *       deleting nulls it and the value becomes garbage;</li>
 *   <li>{@link #overflow}/{@link #overflowIndex}: the overflow pointer of each bucket, as the allocation
 *       holding the next bucket plus its index there.</li>
 * </ul>
 */
final class GoBuckets {

    /** {@code bucketCnt}: slots per bucket. */
    static final int BUCKET_CNT = 8;

    // Possible tophash values (map.go). Each bucket, with its overflow buckets, is either all or none in the
    // evacuated* states.
    /** This cell is empty, and so are all cells at higher indexes and in the overflow buckets. */
    static final byte EMPTY_REST = 0;
    /** This cell is empty. */
    static final byte EMPTY_ONE = 1;
    /** Entry is valid, and was evacuated to the first half of the larger table. */
    static final byte EVACUATED_X = 2;
    /** Same as above, but evacuated to the second half of the larger table. */
    static final byte EVACUATED_Y = 3;
    /** Cell is empty, bucket is evacuated. */
    static final byte EVACUATED_EMPTY = 4;
    /** Minimum tophash of a normal filled cell. */
    static final int MIN_TOP_HASH = 5;

    /** Buckets in this allocation. */
    final int length;
    /** Bytes of one inline elem; 0 when elems are indirect. */
    final int valueSize;
    final byte[] tophash;
    final int[] keys;
    final byte[] inlineValues;
    final byte[][] pointerValues;
    final GoBuckets[] overflow;
    final int[] overflowIndex;

    /** Overflow buckets chained to this array's buckets since it was made or cleared (Java bookkeeping). */
    int overflowInUse;
    /** Of those, how many were allocated one by one ({@code newobject}) rather than preallocated. */
    int separateOverflow;

    private GoBuckets(int length, int valueSize, boolean indirectElem) {
        long cells = (long) length * BUCKET_CNT;
        long slab = indirectElem ? 0 : cells * valueSize;
        if (cells > Integer.MAX_VALUE - 8 || slab > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a bucket array of " + length + " buckets of " + valueSize
                    + "-byte values does not fit in one Java array (" + slab + " bytes); GoMap supports up to"
                    + " 2 GiB of inline values per bucket array");
        }
        this.length = length;
        this.valueSize = indirectElem ? 0 : valueSize;
        this.tophash = new byte[(int) cells];
        this.keys = new int[(int) cells];
        this.inlineValues = indirectElem ? null : new byte[(int) slab];
        this.pointerValues = indirectElem ? new byte[(int) cells][] : null;
        this.overflow = new GoBuckets[length];
        this.overflowIndex = new int[length];
    }

    /** {@code newarray(t.bucket, length)}: zeroed buckets, every tophash {@link #EMPTY_REST}. */
    static GoBuckets allocate(long length, int valueSize, boolean indirectElem) {
        if (length > Integer.MAX_VALUE / BUCKET_CNT) {
            throw new IllegalStateException(length + " buckets do not fit in Java arrays");
        }
        return new GoBuckets((int) length, valueSize, indirectElem);
    }

    /** {@code memclrNoHeapPointers}/{@code memclrHasPointers} over the whole allocation. */
    void clearAll() {
        Arrays.fill(tophash, EMPTY_REST);
        Arrays.fill(keys, 0);
        if (inlineValues != null) {
            Arrays.fill(inlineValues, (byte) 0);
        } else {
            Arrays.fill(pointerValues, null);
        }
        Arrays.fill(overflow, null);
        Arrays.fill(overflowIndex, 0);
        overflowInUse = 0;
        separateOverflow = 0;
    }

    /** {@code evacuated(b)}: bucket {@code bucket}'s first tophash holds an evacuation state. */
    boolean evacuated(int bucket) {
        int h = tophash[bucket * BUCKET_CNT] & 0xFF;
        return h > EMPTY_ONE && h < MIN_TOP_HASH;
    }

    /** {@code b.setoverflow(t, ovf)}: {@code ovf == null} clears the pointer. */
    void setOverflow(int bucket, GoBuckets ovf, int ovfIndex) {
        overflow[bucket] = ovf;
        overflowIndex[bucket] = ovf == null ? 0 : ovfIndex;
    }

    /** Offset of cell {@code cell}'s value in {@link #inlineValues}. */
    int valueOffset(int cell) {
        return cell * valueSize;
    }

    /** Zeroes cell {@code cell}'s elem: {@code memclrNoHeapPointers(e)}, or the indirect pointer set to nil. */
    void clearValue(int cell) {
        if (inlineValues != null) {
            int off = cell * valueSize;
            Arrays.fill(inlineValues, off, off + valueSize, (byte) 0);
        } else {
            pointerValues[cell] = null;
        }
    }

    /** {@code typedmemmove(t.elem, dst, src)} (inline) or the pointer copy (indirect) of evacuate. */
    void copyValue(int cell, GoBuckets src, int srcCell) {
        if (inlineValues != null) {
            System.arraycopy(src.inlineValues, src.valueOffset(srcCell), inlineValues, valueOffset(cell), valueSize);
        } else {
            pointerValues[cell] = src.pointerValues[srcCell];
        }
    }

    /** Whether {@code tophash} marks an empty cell ({@code isEmpty}). */
    static boolean isEmpty(byte tophash) {
        return (tophash & 0xFF) <= EMPTY_ONE;
    }
}
