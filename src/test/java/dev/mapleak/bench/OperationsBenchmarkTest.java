package dev.mapleak.bench;

import dev.mapleak.lifecycle.History;
import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.subject.Subject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's state is what its methods assume: hit keys are live, miss keys are not, and no operation
 * changes the live keys, so every invocation sees the state the history made.
 */
class OperationsBenchmarkTest {

    static OperationsBenchmark.MapWithHistory state(Subject subject, History history, double deleteFraction) {
        OperationsBenchmark.MapWithHistory s = new OperationsBenchmark.MapWithHistory();
        s.subject = subject;
        s.valueSize = 128;
        s.entries = 300;
        s.history = history;
        s.deleteFraction = deleteFraction;
        s.keys = KeyOrder.RANDOM;
        s.build();
        return s;
    }

    @ParameterizedTest
    @EnumSource(Subject.class)
    void hitsHitMissesMissAndNothingChangesTheLiveKeys(Subject subject) {
        OperationsBenchmark bench = new OperationsBenchmark();
        for (History history : History.values()) {
            for (double deleteFraction : new double[] {0.9, 0.0}) {
                OperationsBenchmark.MapWithHistory s = state(subject, history, deleteFraction);
                String what = subject + " " + history + " deleteFraction=" + deleteFraction;
                Set<Integer> live = liveKeys(s);
                assertEquals(300, live.size(), what);
                assertEquals(512, s.hits.length(), what);
                for (int key : s.hits.keys()) {
                    assertTrue(live.contains(key), what + ": hit key " + key + " is not live");
                }
                for (int key : s.misses.keys()) {
                    assertTrue(!live.contains(key), what + ": miss key " + key + " is live");
                }
                for (int i = 0; i < 1_024; i++) { // twice round the cycles
                    assertTrue(bench.getHit(s) >= 0, what);
                    assertEquals(-1, bench.getMiss(s), what);
                    bench.put(s);
                    assertTrue(bench.remove(s), what);
                }
                assertEquals(live, liveKeys(s), what);
                int before = s.keySum.sum;
                int expected = live.stream().mapToInt(Integer::intValue).sum();
                assertEquals(before + expected, bench.iterate(s), what);
            }
        }
    }

    /**
     * Why FLAT_POINTER's put costs many times ECLIPSE's AFTER_DELETE under G1 (FlatTable's class comment): how many
     * of G1's 512-byte cards of the value array hold the 10k live references. A humongous array (8 MiB here) starts
     * at a region start, so slot {@code i} is at byte {@code 16 + 4 * i} (16-byte array header, 4-byte compressed
     * references, JDK 17 defaults; {@code JolSizes}), card {@code (16 + 4 * i) / 512}. Deterministic: the keys come
     * from fixed seeds, and the counts are whatever the hashes do with them.
     */
    @org.junit.jupiter.api.Test
    void afterDeleteFlatPointerSpreadsItsLiveValuesOverCardsWhereEclipsePacksSequentialKeys() throws Exception {
        OperationsBenchmark.MapWithHistory flat = bigState(Subject.FLAT_POINTER, KeyOrder.SEQUENTIAL);
        Object[] flatValues = (Object[]) field(flat.map, "values");
        assertEquals(2_097_153, flatValues.length, "2^21 slots for 1M entries at load 3/4, plus key 0's");
        assertEquals(10_000, cards(flatValues), "one live value per card");

        Object[] eclipseSequential = eclipseValues(bigState(Subject.ECLIPSE, KeyOrder.SEQUENTIAL));
        assertEquals(2_097_152, eclipseSequential.length, "the same table shape");
        assertEquals(79, cards(eclipseSequential), "consecutive keys packed by Eclipse's spread function");

        assertEquals(5_645, cards(eclipseValues(bigState(Subject.ECLIPSE, KeyOrder.RANDOM))), "RANDOM keys spread");
    }

    private static OperationsBenchmark.MapWithHistory bigState(Subject subject, KeyOrder keys) {
        OperationsBenchmark.MapWithHistory s = new OperationsBenchmark.MapWithHistory();
        s.subject = subject;
        s.valueSize = 128;
        s.entries = 10_000;
        s.history = History.AFTER_DELETE;
        s.deleteFraction = 0.99;
        s.keys = keys;
        s.build();
        return s;
    }

    private static Object[] eclipseValues(OperationsBenchmark.MapWithHistory s) throws ReflectiveOperationException {
        return (Object[]) field(field(s.map, "map"), "values");
    }

    private static int cards(Object[] values) {
        Set<Integer> cards = new HashSet<>();
        int live = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                live++;
                cards.add((16 + 4 * i) / 512);
            }
        }
        assertEquals(10_000, live);
        return cards.size();
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(o.getClass() + "." + name);
    }

    private static Set<Integer> liveKeys(OperationsBenchmark.MapWithHistory s) {
        Set<Integer> keys = new HashSet<>();
        s.map.forEachKey(keys::add);
        assertEquals(s.map.size(), keys.size());
        return keys;
    }
}
