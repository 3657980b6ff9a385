package dev.mapleak.subject.flat;

import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The open-addressing table both flat maps share, so that FLAT_INLINE and FLAT_POINTER differ in how they
 * store values and in nothing else a benchmark could see: same hash, same probe sequence, same growth,
 * same deletion.
 *
 * <p>fastutil's layout, so the comparison with {@code Int2ObjectOpenHashMap} is fair: {@code int[] keys} of a
 * power-of-two capacity where 0 marks an empty slot; the real key 0 has no key slot, a flag says it is
 * present and its value lives in the extra value slot at index {@code capacity}. Keys are found by linear
 * probing from their {@link #home home slot}; a remove shifts the rest of its run back (no tombstones), so
 * a table emptied by removes is exactly a fresh table of the same capacity.
 *
 * <p>The home slot is Fibonacci hashing (the top bits of {@code key * 2^32/phi}), not fastutil's
 * {@code HashCommon.mix} (the same product, but its low bits folded): one multiply and one shift, and
 * arithmetic progressions of keys (sequential keys, any stride, grids) spread almost evenly, where
 * {@code mix} gives power-of-two strides mean probes of 5 to 9 (FlatTableTest shows both).
 *
 * <p>The even spread has a price a sparse table pays in FLAT_POINTER's {@code put} under G1 (issue 11: 131.9 ns
 * AFTER_DELETE against ECLIPSE's 6.4 for the same 2M-slot shape). 10k SEQUENTIAL survivors of 1M land one per
 * 512-byte card of the reference array (10,000 cards; ECLIPSE's spread packs them into 79), so nearly every
 * reference store dirties a clean card and G1 queues and refines it: in a CPU profile of that put, 80% of the samples
 * are in G1 frames ({@code G1DirtyCardQueueSet::enqueue} on the benchmark thread, {@code G1RemSet::refine_card_concurrently}
 * there and on the refinement thread) and 17% in {@link #insert}; ECLIPSE's put with SEQUENTIAL keys has none in G1. With
 * RANDOM keys ECLIPSE spreads too and pays it too; under ParallelGC the two cost about the same. Not a defect of
 * this table: clustering keys to save the collector cards would lengthen probes, and the table must keep its
 * capacity (it never shrinks); {@code OperationsBenchmarkTest} pins the card counts.
 *
 * <p>The table doubles when a new entry would take it past {@link #LOAD_FACTOR} and never shrinks on remove:
 * that is the behaviour mapleak measures (Go's map keeps its buckets the same way). {@link #trim()} and
 * {@link #rebuild()} are the only ways down; {@link #clear()} keeps the arrays, like the JDK's.
 *
 * <p>A subclass owns the value storage {@code V} (one slot per key slot, plus key 0's) and implements the
 * slot hooks at the bottom of this class; every hook is called only with slot indexes of that storage.
 */
abstract class FlatTable<V> implements SubjectMap {

    /** Entries per slot before the table doubles: 3/4, fastutil's default (computed as {@code cap - cap/4}). */
    static final float LOAD_FACTOR = 0.75f;

    /** The default capacity and the smallest {@link #trim()} goes to; holds 12 entries. */
    static final int MIN_CAPACITY = 16;

    /** 2^32 / golden ratio, odd: Knuth's multiplier for Fibonacci hashing (also fastutil's {@code INT_PHI}). */
    static final int PHI = 0x9E3779B9;

    /** The largest power-of-two capacity an {@code int[]} of keys can have. */
    static final int MAX_CAPACITY = 1 << 30;

    /** The longest array every JVM allocates (the JDK's own {@code ArraysSupport.SOFT_MAX_ARRAY_LENGTH}). */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    final int valueSize;
    /** Key per slot, 0 = empty; its length is the capacity, a power of two. */
    private int[] keys;
    /** {@code 32 - log2(capacity)}: a home slot is the top {@code log2(capacity)} bits of {@code key * PHI}. */
    private int shift;
    /** Entries (key 0 included) the current capacity takes before doubling. */
    private int maxFill;
    private int size;
    private boolean hasZeroKey;

    /** Allocates the keys; the subclass then allocates {@code capacity() + 1} value slots. */
    FlatTable(int valueSize, int expectedEntries) {
        this.valueSize = Subject.checkValueSize(valueSize);
        if (expectedEntries < 0) {
            throw new IllegalArgumentException("expectedEntries must be >= 0, got " + expectedEntries);
        }
        int capacity = capacityFor(expectedEntries);
        this.keys = new int[capacity];
        this.shift = shiftFor(capacity);
        this.maxFill = maxFill(capacity);
    }

    /** Where probing for {@code key} starts in a table of {@code 2^(32 - shift)} slots. */
    static int home(int key, int shift) {
        return (key * PHI) >>> shift;
    }

    static int shiftFor(int capacity) {
        return Integer.numberOfLeadingZeros(capacity) + 1;
    }

    /** Entries a table of {@code capacity} slots holds before it doubles ({@code capacity * 3/4}, no overflow). */
    static int maxFill(int capacity) {
        return capacity - (capacity >>> 2);
    }

    /** The smallest power-of-two capacity, at least {@link #MIN_CAPACITY}, that holds {@code entries}. */
    static int capacityFor(int entries) {
        int capacity = MIN_CAPACITY;
        while (entries > maxFill(capacity)) {
            if (capacity == MAX_CAPACITY) {
                throw new IllegalStateException(entries + " entries do not fit a table of at most "
                        + MAX_CAPACITY + " slots at load factor " + LOAD_FACTOR);
            }
            capacity <<= 1;
        }
        return capacity;
    }

    /** Slots in the table, excluding the extra value slot of key 0. */
    public final int capacity() {
        return keys.length;
    }

    // ---- lookup and insertion, the hot paths; the subclass reads or writes the value at the returned slot

    /** The slot of {@code key} ({@code capacity()} for key 0), or -1 if absent. */
    final int slotOf(int key) {
        final int[] keys = this.keys;
        if (key == 0) {
            return hasZeroKey ? keys.length : -1;
        }
        final int mask = keys.length - 1;
        int pos = home(key, shift);
        int current;
        while ((current = keys[pos]) != 0) {
            if (current == key) {
                return pos;
            }
            pos = (pos + 1) & mask;
        }
        return -1;
    }

    /**
     * The slot of {@code key}, claimed for it if absent (growing first if needed). A new slot's value is
     * whatever the storage holds there: the caller writes it before anyone reads it.
     */
    final int insert(int key) {
        if (key == 0) {
            if (!hasZeroKey) {
                if (size >= maxFill) {
                    grow();
                }
                hasZeroKey = true;
                size++;
            }
            return keys.length;
        }
        int[] keys = this.keys;
        int mask = keys.length - 1;
        int pos = home(key, shift);
        int current;
        while ((current = keys[pos]) != 0) {
            if (current == key) {
                return pos;
            }
            pos = (pos + 1) & mask;
        }
        if (size >= maxFill) {
            grow();
            keys = this.keys;
            mask = keys.length - 1;
            pos = home(key, shift);
            while (keys[pos] != 0) {
                pos = (pos + 1) & mask;
            }
        }
        keys[pos] = key;
        size++;
        return pos;
    }

    /** Rejects a value that is not exactly {@code valueSize} bytes, before anything changes. */
    final void checkLength(byte[] value) {
        if (value.length != valueSize) {
            throw new IllegalArgumentException("value has " + value.length + " bytes; this map holds "
                    + valueSize + "-byte values");
        }
    }

    // ---- deletion

    @Override
    public final boolean remove(int key) {
        if (key == 0) {
            if (!hasZeroKey) {
                return false;
            }
            hasZeroKey = false;
            size--;
            clearValue(keys.length);
            return true;
        }
        final int pos = slotOf(key);
        if (pos < 0) {
            return false;
        }
        size--;
        shiftBack(pos);
        return true;
    }

    /**
     * Backward-shift deletion (fastutil's {@code shiftKeys}): empties {@code pos}, then moves each later entry
     * of the run whose home slot is not cyclically in (hole, entry] into the hole, until an empty slot.
     */
    private void shiftBack(int pos) {
        final int[] keys = this.keys;
        final int mask = keys.length - 1;
        final int shift = this.shift;
        int last;
        int current;
        for (;;) {
            pos = ((last = pos) + 1) & mask;
            for (;;) {
                if ((current = keys[pos]) == 0) {
                    keys[last] = 0;
                    clearValue(last);
                    return;
                }
                final int currentHome = home(current, shift);
                if (last <= pos ? last >= currentHome || currentHome > pos : last >= currentHome && currentHome > pos) {
                    break;
                }
                pos = (pos + 1) & mask;
            }
            keys[last] = current;
            moveValue(pos, last);
        }
    }

    // ---- capacity

    private void grow() {
        if (keys.length == MAX_CAPACITY) {
            throw new IllegalStateException("table is full: " + size + " entries in " + MAX_CAPACITY
                    + " slots, the largest power of two an int[] holds");
        }
        rehash(keys.length << 1);
    }

    /**
     * Moves every entry into fresh arrays of {@code newCapacity} slots. Both arrays are allocated before
     * anything changes, so a failed allocation (too big a slab, out of memory) leaves the map as it was.
     */
    private void rehash(int newCapacity) {
        final int[] newKeys = new int[newCapacity];
        final V oldValues = replaceValues(newCapacity + 1);
        final int[] oldKeys = keys;
        final int mask = newCapacity - 1;
        final int newShift = shiftFor(newCapacity);
        for (int i = 0; i < oldKeys.length; i++) {
            final int key = oldKeys[i];
            if (key != 0) {
                int pos = home(key, newShift);
                while (newKeys[pos] != 0) {
                    pos = (pos + 1) & mask;
                }
                newKeys[pos] = key;
                copyValue(oldValues, i, pos);
            }
        }
        if (hasZeroKey) {
            copyValue(oldValues, oldKeys.length, newCapacity);
        }
        keys = newKeys;
        shift = newShift;
        maxFill = maxFill(newCapacity);
    }

    @Override
    public final boolean supportsTrim() {
        return true;
    }

    /** Rehashes into {@link #capacityFor(int) capacityFor(size())} slots if that is smaller; never grows. */
    @Override
    public final void trim() {
        final int target = capacityFor(size);
        if (target < keys.length) {
            rehash(target);
        }
    }

    @Override
    public final SubjectMap rebuild() {
        final FlatTable<V> copy = newSized(size);
        final V values = values();
        final int[] keys = this.keys;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                copy.copyValue(values, i, copy.insert(keys[i]));
            }
        }
        if (hasZeroKey) {
            copy.copyValue(values, keys.length, copy.insert(0));
        }
        return copy;
    }

    /** Empties the map and keeps its arrays (the JDK's {@code clear()} keeps its table the same way). */
    @Override
    public final void clear() {
        Arrays.fill(keys, 0);
        hasZeroKey = false;
        size = 0;
        clearValues();
    }

    // ---- the rest of SubjectMap

    @Override
    public final int valueSize() {
        return valueSize;
    }

    @Override
    public final int size() {
        return size;
    }

    /** Key 0 first if present, then slot order. {@code action} must not modify the map. */
    @Override
    public final void forEachKey(IntConsumer action) {
        if (hasZeroKey) {
            action.accept(0);
        }
        final int[] keys = this.keys;
        for (int key : keys) {
            if (key != 0) {
                action.accept(key);
            }
        }
    }

    /** The map object itself: it holds the key array and the value storage, nothing else. */
    @Override
    public final Object footprintRoot() {
        return this;
    }

    /**
     * How far lookups walk, for tests: element {@code p} counts the keys in the table (key 0 is not) found
     * after probing {@code p} slots, 1 being the home slot; the last element is the longest probe.
     */
    final int[] probeLengthCounts() {
        final int[] keys = this.keys;
        final int mask = keys.length - 1;
        int[] counts = new int[1];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                final int probe = ((i - home(keys[i], shift)) & mask) + 1;
                if (probe >= counts.length) {
                    counts = Arrays.copyOf(counts, probe + 1);
                }
                counts[probe]++;
            }
        }
        return counts;
    }

    // ---- value storage hooks: everything a subclass decides

    /**
     * Installs fresh value storage of {@code slots} slots and returns the old storage. Must allocate before
     * changing anything, and throw {@link IllegalStateException} when the storage cannot be a Java array.
     */
    abstract V replaceValues(int slots);

    /** The current value storage (read by {@link #rebuild()} to copy from). */
    abstract V values();

    /** Copies the value in slot {@code from} of {@code source} (another storage of this kind) into slot {@code to}. */
    abstract void copyValue(V source, int from, int to);

    /** Moves the value of slot {@code from} into slot {@code to} of the current storage (backward shift). */
    abstract void moveValue(int from, int to);

    /** Slot {@code slot} has just become empty. */
    abstract void clearValue(int slot);

    /** Every slot has just become empty ({@link #clear()}); the storage itself stays. */
    abstract void clearValues();

    /** An empty map of the same kind and value size, sized for {@code expectedEntries}. */
    abstract FlatTable<V> newSized(int expectedEntries);
}
