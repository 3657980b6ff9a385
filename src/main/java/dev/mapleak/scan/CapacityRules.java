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
     * HashMap / LinkedHashMap / HashSet rebuilt as mapleak's REBUILD does and JDK 19's {@code HashMap.newHashMap(n)}
     * does: {@code new HashMap<>((int) Math.ceil(n / 0.75))} then {@code putAll}. The constructor stores
     * {@code tableSizeFor(cap)} and the first put allocates it; no put resizes it since n <= 0.75 * table.
     */
    static int hashMapRebuilt(int size) {
        return size == 0 ? 0 : tableSizeFor((int) Math.ceil(size / 0.75));
    }

    /**
     * ConcurrentHashMap rebuilt as mapleak does: {@code new ConcurrentHashMap<>(n)} then puts. JDK 17's
     * constructor: {@code long size = (long) (1.0 + (long) initialCapacity / loadFactor); cap = tableSizeFor((int) size)},
     * allocated on the first put; {@code addCount} resizes only at {@code sizeCtl} = 0.75 * cap > n.
     */
    static int concurrentHashMapRebuilt(int size) {
        if (size == 0) {
            return 0;
        }
        long wanted = (long) (1.0 + (long) size / 0.75f);
        return tableSizeFor((int) Math.min(wanted, MAXIMUM_CAPACITY));
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
     * Eclipse Collections {@code compact()}: {@code rehash(smallestPowerOfTwoGreaterThan(size()))}, where that is
     * {@code n > 1 ? Integer.highestOneBit(n - 1) << 1 : 1}; the key and value arrays get that length.
     */
    static int eclipseCompacted(int size) {
        return size > 1 ? Integer.highestOneBit(size - 1) << 1 : 1;
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
