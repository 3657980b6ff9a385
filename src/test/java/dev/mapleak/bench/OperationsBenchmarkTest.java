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

    private static Set<Integer> liveKeys(OperationsBenchmark.MapWithHistory s) {
        Set<Integer> keys = new HashSet<>();
        s.map.forEachKey(keys::add);
        assertEquals(s.map.size(), keys.size());
        return keys;
    }
}
