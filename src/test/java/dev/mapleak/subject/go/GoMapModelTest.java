package dev.mapleak.subject.go;

import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model-based tests: long random operation sequences (fixed seeds) run against {@link GoMap} and against
 * {@code java.util.HashMap<Integer, byte[]>}, which must agree after every operation, while
 * {@link GoMapInvariants} checks Go's structural rules along the way. Separate scenarios force the
 * interesting paths: crafted bucket collisions (overflow chains, emptyRest across overflow buckets),
 * deletes and inserts during incremental growth, same-size growth from churn, and key patterns that a weak
 * hash would cluster.
 */
class GoMapModelTest {

    /** Drives one GoMap and its HashMap model through the same operations. */
    private static final class Harness {
        GoMap map;
        final Map<Integer, byte[]> model = new HashMap<>();
        final SplittableRandom random;
        final int valueSize;
        long opsWhileGrowing;
        long deletesWhileGrowing;
        boolean sawSameSizeGrow;

        Harness(GoMap map, long seed) {
            this.map = map;
            this.valueSize = map.valueSize();
            this.random = new SplittableRandom(seed);
        }

        void put(int key) {
            byte[] value = new byte[valueSize];
            random.nextBytes(value);
            observeGrowth();
            map.put(key, value);
            model.put(key, value.clone());
            assertEquals(model.size(), map.size());
        }

        void putNew(int key) {
            observeGrowth();
            map.putNew(key);
            byte[] value = new byte[valueSize];
            value[0] = (byte) key;
            model.put(key, value);
            assertEquals(model.size(), map.size());
        }

        void remove(int key) {
            if (map.growing()) {
                deletesWhileGrowing++;
            }
            observeGrowth();
            assertEquals(model.remove(key) != null, map.remove(key), "remove " + key);
            assertEquals(model.size(), map.size());
        }

        void get(int key) {
            byte[] expected = model.get(key);
            byte[] actual = map.get(key);
            if (expected == null) {
                assertNull(actual, "get " + key);
                assertEquals(-1, map.valueByte(key), "valueByte " + key);
            } else {
                assertArrayEquals(expected, actual, "get " + key);
                assertEquals(expected[0] & 0xFF, map.valueByte(key), "valueByte " + key);
            }
        }

        void clear() {
            map.clear();
            model.clear();
            assertEquals(0, map.size());
        }

        /** The REBUILD strategy: the copy must hold everything, the original must be untouched. */
        void rebuildAndSwitch(boolean switchToCopy) {
            GoMap copy = (GoMap) map.rebuild();
            assertAllEqual(copy);
            assertAllEqual(map);
            GoMapInvariants.check(copy);
            if (switchToCopy) {
                map = copy;
            }
        }

        void observeGrowth() {
            if (map.growing()) {
                opsWhileGrowing++;
                sawSameSizeGrow |= map.sameSizeGrow();
            }
        }

        void assertAllEqual(GoMap m) {
            assertEquals(model.size(), m.size());
            int[] seen = {0};
            m.forEachKey(k -> {
                assertTrue(model.containsKey(k), "forEachKey gave absent key " + k);
                seen[0]++;
            });
            assertEquals(model.size(), seen[0], "forEachKey visits every key once");
            for (Map.Entry<Integer, byte[]> e : model.entrySet()) {
                assertArrayEquals(e.getValue(), m.get(e.getKey()), "value of " + e.getKey());
            }
        }

        void check() {
            GoMapInvariants.check(map);
            assertAllEqual(map);
        }
    }

    @ParameterizedTest(name = "valueSize {0}, threshold {1}, hint {2}, seed {3}")
    @CsvSource({
        "5, 128, 0, 1",     // inline
        "5, 4, 0, 2",       // indirect (pointer)
        "128, 128, 0, 3",   // the seed's inline [128]byte
        "129, 128, 0, 4",   // one byte over: indirect
        "7, 128, 3000, 5",  // sized up front
    })
    void randomOperationsAgreeWithHashMap(int valueSize, int threshold, int hint, long seed) {
        Harness h = new Harness(new GoMap(valueSize, hint, threshold), seed);
        SplittableRandom r = h.random;
        int keyRange = 4000;
        for (int op = 1; op <= 150_000; op++) {
            int key = r.nextInt(keyRange) - keyRange / 4; // negatives too
            int dice = r.nextInt(1000);
            if (dice < 300) {
                h.putNew(key);
            } else if (dice < 450) {
                h.put(key);
            } else if (dice < 700) {
                h.remove(key);
            } else if (dice < 998) {
                h.get(key);
            } else if (dice < 999) {
                h.rebuildAndSwitch(r.nextBoolean());
            } else if (r.nextInt(8) == 0) {
                h.clear();
            }
            if (op % 2_500 == 0) {
                h.check();
            }
            // Phases: sometimes drain most keys (B must not drop), sometimes grow the key range.
            if (op % 50_000 == 0) {
                int before = h.map.bucketShift();
                for (int k = -keyRange; k < keyRange; k++) {
                    if (r.nextInt(10) != 0) {
                        h.remove(k);
                    }
                }
                assertEquals(before, h.map.bucketShift(), "B never decreases");
                h.check();
                keyRange *= 2;
            }
        }
        h.check();
        assertTrue(h.opsWhileGrowing > 0, "some operations ran during an incremental grow");
    }

