package dev.mapleak.subject.flat;

import dev.mapleak.folder.Storage;
import dev.mapleak.subject.Subject;
import it.unimi.dsi.fastutil.HashCommon;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's policies, checked on their own: capacity (power of two, load 3/4, doubling, never shrinking on
 * remove, trim and rebuild to fit) and hash quality (structured keys probe no longer than random ones).
 */
class FlatTableTest {

    @Test
    void subjectsAreWiredToTheFlatMaps() {
        assertInstanceOf(FlatInlineMap.class, Subject.FLAT_INLINE.create(128));
        assertInstanceOf(FlatPointerMap.class, Subject.FLAT_POINTER.create(128));
        assertEquals(Storage.INLINE, Subject.FLAT_INLINE.storageFor(129));
        assertEquals(Storage.POINTER, Subject.FLAT_POINTER.storageFor(128));
        assertTrue(Subject.FLAT_INLINE.supportsTrim());
        assertTrue(Subject.FLAT_POINTER.supportsTrim());
    }

    @Test
    void capacityIsTheSmallestPowerOfTwoAtLoadThreeQuarters() {
        assertEquals(16, FlatTable.MIN_CAPACITY);
        assertEquals(16, new FlatInlineMap(8, 0).capacity(), "default size");
        assertEquals(16, new FlatPointerMap(8, 12).capacity());
        assertEquals(32, new FlatPointerMap(8, 13).capacity());
        assertEquals(1 << 20, new FlatPointerMap(8, 786_432).capacity(), "786,432 = 3/4 of 2^20");
        assertEquals(1 << 21, new FlatPointerMap(8, 786_433).capacity());
        assertEquals(1 << 21, new FlatInlineMap(1, 1_000_000).capacity());
        assertEquals(FlatTable.MAX_CAPACITY, FlatTable.capacityFor(FlatTable.maxFill(FlatTable.MAX_CAPACITY)));
    }

    @Test
    void growsByDoublingWhenANewEntryWouldPassThreeQuarters() {
        FlatPointerMap map = new FlatPointerMap(4, 0);
        for (int k = 1; k <= 100_000; k++) {
            int before = map.capacity();
            map.putNew(k);
            int expected = k > FlatTable.maxFill(before) ? before * 2 : before;
            assertEquals(expected, map.capacity(), "after " + k + " entries");
        }
        // Key 0 counts like any other entry: the 13th entry doubles 16 slots even when it is key 0.
        FlatInlineMap small = new FlatInlineMap(4, 0);
        for (int k = 1; k <= 12; k++) {
            small.putNew(k);
        }
        assertEquals(16, small.capacity());
        small.putNew(0);
        assertEquals(32, small.capacity());
    }

    @Test
    void removeAndClearNeverShrinkTrimAndRebuildDo() {
        FlatInlineMap map = new FlatInlineMap(16, 0);
        for (int k = 0; k < 10_000; k++) {
            map.putNew(k);
        }
        assertEquals(16_384, map.capacity());
        for (int k = 0; k < 9_990; k++) {
            map.remove(k);
        }
        assertEquals(16_384, map.capacity(), "remove never shrinks");
        FlatInlineMap rebuilt = (FlatInlineMap) map.rebuild();
        assertEquals(16, rebuilt.capacity(), "rebuild sizes for the 10 survivors");
        assertEquals(16_384, map.capacity(), "rebuild leaves the original as it was");
        map.trim();
        assertEquals(16, map.capacity(), "trim shrinks to fit");
        map.trim();
        assertEquals(16, map.capacity(), "trim of a fitting table changes nothing");
        for (int k = 9_990; k < 10_000; k++) {
            assertEquals(k & 0xFF, map.valueByte(k));
            assertEquals(k & 0xFF, rebuilt.valueByte(k));
        }

        FlatPointerMap presized = new FlatPointerMap(16, 1_000);
        assertEquals(2_048, presized.capacity());
        presized.trim();
        assertEquals(16, presized.capacity(), "trim goes below the constructed size");

        for (int k = 0; k < 1_000; k++) {
            presized.putNew(k);
        }
        presized.clear();
        assertEquals(0, presized.size());
        assertEquals(2_048, presized.capacity(), "clear keeps the arrays");
        assertEquals(-1, presized.valueByte(5));
    }

