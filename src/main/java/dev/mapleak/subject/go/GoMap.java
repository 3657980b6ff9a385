package dev.mapleak.subject.go;

import dev.mapleak.folder.Storage;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;

import java.util.Arrays;
import java.util.function.IntConsumer;

import static dev.mapleak.subject.go.GoBuckets.BUCKET_CNT;
import static dev.mapleak.subject.go.GoBuckets.EMPTY_ONE;
import static dev.mapleak.subject.go.GoBuckets.EMPTY_REST;
import static dev.mapleak.subject.go.GoBuckets.EVACUATED_EMPTY;
import static dev.mapleak.subject.go.GoBuckets.EVACUATED_X;
import static dev.mapleak.subject.go.GoBuckets.MIN_TOP_HASH;
import static dev.mapleak.subject.go.GoBuckets.isEmpty;

/**
 * GO_HYBRID: a port of Go's classic hash map ({@code runtime/map.go} of Go 1.21-1.23, before the Swiss
 * tables of 1.24) for {@code map[int][valueSize]byte}, so that the seed's experiment can be replayed in Java
 * with Go's exact policy, and {@link #goRuntimeBytes()} can say what Go itself would hold.
 *
 * <p>The policy, function by function (each method below names the Go function it mirrors):
 * <ul>
 *   <li>8-slot buckets with a tophash byte per slot; 2^B buckets; B never decreases;</li>
 *   <li>load factor 6.5: grow when a new key would make {@code count > 8 && count > 13 * (2^B / 2)}
 *       ({@code overLoadFactor}); {@code make(map, hint)} picks the smallest B that is not over it;</li>
 *   <li>{@code makeBucketArray}: for B &ge; 4, 2^(B-4) preallocated overflow buckets, plus however many more
 *       fit in the allocation's size-class or page rounding;</li>
 *   <li>overflow chains use the preallocated buckets first, then one {@code newobject} each;</li>
 *   <li>growth doubles, or keeps the size when there are too many overflow buckets
 *       ({@code tooManyOverflowBuckets}); either way evacuation is incremental: every insert or delete
 *       evacuates the old bucket it is about to use and one more ({@code growWork});</li>
 *   <li>delete only clears the slot (tophash {@code emptyOne}, turned into {@code emptyRest} runs at the end
 *       of a chain); an inline value's bytes stay in the bucket array, an indirect value's pointer is nilled;</li>
 *   <li>values larger than {@code indirectThreshold} (Go's {@code maxElemSize}, 128) are stored through a
 *       pointer: one separate allocation per entry.</li>
 * </ul>
 * Not mirrored: iteration order randomisation, and the iterator flags ({@code iterator}/{@code oldIterator},
 * which only stop {@code evacuate} from clearing old pointer buckets while a range loop is running; here no
 * iteration can overlap a write).
 */
public final class GoMap implements SubjectMap {

    /** {@code maxElemSize}: the largest elem Go keeps inline in a bucket. */
    public static final int DEFAULT_INDIRECT_THRESHOLD = 128;

    /** {@code loadFactorNum / loadFactorDen} = 6.5. */
    private static final int LOAD_FACTOR_NUM = 13;
    private static final int LOAD_FACTOR_DEN = 2;
    /** {@code hmap.flags}: the current growth is to a new map of the same size. */
    private static final int SAME_SIZE_GROW = 8;

    // ---- maptype: what Go's compiler knows about map[int][valueSize]byte ----
    final int valueSize;
    final int indirectThreshold;
    /** {@code t.IndirectElem()}; an indirect elem also makes the bucket type hold pointers (not noscan). */
    final boolean indirectElem;
    /** {@code t.BucketSize}. */
    final int bucketSize;