    /** Keys whose hash (for the map's current seed) has the given low bits: they share a bucket for every B &le; bits. */
    static List<Integer> keysInBucket(GoMap m, int bits, int target, int n, int from) {
        List<Integer> keys = new ArrayList<>();
        long mask = (1L << bits) - 1;
        for (int k = from; keys.size() < n; k++) {
            if ((m.hasher(k) & mask) == target) {
                keys.add(k);
            }
        }
        return keys;
    }

    @ParameterizedTest(name = "threshold {0}")
    @CsvSource({"128", "0"})
    void collidingKeysBuildOverflowChainsAndDeleteAcrossThem(int threshold) {
        GoMap m = new GoMap(3, 0, threshold);
        Harness h = new Harness(m, 11);
        h.putNew(-1); // an anchor that stays, so count never reaches 0 (which would reseed the hash)
        List<Integer> colliding = keysInBucket(m, 12, m.hasher(-1) == 0 ? 1 : 0, 70, 0);
        // Also keys sharing the bucket AND the tophash, so lookups must compare keys, not just tophash.
        byte top = GoMap.tophash(m.hasher(colliding.get(0)));
        List<Integer> sameTop = new ArrayList<>();
        for (int k = colliding.get(colliding.size() - 1) + 1; sameTop.size() < 12; k++) {
            long hash = m.hasher(k);
            if ((hash & 0xFFF) == (m.hasher(colliding.get(0)) & 0xFFF) && GoMap.tophash(hash) == top) {
                sameTop.add(k);
            }
        }
        List<Integer> all = new ArrayList<>(colliding);
        all.addAll(sameTop);
        SplittableRandom r = new SplittableRandom(12);
        for (int round = 0; round < 40; round++) {
            for (int k : all) {
                if (r.nextBoolean()) {
                    h.putNew(k);
                } else {
                    h.put(k);
                }
                GoMapInvariants.check(h.map);
            }
            assertTrue(h.map.bucketShift() <= 12, "B small enough for the crafted keys to collide");
            assertTrue(h.map.overflowBuckets() >= (all.size() + 1) / 8 - 1,
                    "a chain of overflow buckets: " + h.map.overflowBuckets());
            // delete in a random order, checking emptyRest marking through the chain at every step
            List<Integer> order = new ArrayList<>(all);
            java.util.Collections.shuffle(order, new java.util.Random(round));
            for (int k : order.subList(0, order.size() - r.nextInt(10))) {
                h.remove(k);
                h.get(k);
                GoMapInvariants.check(h.map);
            }
            for (int k : all) {
                h.get(k);
            }
        }
        h.check();
    }

    @ParameterizedTest(name = "threshold {0}")
    @CsvSource({"128", "0"})
    void deletesAndInsertsDuringIncrementalGrowth(int threshold) {
        Harness h = new Harness(new GoMap(9, 0, threshold), 21);
        SplittableRandom r = h.random;
        int next = 0;
        for (int target = 5; target <= 15; target++) {
            // fill until the map starts growing into B = target
            // small grows finish within the insert that starts them
            while (h.map.bucketShift() < target) {
                h.putNew(next++);
            }
            // now mix deletes of old keys, inserts of new ones, and lookups while evacuation is incremental;
            // the full invariant walk is O(table), so it runs about 16 times per grow
            int checkEvery = Math.max(16, (1 << target) / 32);
            long ops = 0;
            while (h.map.growing()) {
                int dice = r.nextInt(3);
                if (dice == 0) {
                    h.remove(r.nextInt(next));
                } else if (dice == 1) {
                    h.putNew(next++);
                } else {
                    h.get(r.nextInt(next + 10));
                }
                if (++ops % checkEvery == 0) {
                    GoMapInvariants.check(h.map);
                    assertTrue(h.map.goRuntimeBytes() > 0);
                }
            }
            h.check();
        }
        assertTrue(h.deletesWhileGrowing > 1_000, "deletes during growth: " + h.deletesWhileGrowing);
    }