    /**
     * Max and mean probe length of {@code n} keys {@code keyOf(0..n-1)} in a fresh default-sized table; prints
     * them next to what fastutil's {@code HashCommon.mix} would give the same keys in a table of the same size.
     */
    private static double[] probeStats(String name, int n, IntUnaryOperator keyOf) {
        FlatInlineMap map = new FlatInlineMap(1, 0);
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = keyOf.applyAsInt(i);
            map.putNew(keys[i]);
        }
        assertEquals(n, map.size(), name + ": distinct keys");
        double[] stats = maxAndMean(map.probeLengthCounts());
        double[] fastutil = maxAndMean(fastutilMixProbeCounts(keys, map.capacity()));
        System.out.printf("FlatTableTest probe lengths: %-24s %,9d keys in %,9d slots: max %3d, mean %.3f"
                        + "  (fastutil mix: max %3d, mean %.3f)%n",
                name, n, map.capacity(), (int) stats[0], stats[1], (int) fastutil[0], fastutil[1]);
        return stats;
    }

    private static double[] maxAndMean(int[] counts) {
        long keys = 0;
        long probes = 0;
        for (int p = 1; p < counts.length; p++) {
            keys += counts[p];
            probes += (long) p * counts[p];
        }
        return new double[] {counts.length - 1, (double) probes / keys};
    }

    /** The same linear probing, from {@code HashCommon.mix(key) & mask} (fastutil's home slot). */
    private static int[] fastutilMixProbeCounts(int[] keys, int capacity) {
        int[] table = new int[capacity];
        int mask = capacity - 1;
        int[] counts = new int[capacity + 1];
        int max = 0;
        for (int key : keys) {
            if (key != 0) {
                int pos = HashCommon.mix(key) & mask;
                int probe = 1;
                while (table[pos] != 0) {
                    pos = (pos + 1) & mask;
                    probe++;
                }
                table[pos] = key;
                counts[probe]++;
                max = Math.max(max, probe);
            }
        }
        return java.util.Arrays.copyOf(counts, max + 1);
    }

    /** {@code n} distinct nonzero keys from a fixed seed: what linear probing gives with a perfect hash. */
    private static double[] randomKeyStats(int n) {
        int[] keys = new SplittableRandom(n).ints().filter(k -> k != 0).distinct().limit(n).toArray();
        return probeStats("random", n, i -> keys[i]);
    }

    /**
     * Structured key sets (the benchmarks' sequential keys, strides, grids) must probe no worse than random keys
     * at the same load: a hash that only masks low bits would put stride 2^21 in one run of 1,000, and
     * fastutil's mix gives power-of-two strides means of 5 to 9 (printed alongside).
     */
    @Test
    void structuredKeysProbeLikeRandomOnes() {
        double[] random1M = randomKeyStats(1_000_000);
        double[] random65k = randomKeyStats(1 << 16);
        double[] random1k = randomKeyStats(1_000);
        double[] randomFull = randomKeyStats(1_572_864);
        double[] sequential = probeStats("sequential 0..999,999", 1_000_000, i -> i);
        assertLikeRandom(sequential, random1M);
        assertLikeRandom(probeStats("negative sequential", 1_000_000, i -> -i), random1M);
        assertLikeRandom(probeStats("stride 3", 1_000_000, i -> i * 3), random1M);
        assertLikeRandom(probeStats("stride 2^4", 1_000_000, i -> i << 4), random1M);
        assertLikeRandom(probeStats("stride 2^7", 1_000_000, i -> i << 7), random1M);
        assertLikeRandom(probeStats("stride 1000", 1_000_000, i -> i * 1000), random1M);
        assertLikeRandom(probeStats("grid (i/1000)<<16 | i%1000", 1_000_000, i -> (i / 1000) << 16 | i % 1000), random1M);
        assertLikeRandom(probeStats("stride 2^16", 1 << 16, i -> i << 16), random65k);
        assertLikeRandom(probeStats("stride 2^21", 1_000, i -> i << 21), random1k);
        assertLikeRandom(probeStats("sequential, load 3/4", 1_572_864, i -> i), randomFull);

        // The seed's workload, pinned tight: Fibonacci hashing spreads consecutive keys almost evenly.
        assertTrue(sequential[0] <= 4, "1M sequential keys: max probe " + sequential[0]);
        assertTrue(sequential[1] <= 1.3, "1M sequential keys: mean probe " + sequential[1]);
    }

    private static void assertLikeRandom(double[] structured, double[] random) {
        assertTrue(structured[0] <= 2 * random[0], "max probe " + structured[0] + ", random keys " + random[0]);
        assertTrue(structured[1] <= 1.1 * random[1], "mean probe " + structured[1] + ", random keys " + random[1]);
    }
}
