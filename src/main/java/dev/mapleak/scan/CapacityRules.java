package dev.mapleak.scan;

/**
 * The table length each library's remedy leaves for a map of {@code size} live entries, copied from the library
 * code mapleak depends on (JDK 17, fastutil 8.5.19, Eclipse Collections 13.0.0, HPPC 0.10.0, Agrona 2.6.0; read
 * with {@code javap -c}). {@code CapacityRulesTest} checks every rule against the real library in the test JVM.
 * 0 means the remedy leaves no table at all (a JDK map allocates its table on the first put).
 */
final class CapacityRules {

    private static final int MAXIMUM_CAPACITY = 1 << 30;

    private CapacityRules() {
    }

    /** {@code java.util.HashMap.tableSizeFor}: the smallest power of two >= c (at least 1). */
    static int tableSizeFor(int c) {
        int n = -1 >>> Integer.numberOfLeadingZeros(c - 1);
        return n < 0 ? 1 : n >= MAXIMUM_CAPACITY ? MAXIMUM_CAPACITY : n + 1;
    }

    /**
     * {@code new HashMap<>(map)} / {@code new LinkedHashMap<>(map)}: JDK 17's {@code putMapEntries} on an empty map
     * sets the threshold to {@code tableSizeFor((int) (s / 0.75f + 1.0f))}, allocated by the first put; no table when
     * s is 0. (JDK 19+ computes {@code Math.ceil(s / 0.75)} instead: at most one power of two smaller.)
     */
    static int hashMapRebuilt(int size) {
        return size == 0 ? 0 : tableSizeFor((int) (size / 0.75f + 1.0f));
    }

    /** {@code new HashSet<>(set)}: {@code new HashMap<>(Math.max((int) (c.size() / .75f) + 1, 16))} then addAll. */
    static int hashSetRebuilt(int size) {
        return size == 0 ? 0 : tableSizeFor(Math.max((int) (size / .75f) + 1, 16));
    }

    /** {@code new LinkedHashSet<>(set)}: {@code super(Math.max(2 * c.size(), 11), .75f, true)} then addAll. */
    static int linkedHashSetRebuilt(int size) {
        return size == 0 ? 0 : tableSizeFor(Math.max(2 * size, 11));
    }

    /**
     * {@code new ConcurrentHashMap<>(map)}: {@code sizeCtl = 16; putAll(m)}, whose {@code tryPresize(s)} wants
     * {@code c = tableSizeFor(s + (s >>> 1) + 1)}, allocates {@code max(sizeCtl, c)} and doubles the table while
     * {@code c > sizeCtl} (sizeCtl being 3/4 of the table after each step).
     */
    static int concurrentHashMapRebuilt(int size) {
        int c = size >= (MAXIMUM_CAPACITY >>> 1) ? MAXIMUM_CAPACITY : tableSizeFor(size + (size >>> 1) + 1);
        int n = Math.max(16, c);
        while (c > n - (n >>> 2) && n < MAXIMUM_CAPACITY) {
            n <<= 1;
        }
        return n;
    }

    /**
     * {@code new WeakHashMap<>(map)}: {@code this(Math.max((int) (m.size() / 0.75f + 1.0f), 16), 0.75f)}; the
     * constructor allocates the smallest power of two >= that eagerly.
     */
    static int weakHashMapRebuilt(int size) {
        return tableSizeFor(Math.max((int) (size / 0.75f + 1.0f), 16));
    }

    /** {@code new Hashtable<>(map)}: {@code this(Math.max(2 * t.size(), 11), 0.75f)}, allocated eagerly, any length. */
    static int hashtableRebuilt(int size) {
        return Math.max(2 * size, 11);
    }

