package dev.mapleak.subject.flat;

import dev.mapleak.folder.Storage;
import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both flat maps against {@code java.util.HashMap<Integer, byte[]>} on long random operation sequences (fixed
 * seeds, so a failure replays). The keys mix the cases an open-addressing table gets wrong: key 0 (which
 * lives outside the table), negative and extreme keys, and keys crafted to share a home slot at every
 * capacity: clusters at slot 0, mid-table and the last slot, whose runs wrap around into slot 0. Phases alternate between
 * filling (growth) and draining (heavy deletion, long backward shifts).
 */
class FlatModelTest {

    private static final int OPS = 200_000;
    /** A full comparison (contents, forEachKey, capacity invariants) every this many operations. */
    private static final int FULL_CHECK_EVERY = 2_000;
    /** Operations per phase; phases alternate fill (to ~3,000 live keys) and drain (to ~100). */
    private static final int PHASE = 25_000;

    static Stream<Arguments> subjects() {
        BiFunction<Integer, Integer, FlatTable<?>> inline = FlatInlineMap::new;
        BiFunction<Integer, Integer, FlatTable<?>> pointer = FlatPointerMap::new;
        return Stream.of(
                Arguments.of("FLAT_INLINE", inline, 1, 11L),
                Arguments.of("FLAT_INLINE", inline, 13, 12L),
                Arguments.of("FLAT_INLINE", inline, 128, 13L),
                Arguments.of("FLAT_POINTER", pointer, 1, 21L),
                Arguments.of("FLAT_POINTER", pointer, 13, 22L),
                Arguments.of("FLAT_POINTER", pointer, 128, 23L));
    }

    /** The multiplicative inverse of {@link FlatTable#PHI} modulo 2^32 (Newton's iteration doubles the bits). */
    static final int INVERSE_PHI = inversePhi();

    private static int inversePhi() {
        int inverse = FlatTable.PHI; // correct to 3 bits for any odd number
        for (int i = 0; i < 4; i++) {
            inverse *= 2 - FlatTable.PHI * inverse;
        }
        assertEquals(1, FlatTable.PHI * inverse);
        return inverse;
    }

    /**
     * {@code count} keys whose {@code key * PHI} starts with the same 22 bits {@code prefix}: they share their home
     * slot in every table of up to 2^22 slots (prefix 0: slot 0; all ones: the last slot, so their run wraps).
     */
    static int[] collidingKeys(int prefix, int count) {
        int[] keys = new int[count];
        for (int j = 0; j < count; j++) {
            int product = (prefix << 10) | (j + 1);
            keys[j] = product * INVERSE_PHI;
            for (int log2 = 4; log2 <= 22; log2++) {
                assertEquals(prefix >>> (22 - log2), FlatTable.home(keys[j], 32 - log2));
            }
        }
        return keys;
    }

    private static int[] keyPool(SplittableRandom random) {
        LinkedHashSet<Integer> pool = new LinkedHashSet<>();
        for (int k = -200; k <= 200; k++) {
            pool.add(k);
        }
        for (int k : new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1}) {
            pool.add(k);
        }
        for (int prefix : new int[] {0, (1 << 22) - 1, 0x2A_AAAA}) {
            for (int k : collidingKeys(prefix, 60)) {
                pool.add(k);
            }
        }
        while (pool.size() < 4_000) {
            pool.add(random.nextInt());
        }
        return pool.stream().mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest(name = "{0} valueSize={2} seed={3}")
    @MethodSource("subjects")
    void behavesLikeHashMap(String name, BiFunction<Integer, Integer, FlatTable<?>> factory, int valueSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] pool = keyPool(random);
        FlatTable<?> map = factory.apply(valueSize, 0);
        Map<Integer, byte[]> model = new HashMap<>();
        // The instance a rebuild left behind and what it held then: it must stay untouched.
        FlatTable<?> rebuiltFrom = null;
        Map<Integer, byte[]> rebuiltFromModel = null;
        int maxCapacitySeen = map.capacity();