    /**
     * Same-size growth: give many buckets an overflow bucket and empty them again (keeping one anchor entry),
     * so the load stays low while noverflow reaches 2^B; the next new key then grows "laterally".
     */
    @ParameterizedTest(name = "threshold {0}")
    @CsvSource({"128", "0"})
    void tooManyOverflowBucketsTriggersSameSizeGrowth(int threshold) {
        GoMap m = new GoMap(4, 100, threshold); // B = 4
        assertEquals(4, m.bucketShift());
        Harness h = new Harness(m, 31);
        h.putNew(-7); // anchor: count never returns to 0, so the seed stays
        int next = 0;
        for (int bucket = 0; bucket < 16 && !m.growing(); bucket++) {
            List<Integer> keys = keysInBucket(m, 4, bucket, 9, next);
            next = keys.get(keys.size() - 1) + 1;
            for (int k : keys) {
                if (k != -7) {
                    h.putNew(k);
                }
            }
            for (int k : keys) {
                if (k != -7 && !m.growing()) {
                    h.remove(k);
                }
            }
            GoMapInvariants.check(m);
        }
        long overflowBefore = m.overflowBuckets();
        h.putNew(1_000_000); // the insert that notices tooManyOverflowBuckets
        assertTrue(m.growing() && m.sameSizeGrow(), "same-size growth started");
        assertEquals(4, m.bucketShift(), "same size");
        while (m.growing()) {
            h.putNew(next++);
            h.remove(next - 1);
            GoMapInvariants.check(m);
        }
        assertTrue(m.overflowBuckets() < overflowBefore,
                "evacuation compacted the chains: " + overflowBefore + " -> " + m.overflowBuckets());
        h.check();
    }

    /** Random churn over a steady working set: overflow buckets accumulate until a same-size grow. */
    @ParameterizedTest(name = "threshold {0}")
    @CsvSource({"128", "0"})
    void churnCreatesOverflowBucketsAndSameSizeGrowth(int threshold) {
        Harness h = new Harness(new GoMap(6, 0, threshold), 41);
        ArrayDeque<Integer> live = new ArrayDeque<>();
        SplittableRandom r = h.random;
        int next = 0;
        for (int i = 0; i < 600; i++) { // 600 keys: B = 7 (6.5 * 128 = 832), about 4.7 per bucket
            h.putNew(next);
            live.add(next++);
        }
        for (int op = 0; op < 400_000 && !h.sawSameSizeGrow; op++) {
            // FIFO churn with a working set that drifts between ~560 and ~640
            if (live.size() > 560 && (r.nextBoolean() || live.size() > 640)) {
                h.remove(live.poll());
            } else {
                h.putNew(next);
                live.add(next++);
            }
            if (op % 4_096 == 0) {
                GoMapInvariants.check(h.map);
            }
        }
        assertTrue(h.sawSameSizeGrow, "churn led to a same-size grow");
        assertEquals(7, h.map.bucketShift(), "B stayed at 7");
        h.check();
    }

    @Test
    void sequentialAndStridedKeysDoNotCluster() {
        // strides stay below 2^31 / 26,000 so that all 26,000 keys are distinct ints
        for (int stride : new int[] {1, 2, 8, 1 << 12, 1 << 16, 0x9E37, -1}) {
            GoMap m = new GoMap(1, 26_000, 128); // B = 12: 4096 buckets, load ~6.3 per bucket
            assertEquals(12, m.bucketShift());
            for (int i = 0; i < 26_000; i++) {
                m.putNew(i * stride);
            }
            assertEquals(26_000, m.size());
            int[] loads = new int[4096];
            m.forEachEntry((b, cell) -> loads[(int) (m.hasher(b.keys[cell]) & 4095)]++);
            int max = Arrays.stream(loads).max().getAsInt();
            long empty = Arrays.stream(loads).filter(l -> l == 0).count();
            // Poisson(6.35): P(0) = 0.17% (~7 buckets), P(> 20) is about 1e-5.
            assertTrue(max <= 20, "stride " + stride + ": max bucket load " + max);
            assertTrue(empty <= 30, "stride " + stride + ": empty buckets " + empty);
            // P(X > 8) = 21% of buckets need an overflow bucket at this load (map.go's table: 20.90% at 6.5)
            assertTrue(m.overflowBuckets() > 500 && m.overflowBuckets() < 1200,
                    "stride " + stride + ": overflow buckets " + m.overflowBuckets());
            GoMapInvariants.check(m);
        }
    }

    @Test
    void pointerStorageKeepsTheCallersArrayAndDeleteDropsIt() {
        GoMap m = new GoMap(129, 0);
        byte[] v = new byte[129];
        m.put(5, v);
        assertSame(v, m.get(5));
        assertSame(v, m.valueRef(5));
        m.remove(5);
        GoMapInvariants.check(m);
    }
}