    // ---- hmap ----
    /** Live cells: {@code len(m)}. */
    int count;
    int flags;
    /** log2 of the number of buckets. */
    int B;
    /** Approximate number of overflow buckets ({@code uint16}); see {@link #incrnoverflow()}. */
    int noverflow;
    /** Hash seed ({@code uint32}). */
    int hash0;
    /** Array of 2^B buckets (plus preallocated overflow buckets); null until the first insert when B == 0. */
    GoBuckets buckets;
    /** Previous bucket array of half the size (or the same size), non-null only while growing. */
    GoBuckets oldbuckets;
    /** Evacuation progress: old buckets below this index have been evacuated. */
    int nevacuate;
    GoMapExtra extra;

    // ---- Java only ----
    /** State of this map's {@code fastrand()} sequence (Go uses a per-M generator). */
    private long randomState = GoHash.RANDOM_START;
    /** Where the last {@link #mapaccess}/{@link #mapassign} found its cell; always null between calls. */
    private GoBuckets found;

    /** {@code make(map[int][valueSize]byte, expectedEntries)}; {@code expectedEntries} 0 is a plain {@code make}. */
    public GoMap(int valueSize, int expectedEntries) {
        this(valueSize, expectedEntries, DEFAULT_INDIRECT_THRESHOLD);
    }

    /**
     * As {@link #GoMap(int, int)}, with values of more than {@code indirectThreshold} bytes stored through a
     * pointer. Go fixes it at 128 ({@code maxElemSize}); it must fit Go's {@code uint8} elem size, so 0..255.
     */
    public GoMap(int valueSize, int expectedEntries, int indirectThreshold) {
        this.valueSize = Subject.checkValueSize(valueSize);
        if (expectedEntries < 0) {
            throw new IllegalArgumentException("expectedEntries must be >= 0, got " + expectedEntries);
        }
        if (indirectThreshold < 0 || indirectThreshold > 255) {
            throw new IllegalArgumentException("indirectThreshold must be between 0 and 255 (an inline elem's size"
                    + " is a uint8 in Go), got " + indirectThreshold);
        }
        this.indirectThreshold = indirectThreshold;
        this.indirectElem = valueSize > indirectThreshold;
        this.bucketSize = GoMemoryModel.bucketSize(valueSize, indirectElem);
        makemap(expectedEntries);
    }

    // =====================================================================================================
    // SubjectMap
    // =====================================================================================================

    @Override
    public int valueSize() {
        return valueSize;
    }

    @Override
    public Storage storage() {
        return indirectElem ? Storage.POINTER : Storage.INLINE;
    }

    /**
     * {@code m[key] = value}. An inline value is copied into the bucket; an indirect one keeps the caller's
     * array (SubjectMap's POINTER contract; Go would copy into the entry's existing allocation).
     */
    @Override
    public void put(int key, byte[] value) {
        if (value.length != valueSize) {
            throw new IllegalArgumentException("value has " + value.length + " bytes; this map holds "
                    + valueSize + "-byte values");
        }
        int cell = mapassign(key);
        GoBuckets b = takeFound();
        if (indirectElem) {
            b.pointerValues[cellOf(cell)] = value;
        } else {
            System.arraycopy(value, 0, b.inlineValues, b.valueOffset(cellOf(cell)), valueSize);
        }
    }

    /**
     * The seed's {@code m[key] = [N]byte{}}: a new indirect value is a fresh zeroed array (mapassign's
     * {@code newobject(t.elem)}), an inline one is zeroed in place; then its first byte is {@code (byte) key}.
     */
    @Override
    public void putNew(int key) {
        int cell = cellOf(mapassign(key));
        GoBuckets b = takeFound();
        if (indirectElem) {
            byte[] value = new byte[valueSize];
            value[0] = (byte) key;
            b.pointerValues[cell] = value;
        } else {
            int off = b.valueOffset(cell);
            Arrays.fill(b.inlineValues, off, off + valueSize, (byte) 0);
            b.inlineValues[off] = (byte) key;
        }
    }

    @Override
    public int valueByte(int key) {
        int cell = mapaccess(key);
        if (cell < 0) {
            return -1;
        }
        GoBuckets b = takeFound();
        return (indirectElem ? b.pointerValues[cell][0] : b.inlineValues[b.valueOffset(cell)]) & 0xFF;
    }