        for (int op = 0; op < OPS; op++) {
            boolean filling = (op / PHASE) % 2 == 0;
            int key = pool[random.nextInt(pool.length)];
            int dice = random.nextInt(10_000);
            int capacityBefore = map.capacity();
            String where = name + " op " + op + " key " + key;

            if (dice < 5) {
                map.trim();
                assertEquals(FlatTable.capacityFor(model.size()), map.capacity(), where + ": trim");
                fullCheck(map, model, where + " after trim");
            } else if (dice < 10) {
                rebuiltFrom = map;
                rebuiltFromModel = new HashMap<>(model);
                map = (FlatTable<?>) map.rebuild();
                assertNotSame(rebuiltFrom, map);
                assertEquals(FlatTable.capacityFor(model.size()), map.capacity(), where + ": rebuild");
                fullCheck(map, model, where + " after rebuild");
            } else if (dice < 12) {
                map.clear();
                model.clear();
                assertEquals(capacityBefore, map.capacity(), where + ": clear keeps the arrays");
                fullCheck(map, model, where + " after clear");
            } else if (dice < (filling ? 3_500 : 100)) {
                byte[] value = new byte[valueSize];
                random.nextBytes(value);
                map.put(key, value);
                model.put(key, value);
            } else if (dice < (filling ? 6_000 : 200)) {
                map.putNew(key);
                byte[] value = new byte[valueSize];
                value[0] = (byte) key;
                assertArrayEquals(value, map.get(key), where + ": putNew");
                // A POINTER map made its own array: the model holds that one, so later gets can check identity.
                model.put(key, map.storage() == Storage.POINTER ? map.get(key) : value);
            } else if (dice < (filling ? 7_500 : 9_200)) {
                assertEquals(model.remove(key) != null, map.remove(key), where + ": remove");
                assertEquals(capacityBefore, map.capacity(), where + ": remove never shrinks");
            } else if (dice < (filling ? 8_800 : 9_600)) {
                byte[] expected = model.get(key);
                byte[] actual = map.get(key);
                assertArrayEquals(expected, actual, where + ": get");
                if (expected != null && map.storage() == Storage.POINTER) {
                    assertSame(expected, actual, where + ": a POINTER map keeps the caller's array");
                }
            } else {
                byte[] expected = model.get(key);
                assertEquals(expected == null ? -1 : expected[0] & 0xFF, map.valueByte(key), where + ": valueByte");
            }

            assertEquals(model.size(), map.size(), where + ": size");
            maxCapacitySeen = Math.max(maxCapacitySeen, map.capacity());
            if (op % FULL_CHECK_EVERY == 0) {
                fullCheck(map, model, where);
                if (rebuiltFrom != null) {
                    fullCheck(rebuiltFrom, rebuiltFromModel, where + " (the instance rebuild copied)");
                }
            }
        }
        fullCheck(map, model, name + " at the end");
        assertTrue(maxCapacitySeen >= 4_096, "the sequence must grow the table several times, reached " + maxCapacitySeen);
    }

    /** Contents, forEachKey and the capacity invariants. */
    static void fullCheck(FlatTable<?> map, Map<Integer, byte[]> model, String where) {
        assertEquals(model.size(), map.size(), where + ": size");
        List<Integer> visited = new ArrayList<>();
        map.forEachKey(visited::add);
        assertEquals(model.size(), visited.size(), where + ": forEachKey visits each key once");
        assertEquals(model.keySet(), new java.util.HashSet<>(visited), where + ": forEachKey keys");
        for (Map.Entry<Integer, byte[]> e : model.entrySet()) {
            assertArrayEquals(e.getValue(), map.get(e.getKey()), where + ": value of " + e.getKey());
            assertEquals(e.getValue()[0] & 0xFF, map.valueByte(e.getKey()), where + ": valueByte of " + e.getKey());
        }
        int capacity = map.capacity();
        assertEquals(1, Integer.bitCount(capacity), where + ": capacity " + capacity + " is a power of two");
        assertTrue(capacity >= FlatTable.MIN_CAPACITY, where + ": capacity at least the minimum");
        assertTrue(map.size() <= capacity * FlatTable.LOAD_FACTOR, where + ": load at most 3/4");
        int[] counts = map.probeLengthCounts();
        assertEquals(model.size() - (model.containsKey(0) ? 1 : 0), Arrays.stream(counts).sum(),
                where + ": keys in the table");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void collidingKeysWrapAroundAndShiftBack(String name, BiFunction<Integer, Integer, FlatTable<?>> factory,
                                             int valueSize, long seed) {
        // 900 keys, all homed on the last slot: one run that wraps around the end of a 2,048-slot table.
        int[] keys = collidingKeys((1 << 22) - 1, 900);
        FlatTable<?> map = factory.apply(valueSize, 0);
        Map<Integer, byte[]> model = new HashMap<>();
        for (int k : keys) {
            map.putNew(k);
            byte[] v = new byte[valueSize];
            v[0] = (byte) k;
            model.put(k, v);
        }
        assertEquals(2048, map.capacity());
        assertEquals(keys.length, map.probeLengthCounts().length - 1, "one run: the last key probes 900 slots");
        SplittableRandom random = new SplittableRandom(seed);
        // Remove from the middle of the run, in random order, checking that everything else stays reachable.
        List<Integer> order = new ArrayList<>();
        for (int k : keys) {
            order.add(k);
        }
        java.util.Collections.shuffle(order, new java.util.Random(random.nextLong()));
        for (int i = 0; i < order.size(); i++) {
            int k = order.get(i);
            assertTrue(map.remove(k));
            model.remove(k);
            if (i % 100 == 0) {
                fullCheck(map, model, name + " after " + (i + 1) + " removes");
                assertEquals(model.size(), map.probeLengthCounts().length - 1, "the run stays contiguous");
            }
        }
        assertEquals(0, map.size());
        assertEquals(1, map.probeLengthCounts().length, "empty table: no probes");
        assertEquals(2048, map.capacity(), "removing never shrinks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void inlineCopiesAndPointerKeepsReferences(String name, BiFunction<Integer, Integer, FlatTable<?>> factory,
                                               int valueSize, long seed) {
        FlatTable<?> map = factory.apply(valueSize, 0);
        byte[] value = new byte[valueSize];
        Arrays.fill(value, (byte) 7);
        map.put(42, value);
        value[0] = 99;
        byte[] read = map.get(42);
        if (map.storage() == Storage.INLINE) {
            assertEquals(7, read[0], "INLINE copied the bytes at put");
            read[0] = 55;
            assertEquals(7, map.valueByte(42), "get returns a copy");
        } else {
            assertSame(value, read);
            assertEquals(99, map.valueByte(42));
        }
        // putNew zeroes the slot in place, whatever was there before.
        map.putNew(42);
        byte[] expected = new byte[valueSize];
        expected[0] = 42;
        assertArrayEquals(expected, map.get(42));
        assertEquals(1, map.size());
        assertNull(map.get(43));
        assertEquals(-1, map.valueByte(43));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void keyZeroLivesOutsideTheTable(String name, BiFunction<Integer, Integer, FlatTable<?>> factory,
                                     int valueSize, long seed) {
        FlatTable<?> map = factory.apply(valueSize, 0);
        assertEquals(-1, map.valueByte(0));
        assertTrue(!map.remove(0));
        map.putNew(0);
        assertEquals(0, map.valueByte(0));
        assertEquals(1, map.size());
        assertEquals(1, map.probeLengthCounts().length, "key 0 takes no table slot");
        // Growth moves key 0's value to the new extra slot.
        for (int k = 1; k <= 100; k++) {
            map.putNew(k);
        }
        assertEquals(256, map.capacity());
        byte[] zero = new byte[valueSize];
        zero[valueSize - 1] = 5;
        map.put(0, zero);
        for (int k = 1; k <= 60; k++) {
            map.remove(k);
        }
        map.trim();
        assertEquals(64, map.capacity(), "41 entries fit 64 slots at load 3/4");
        assertArrayEquals(zero, map.get(0), "trim moved key 0's value to the new extra slot");
        assertTrue(map.remove(0));
        assertNull(map.get(0));
        assertEquals(40, map.size());
    }
}