    /**
     * {@code new IdentityHashMap<>(map)}: {@code this((int) ((1 + m.size()) * 1.1))}; {@code capacity(e)} is 4 for
     * e <= 2, else {@code Integer.highestOneBit(e + (e << 1))}; the table holds key and value: 2 * capacity slots.
     */
    static int identityHashMapRebuiltTableLength(int size) {
        int expected = (int) ((1 + size) * 1.1);
        int capacity = expected > MAXIMUM_CAPACITY / 3 ? MAXIMUM_CAPACITY
                : expected <= 2 ? 4 : Integer.highestOneBit(expected + (expected << 1));
        return 2 * capacity;
    }

    /**
     * fastutil {@code trim()} = {@code trim(size)}: {@code l = HashCommon.nextPowerOfTwo((int) Math.ceil(size / f))};
     * nothing happens when {@code l >= n} (or size > maxFill(l, f)), else {@code rehash(l)} makes arrays of l + 1
     * (the extra slot holds the null key). Note {@code nextPowerOfTwo(0)} is {@code 1 << 32} = 1.
     * Returns the array length.
     */
    static int fastutilTrimmedArrayLength(int size, float f, int currentN) {
        int l = 1 << (32 - Integer.numberOfLeadingZeros((int) Math.ceil(size / f) - 1));
        if (l >= currentN || size > fastutilMaxFill(l, f)) {
            return currentN + 1;
        }
        return l + 1;
    }

    /** fastutil {@code HashCommon.maxFill(n, f)}: {@code Math.min((int) Math.ceil(n * f), n - 1)}. */
    private static int fastutilMaxFill(int n, float f) {
        return Math.min((int) Math.ceil(n * f), n - 1);
    }

    /**
     * Eclipse Collections {@code compact()}: {@code rehash(smallestPowerOfTwoGreaterThan(size()))} re-adds the
     * {@code inTable} entries (keys 0 and 1 live outside the table, in {@code sentinelValues}); each add that makes
     * {@code occupiedWithData > maxOccupiedWithData() = min(capacity - 1, capacity / 2)} calls {@code rehashAndGrow()}:
     * {@code rehash(max(maxOccupied, smallestPowerOfTwoGreaterThan((occupiedWithData + 1) << 1)))}.
     */
    static int eclipseCompacted(int size, int inTable) {
        int capacity = eclipsePowerOfTwo(size);
        while (inTable > Math.min(capacity - 1, capacity >> 1)) {
            int occupied = Math.min(capacity - 1, capacity >> 1) + 1; // the add that triggers the grow
            capacity = Math.max(Math.min(capacity - 1, capacity >> 1), eclipsePowerOfTwo((occupied + 1) << 1));
        }
        return capacity;
    }

    /** Eclipse's {@code smallestPowerOfTwoGreaterThan(n)}: {@code n > 1 ? Integer.highestOneBit(n - 1) << 1 : 1}. */
    private static int eclipsePowerOfTwo(int n) {
        return n > 1 ? Integer.highestOneBit(n - 1) << 1 : 1;
    }

    /**
     * HPPC has no shrink: the remedy is {@code new IntObjectHashMap<>(map)}, which calls {@code ensureCapacity(size)}:
     * {@code HashContainers.minBufferSize}: {@code length = ceil(size / loadFactor)}, +1 if that equals size,
     * {@code max(4, nextHighestPowerOfTwo(length))}; arrays get one extra slot (the empty key). Returns the array length.
     */
    static int hppcRebuiltArrayLength(int size, double loadFactor) {
        long length = (long) Math.ceil(size / loadFactor);
        if (length == size) {
            length++;
        }
        long pow2 = length <= 1 ? 1 : Long.highestOneBit(length - 1) << 1;
        return (int) Math.max(4, pow2) + 1;
    }

    /**
     * Agrona {@code compact()}: {@code idealCapacity = (int) Math.round(size() * (1.0d / loadFactor));
     * rehash(BitUtil.findNextPositivePowerOfTwo(Math.max(8, idealCapacity)))}.
     */
    static int agronaCompacted(int size, float loadFactor) {
        int ideal = (int) Math.round(size * (1.0d / loadFactor));
        return 1 << (32 - Integer.numberOfLeadingZeros(Math.max(8, ideal) - 1));
    }
}