    /** {@code v, ok := m[key]}: an inline value is copied out of the bucket. */
    @Override
    public byte[] get(int key) {
        int cell = mapaccess(key);
        if (cell < 0) {
            return null;
        }
        GoBuckets b = takeFound();
        if (indirectElem) {
            return b.pointerValues[cell];
        }
        int off = b.valueOffset(cell);
        return Arrays.copyOfRange(b.inlineValues, off, off + valueSize);
    }

    /** The stored reference of an indirect value (identity matters to {@link GoMemoryModel}), else null. */
    byte[] valueRef(int key) {
        int cell = mapaccess(key);
        if (cell < 0) {
            return null;
        }
        GoBuckets b = takeFound();
        return indirectElem ? b.pointerValues[cell] : null;
    }

    @Override
    public boolean remove(int key) {
        return mapdelete(key);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public void forEachKey(IntConsumer action) {
        forEachEntry((b, cell) -> action.accept(b.keys[cell]));
    }

    /** Go's remedy 1: {@code n := make(map[int][N]byte, len(m)); for k, v := range m { n[k] = v }}. */
    @Override
    public SubjectMap rebuild() {
        GoMap copy = new GoMap(valueSize, count, indirectThreshold);
        forEachEntry((b, cell) -> {
            int dst = cellOf(copy.mapassign(b.keys[cell]));
            copy.takeFound().copyValue(dst, b, cell);
        });
        return copy;
    }

    /** Go has no shrink: B never decreases. */
    @Override
    public boolean supportsTrim() {
        return false;
    }

    @Override
    public void trim() {
        throw new UnsupportedOperationException("Go maps never shrink (B never decreases); rebuild instead");
    }

    /** {@code clear(m)}: Go's {@code mapclear}, which keeps and zeroes the bucket array. */
    @Override
    public void clear() {
        mapclear();
    }

    @Override
    public Object footprintRoot() {
        return this;
    }

    // =====================================================================================================
    // Reports
    // =====================================================================================================

    /** The heap bytes Go's runtime (amd64, classic maps) would hold live for this exact map state. */
    public long goRuntimeBytes() {
        return GoMemoryModel.runtimeBytes(this);
    }

    /** B: log2 of the number of buckets. */
    public int bucketShift() {
        return B;
    }

    /** 2^B, the buckets the hash selects from (preallocated overflow buckets not included). */
    public long bucketCount() {
        return 1L << B;
    }

    /** Overflow buckets chained to the current bucket array (preallocated or not), exact. */
    public long overflowBuckets() {
        return buckets == null ? 0 : buckets.overflowInUse;
    }

    /** Whether an incremental evacuation is in progress (old buckets still held). */
    public boolean growing() {
        return oldbuckets != null;
    }

    /** The value-size threshold above which values are stored through a pointer. */
    public int indirectThreshold() {
        return indirectThreshold;
    }

    boolean sameSizeGrow() {
        return (flags & SAME_SIZE_GROW) != 0;
    }

    // =====================================================================================================
    // makemap, makeBucketArray
    // =====================================================================================================

    /** {@code makemap(t, hint, nil)}. */
    private void makemap(int hint) {
        // Go first drops hints whose buckets would exceed maxAlloc; an int hint never does on amd64.
        hash0 = fastrand();
        // Find the size parameter B which will hold the requested # of elements.
        int b = 0;
        while (overLoadFactor(hint, b)) {
            b++;
        }
        B = b;
        // If B == 0, the buckets are allocated lazily by mapassign.
        if (B != 0) {
            buckets = makeBucketArray(B, null);
            if (buckets.length != 1 << B) {
                extra = new GoMapExtra();
                extra.nextOverflow = buckets;
                extra.nextOverflowIndex = 1 << B;
            }
        }
    }

    /**
     * {@code makeBucketArray(t, b, dirtyalloc)}: 2^b buckets, plus for b &ge; 4 the estimated 2^(b-4) overflow
     * buckets, plus whatever else the rounded-up allocation holds. A non-null {@code dirtyalloc} (same b) is
     * cleared and reused. The free preallocated buckets start at index 2^b; the last one gets a non-nil
     * sentinel overflow pointer (the array itself) so that {@link #newoverflow} knows where they end.
     */
    private GoBuckets makeBucketArray(int b, GoBuckets dirtyalloc) {
        long base = 1L << b;
        long nbuckets = base;
        if (b >= 4) {
            nbuckets += 1L << (b - 4);
            long sz = bucketSize * nbuckets;
            long up = GoSizeClasses.roundupsize(sz);
            if (up != sz) {
                nbuckets = up / bucketSize;
            }
        }
        GoBuckets array;
        if (dirtyalloc == null) {
            array = GoBuckets.allocate(nbuckets, valueSize, indirectElem);
        } else {
            array = dirtyalloc;
            array.clearAll();
        }
        if (base != nbuckets) {
            array.setOverflow(array.length - 1, array, 0);
        }
        return array;
    }

    // =====================================================================================================
    // mapaccess, mapassign, mapdelete
    // =====================================================================================================

    /** {@code mapaccess2}: the cell of {@code key} in {@link #found}'s allocation, or -1. */
    private int mapaccess(int key) {
        if (count == 0) {
            return -1;
        }
        long hash = hasher(key);
        long m = bucketMask(B);
        GoBuckets b = buckets;
        int bi = (int) (hash & m);
        if (oldbuckets != null) {
            if (!sameSizeGrow()) {
                // There used to be half as many buckets; mask down one more power of two.
                m >>>= 1;
            }
            int oldb = (int) (hash & m);
            if (!oldbuckets.evacuated(oldb)) {
                b = oldbuckets;
                bi = oldb;
            }
        }
        byte top = tophash(hash);
        while (b != null) {
            for (int i = 0; i < BUCKET_CNT; i++) {
                int cell = bi * BUCKET_CNT + i;
                byte h = b.tophash[cell];
                if (h != top) {
                    if (h == EMPTY_REST) {
                        return -1;
                    }
                    continue;
                }
                if (b.keys[cell] == key) {
                    found = b;
                    return cell;
                }
            }
            GoBuckets next = b.overflow[bi];
            bi = b.overflowIndex[bi];
            b = next;
        }
        return -1;
    }

    /**
     * {@code mapassign}: finds or makes the slot for {@code key} and returns its cell in {@link #found}'s
     * allocation; a new slot is returned as {@code ~cell} (negative). The caller stores the value.
     */
    private int mapassign(int key) {
        long hash = hasher(key);
        if (buckets == null) {
            buckets = GoBuckets.allocate(1, valueSize, indirectElem); // newobject(t.bucket)
        }
        while (true) { // "again:"
            int bucket = (int) (hash & bucketMask(B));
            if (growing()) {
                growWork(bucket);
            }
            GoBuckets b = buckets;
            int bi = bucket;
            byte top = tophash(hash);
            GoBuckets insertB = null;
            int insertCell = -1;
            bucketloop:
            while (true) {
                for (int i = 0; i < BUCKET_CNT; i++) {
                    int cell = bi * BUCKET_CNT + i;
                    byte h = b.tophash[cell];
                    if (h != top) {
                        if (isEmpty(h) && insertB == null) {
                            insertB = b;
                            insertCell = cell;
                        }
                        if (h == EMPTY_REST) {
                            break bucketloop;
                        }
                        continue;
                    }
                    if (b.keys[cell] != key) {
                        continue;
                    }
                    // Already have a mapping for key: update it.
                    found = b;
                    return cell;
                }
                GoBuckets ovf = b.overflow[bi];
                if (ovf == null) {
                    break;
                }
                bi = b.overflowIndex[bi];
                b = ovf;
            }
            // Did not find mapping for key. If we hit the max load factor or we have too many overflow
            // buckets, and we're not already in the middle of growing, start growing.
            if (!growing() && (overLoadFactor(count + 1L, B) || tooManyOverflowBuckets(noverflow, B))) {
                hashGrow();
                continue; // Growing the table invalidates everything, so try again.
            }
            if (insertB == null) {
                // The current bucket and all the overflow buckets connected to it are full: allocate a new one.
                insertB = newoverflow(b, bi);
                insertCell = b.overflowIndex[bi] * BUCKET_CNT;
            }
            // Store the new key at the insert position (an indirect elem is allocated by the caller).
            insertB.keys[insertCell] = key;
            insertB.tophash[insertCell] = top;
            count++;
            found = insertB;
            return ~insertCell;
        }
    }

    /** {@code mapdelete}: clears the slot, marks it emptyOne, then turns a trailing run into emptyRest. */
    private boolean mapdelete(int key) {
        if (count == 0) {
            return false;
        }
        long hash = hasher(key);
        int bucket = (int) (hash & bucketMask(B));
        if (growing()) {
            growWork(bucket);
        }
        GoBuckets b = buckets;
        int bi = bucket;
        byte top = tophash(hash);
        while (b != null) {
            for (int i = 0; i < BUCKET_CNT; i++) {
                int cell = bi * BUCKET_CNT + i;
                byte h = b.tophash[cell];
                if (h != top) {
                    if (h == EMPTY_REST) {
                        return false;
                    }
                    continue;
                }
                if (b.keys[cell] != key) {
                    continue;
                }
                // An int key holds no pointers, so Go leaves its bytes; the elem is cleared.
                b.clearValue(cell);
                b.tophash[cell] = EMPTY_ONE;
                markEmptyRest(bucket, b, bi, i);
                count--;
                // Reset the hash seed to make it more difficult for attackers to repeatedly trigger hash
                // collisions (Go issue 25237).
                if (count == 0) {
                    hash0 = fastrand();
                }
                return true;
            }
            GoBuckets next = b.overflow[bi];
            bi = b.overflowIndex[bi];
            b = next;
        }
        return false;
    }

    /**
     * The second half of mapdelete: if slot {@code i} of bucket ({@code b}, {@code bi}) is now followed only
     * by emptyRest cells (in this bucket and its overflow), change it and every emptyOne before it, back
     * through the chain that starts at main bucket {@code origin}, to emptyRest.
     */
    private void markEmptyRest(int origin, GoBuckets b, int bi, int i) {
        if (i == BUCKET_CNT - 1) {
            GoBuckets ovf = b.overflow[bi];
            if (ovf != null && ovf.tophash[b.overflowIndex[bi] * BUCKET_CNT] != EMPTY_REST) {
                return;
            }
        } else if (b.tophash[bi * BUCKET_CNT + i + 1] != EMPTY_REST) {
            return;
        }
        while (true) {
            b.tophash[bi * BUCKET_CNT + i] = EMPTY_REST;
            if (i == 0) {
                if (b == buckets && bi == origin) {
                    break; // beginning of the initial bucket, we're done
                }
                // Find the previous bucket, continue at its last entry.
                GoBuckets c = b;
                int ci = bi;
                b = buckets;
                bi = origin;
                while (!(b.overflow[bi] == c && b.overflowIndex[bi] == ci)) {
                    GoBuckets next = b.overflow[bi];
                    bi = b.overflowIndex[bi];
                    b = next;
                }
                i = BUCKET_CNT - 1;
            } else {
                i--;
            }
            if (b.tophash[bi * BUCKET_CNT + i] != EMPTY_ONE) {
                break;
            }
        }
    }

    /** {@code mapclear}: keeps the bucket array (cleared), drops the old one and every overflow allocation. */
    private void mapclear() {
        if (count == 0) {
            return; // Go returns early too: an empty map keeps even an unfinished grow
        }
        flags &= ~SAME_SIZE_GROW;
        oldbuckets = null;
        nevacuate = 0;
        noverflow = 0;
        count = 0;
        hash0 = fastrand();
        // Keep the mapextra allocation but clear any extra information.
        if (extra != null) {
            extra.reset();
        }
        // makeBucketArray clears the memory of h.buckets and recovers the preallocated overflow buckets.
        makeBucketArray(B, buckets);
        if (buckets.length != 1 << B) {
            extra.nextOverflow = buckets;
            extra.nextOverflowIndex = 1 << B;
        }
    }

    // =====================================================================================================
    // Overflow buckets
    // =====================================================================================================

    /**
     * {@code h.newoverflow(t, b)}: links a fresh overflow bucket after bucket ({@code b}, {@code bi}) and returns
     * its allocation (its index is then {@code b.overflowIndex[bi]}). Preallocated buckets go first.
     */
    private GoBuckets newoverflow(GoBuckets b, int bi) {
        GoBuckets ovf;
        int ovfIndex;
        if (extra != null && extra.nextOverflow != null) {
            // We have preallocated overflow buckets available.
            ovf = extra.nextOverflow;
            ovfIndex = extra.nextOverflowIndex;
            if (ovf.overflow[ovfIndex] == null) {
                // We're not at the end of the preallocated overflow buckets. Bump the pointer.
                extra.nextOverflowIndex++;
            } else {
                // This is the last preallocated overflow bucket: reset its sentinel.
                ovf.setOverflow(ovfIndex, null, 0);
                extra.nextOverflow = null;
                extra.nextOverflowIndex = 0;
            }
        } else {
            ovf = GoBuckets.allocate(1, valueSize, indirectElem);
            ovfIndex = 0;
            buckets.separateOverflow++;
        }
        incrnoverflow();
        if (!indirectElem) {
            // Noscan buckets: only this slice keeps the overflow bucket alive for Go's collector.
            createOverflow();
            extra.overflow.append();
        }
        b.setOverflow(bi, ovf, ovfIndex);
        buckets.overflowInUse++;
        return ovf;
    }

    /** {@code h.createOverflow()}. */
    private void createOverflow() {
        if (extra == null) {
            extra = new GoMapExtra();
        }
        if (extra.overflow == null) {
            extra.overflow = new GoOverflowSlice();
        }
    }

    /**
     * {@code h.incrnoverflow()}: exact below B = 16; above, counts with probability 1/2^(B-15), so that
     * reaching 2^15 still means about as many overflow buckets as buckets.
     */
    private void incrnoverflow() {
        if (B < 16) {
            noverflow = (noverflow + 1) & 0xFFFF;
            return;
        }
        int mask = (1 << (B - 15)) - 1;
        if ((fastrand() & mask) == 0) {
            noverflow = (noverflow + 1) & 0xFFFF;
        }
    }

    // =====================================================================================================
    // Growth and evacuation
    // =====================================================================================================

    /** {@code hashGrow}: a bigger array, or a same-size one when there are too many overflow buckets. */
    private void hashGrow() {
        int bigger = 1;
        if (!overLoadFactor(count + 1L, B)) {
            bigger = 0;
            flags |= SAME_SIZE_GROW;
        }
        GoBuckets old = buckets;
        GoBuckets newbuckets = makeBucketArray(B + bigger, null);
        B += bigger;
        oldbuckets = old;
        buckets = newbuckets;
        nevacuate = 0;
        noverflow = 0;
        if (extra != null && extra.overflow != null) {
            // Promote current overflow buckets to the old generation.
            if (extra.oldoverflow != null) {
                throw new IllegalStateException("oldoverflow is not nil");
            }
            extra.oldoverflow = extra.overflow;
            extra.overflow = null;
        }
        if (newbuckets.length != 1 << B) {
            if (extra == null) {
                extra = new GoMapExtra();
            }
            extra.nextOverflow = newbuckets;
            extra.nextOverflowIndex = 1 << B;
        }
        // The actual copying of the hash table data is done incrementally by growWork() and evacuate().
    }

    /** {@code growWork}: evacuate the old bucket that {@code bucket} comes from, and one more. */
    private void growWork(int bucket) {
        evacuate(bucket & oldbucketmask());
        if (growing()) {
            evacuate(nevacuate);
        }
    }

    /** {@code evacDst}: an evacuation destination. */
    private static final class EvacDst {
        GoBuckets b;
        int bi;
        /** Next free slot in bucket ({@code b}, {@code bi}). */
        int i;

        EvacDst(GoBuckets b, int bi) {
            this.b = b;
            this.bi = bi;
        }
    }

    /**
     * {@code evacuate}: moves every entry of old bucket {@code oldbucket}'s chain to x (same index) or, when
     * doubling, y (index + old size) by the next hash bit, marking each old cell evacuatedX/Y/Empty.
     */
    private void evacuate(int oldbucket) {
        GoBuckets old = oldbuckets;
        int newbit = noldbuckets();
        if (!old.evacuated(oldbucket)) {
            EvacDst x = new EvacDst(buckets, oldbucket);
            EvacDst y = sameSizeGrow() ? null : new EvacDst(buckets, oldbucket + newbit);
            GoBuckets b = old;
            int bi = oldbucket;
            while (b != null) {
                for (int i = 0; i < BUCKET_CNT; i++) {
                    int cell = bi * BUCKET_CNT + i;
                    byte top = b.tophash[cell];
                    if (isEmpty(top)) {
                        b.tophash[cell] = EVACUATED_EMPTY;
                        continue;
                    }
                    if ((top & 0xFF) < MIN_TOP_HASH) {
                        throw new IllegalStateException("bad map state");
                    }
                    int key = b.keys[cell];
                    int useY = 0;
                    if (!sameSizeGrow() && (hasher(key) & newbit) != 0) {
                        useY = 1;
                    }
                    b.tophash[cell] = (byte) (EVACUATED_X + useY);
                    EvacDst dst = useY == 0 ? x : y;
                    if (dst.i == BUCKET_CNT) {
                        GoBuckets ovf = newoverflow(dst.b, dst.bi);
                        dst.bi = dst.b.overflowIndex[dst.bi];
                        dst.b = ovf;
                        dst.i = 0;
                    }
                    int dstCell = dst.bi * BUCKET_CNT + dst.i;
                    dst.b.tophash[dstCell] = top;
                    dst.b.keys[dstCell] = key;
                    dst.b.copyValue(dstCell, b, cell);
                    dst.i++;
                }
                GoBuckets next = b.overflow[bi];
                bi = b.overflowIndex[bi];
                b = next;
            }
            // Unlink the overflow buckets and clear key/elem to help GC, for buckets that hold pointers only
            // (noscan buckets are never scanned). Go clears the main old bucket from dataOffset to its end,
            // keeping tophash (the evacuation state); its overflow buckets keep their contents.
            if (indirectElem) {
                int from = oldbucket * BUCKET_CNT;
                Arrays.fill(old.keys, from, from + BUCKET_CNT, 0);
                Arrays.fill(old.pointerValues, from, from + BUCKET_CNT, null);
                old.setOverflow(oldbucket, null, 0);
            }
        }
        if (oldbucket == nevacuate) {
            advanceEvacuationMark(newbit);
        }
    }

    /** {@code advanceEvacuationMark}: moves nevacuate past evacuated buckets; at the end frees the old array. */
    private void advanceEvacuationMark(int newbit) {
        nevacuate++;
        // At most 1024 more, to ensure O(1) behaviour.
        int stop = Math.min(nevacuate + 1024, newbit);
        while (nevacuate != stop && oldbuckets.evacuated(nevacuate)) {
            nevacuate++;
        }
        if (nevacuate == newbit) {
            // Growing is all done. Free the old main bucket array and the old overflow buckets.
            oldbuckets = null;
            if (extra != null) {
                extra.oldoverflow = null;
            }
            flags &= ~SAME_SIZE_GROW;
        }
    }

    /** {@code h.noldbuckets()}. */
    private int noldbuckets() {
        int oldB = B;
        if (!sameSizeGrow()) {
            oldB--;
        }
        return 1 << oldB;
    }

    /** {@code h.oldbucketmask()}. */
    private int oldbucketmask() {
        return noldbuckets() - 1;
    }

    // =====================================================================================================
    // Iteration (mapiterinit/mapiternext without the random start)
    // =====================================================================================================

    /** Visits one live cell. */
    interface CellVisitor {
        void visit(GoBuckets b, int cell);
    }

    /**
     * Every live entry once, in bucket order. While growing, a new bucket whose old bucket is not evacuated
     * yet is read from the old bucket, keeping only the entries destined for it (as mapiternext does).
     */
    void forEachEntry(CellVisitor visitor) {
        if (count == 0) {
            return;
        }
        if (!indirectElem) {
            // mapiterinit keeps the overflow slices alive for the iterator: a noscan map gets its extra here.
            createOverflow();
        }
        int nb = 1 << B;
        for (int bucket = 0; bucket < nb; bucket++) {
            GoBuckets b = buckets;
            int bi = bucket;
            boolean checkOld = false;
            if (growing()) {
                int oldbucket = bucket & oldbucketmask();
                if (!oldbuckets.evacuated(oldbucket)) {
                    b = oldbuckets;
                    bi = oldbucket;
                    checkOld = !sameSizeGrow();
                }
            }
            while (b != null) {
                for (int i = 0; i < BUCKET_CNT; i++) {
                    int cell = bi * BUCKET_CNT + i;
                    byte top = b.tophash[cell];
                    if (isEmpty(top) || top == EVACUATED_EMPTY) {
                        continue;
                    }
                    if (checkOld && (hasher(b.keys[cell]) & bucketMask(B)) != bucket) {
                        continue; // this entry will go to the other new bucket
                    }
                    visitor.visit(b, cell);
                }
                GoBuckets next = b.overflow[bi];
                bi = b.overflowIndex[bi];
                b = next;
            }
        }
    }

    // =====================================================================================================
    // Small helpers
    // =====================================================================================================

    /** {@code overLoadFactor}: whether {@code count} items in 2^B buckets exceed load factor 6.5. */
    static boolean overLoadFactor(long count, int B) {
        return count > BUCKET_CNT && count > LOAD_FACTOR_NUM * ((1L << B) / LOAD_FACTOR_DEN);
    }

    /** {@code tooManyOverflowBuckets}: about as many overflow buckets as buckets (counted up to 2^15). */
    static boolean tooManyOverflowBuckets(int noverflow, int B) {
        int b = Math.min(B, 15);
        return noverflow >= 1 << b;
    }

    /** {@code bucketMask}: 2^B - 1. */
    private static long bucketMask(int B) {
        return (1L << B) - 1;
    }

    /** {@code tophash}: the top byte of the hash, moved above the markers. */
    static byte tophash(long hash) {
        int top = (int) (hash >>> 56);
        if (top < MIN_TOP_HASH) {
            top += MIN_TOP_HASH;
        }
        return (byte) top;
    }

    long hasher(int key) {
        return GoHash.hash(key, hash0);
    }

    /** {@code fastrand()}. */
    private int fastrand() {
        randomState = GoHash.nextState(randomState);
        return GoHash.randomOf(randomState);
    }

    /** Turns a mapassign result (negative for a new slot) into the cell. */
    private static int cellOf(int assigned) {
        return assigned < 0 ? ~assigned : assigned;
    }

    /** The allocation of the last found cell; clears the field so that it never holds memory. */
    private GoBuckets takeFound() {
        GoBuckets b = found;
        found = null;
        return b;
    }

    @Override
    public String toString() {
        return "GoMap[count=" + count + ", B=" + B + ", valueSize=" + valueSize + ", storage=" + storage()
                + ", overflow=" + overflowBuckets() + (growing() ? ", growing" : "") + "]";
    }
}
