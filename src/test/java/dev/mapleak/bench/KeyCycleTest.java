package dev.mapleak.bench;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyCycleTest {

    @Test
    void cycleLengthIsTheNextPowerOfTwo() {
        assertEquals(1, KeyCycle.cycleLength(1));
        assertEquals(2, KeyCycle.cycleLength(2));
        assertEquals(4, KeyCycle.cycleLength(3));
        assertEquals(4, KeyCycle.cycleLength(4));
        assertEquals(16_384, KeyCycle.cycleLength(10_000));
        assertEquals(1 << 20, KeyCycle.cycleLength(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> KeyCycle.cycleLength(0));
    }

    @Test
    void everyKeyOfTheRangeAndNoOtherIsInTheCycle() {
        int[] pool = new int[10_000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = 3 * i;
        }
        KeyCycle cycle = KeyCycle.of(pool, 1_000, 4_000); // 3,000 keys, 4,096 reads
        assertEquals(4_096, cycle.length());
        Set<Integer> seen = new HashSet<>();
        for (int key : cycle.keys()) {
            assertTrue(key >= 3_000 && key < 12_000 && key % 3 == 0, "key " + key);
            seen.add(key);
        }
        assertEquals(3_000, seen.size());
    }

    @Test
    void nextGoesRoundTheCycle() {
        KeyCycle cycle = KeyCycle.of(new int[] {10, 20, 30, 40}, 0, 4);
        int[] order = cycle.keys();
        for (int round = 0; round < 3; round++) {
            for (int key : order) {
                assertEquals(key, cycle.next());
            }
        }
    }

    @Test
    void theOrderIsShuffledButTheSameEveryTime() {
        int[] pool = new int[1_024];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        int[] a = KeyCycle.of(pool, 0, pool.length).keys();
        int[] b = KeyCycle.of(pool, 0, pool.length).keys();
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        int inPlace = 0;
        for (int i = 0; i < a.length; i++) {
            inPlace += a[i] == i ? 1 : 0;
        }
        assertTrue(inPlace < 20, inPlace + " of 1024 keys in insertion order: not shuffled");
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyCycle.of(new int[] {1, 2}, 1, 1));
    }
}
