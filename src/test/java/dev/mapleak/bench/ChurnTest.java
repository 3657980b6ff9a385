package dev.mapleak.bench;

import dev.mapleak.lifecycle.Churn;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A churn keeps the live size constant and the live keys the latest window, for every subject. */
class ChurnTest {

    @ParameterizedTest
    @EnumSource(Subject.class)
    void sizeStaysConstantAndTheWindowRolls(Subject subject) {
        int window = 500;
        SubjectMap map = Churn.start(subject.create(128), window);
        assertEquals(window, map.size());
        int next = window;
        for (int step = 0; step < 5 * window; step++) {
            assertTrue(Churn.step(map, next++, window), subject + ": the oldest key was not there at step " + step);
            assertEquals(window, map.size(), subject + " after step " + step);
        }
        assertEquals(window(next - window, window), keys(map), subject.name());
        for (int key = next - window; key < next; key++) {
            assertEquals(key & 0xFF, map.valueByte(key), subject + " key " + key);
        }
    }

    @ParameterizedTest
    @EnumSource(Subject.class)
    void theBenchmarksIterationStateHasChurnedAndHoldsTheWindow(Subject subject) {
        ChurnBenchmark.RollingMap s = new ChurnBenchmark.RollingMap();
        s.subject = subject;
        s.valueSize = 64;
        s.entries = 400;
        s.rounds = 3;
        s.startAndRoll();
        assertEquals(400 + 3 * 400, s.next);
        assertEquals(window(1_200, 400), keys(s.map), subject.name());
        ChurnBenchmark bench = new ChurnBenchmark();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(bench.rollOver(s));
        }
        assertEquals(window(2_200, 400), keys(s.map), subject.name());
        s.measureAndRelease(); // the recorder is not armed: checks the size, records nothing
        assertNull(s.map);
    }

    @Test
    void keysWrapAroundIntWithoutColliding() {
        SubjectMap map = Subject.FASTUTIL.create(16);
        int window = 10;
        int first = Integer.MAX_VALUE - 4;
        for (int i = 0; i < window; i++) {
            map.putNew(first - window + i);
        }
        int next = Churn.roll(map, first, 10, window);
        assertEquals(Integer.MIN_VALUE + 5, next);
        TreeSet<Integer> expected = new TreeSet<>();
        for (int k = first; k != next; k++) {
            expected.add(k);
        }
        assertEquals(expected, keys(map));
    }

    @Test
    void aWindowNeedsAKey() {
        assertThrows(IllegalArgumentException.class, () -> Churn.start(Subject.FASTUTIL.create(16), 0));
    }

    private static TreeSet<Integer> window(int from, int size) {
        TreeSet<Integer> keys = new TreeSet<>();
        for (int k = from; k < from + size; k++) {
            keys.add(k);
        }
        return keys;
    }

    private static TreeSet<Integer> keys(SubjectMap map) {
        TreeSet<Integer> keys = new TreeSet<>();
        map.forEachKey(keys::add);
        assertEquals(map.size(), keys.size());
        return keys;
    }
}
