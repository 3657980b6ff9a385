package dev.mapleak.bench;

import dev.mapleak.folder.Storage;
import dev.mapleak.lifecycle.Churn;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Warmup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        ChurnBenchmark.RollingMap s = rollingMap(subject, 400, 3);
        s.startAndRoll();
        assertEquals(400 + 3 * 400, s.next);
        assertEquals(window(1_200, 400), keys(s.map), subject.name());
        s.measureAndRelease(); // the recorder is not armed: checks the size, records nothing
        assertNull(s.map);
    }

    /**
     * The rule "churn performs exactly the stated number of operations": one invocation of the timed
     * method is exactly {@link ChurnBenchmark#ROLLOVERS_PER_SHOT} put-new calls and as many removes, counted on
     * the map itself, and it is what JMH divides the shot by ({@code @OperationsPerInvocation}).
     */
    @ParameterizedTest
    @EnumSource(value = Subject.class, names = {"JDK_HASH_MAP", "ECLIPSE", "GO_HYBRID"})
    void oneShotIsExactlyTheStatedNumberOfRollovers(Subject subject) {
        ChurnBenchmark.RollingMap s = rollingMap(subject, 1_000, 4);
        s.startAndRoll();
        CountingMap counted = new CountingMap(s.map);
        s.map = counted;
        int before = s.next;
        int returned = new ChurnBenchmark().rollOver(s);
        assertEquals(ChurnBenchmark.ROLLOVERS_PER_SHOT, counted.putNews, subject.name());
        assertEquals(ChurnBenchmark.ROLLOVERS_PER_SHOT, counted.removes, subject.name());
        assertEquals(0, counted.others, subject.name());
        assertEquals(before + ChurnBenchmark.ROLLOVERS_PER_SHOT, s.next);
        assertEquals(s.next, returned);
        assertEquals(window(s.next - 1_000, 1_000), keys(s.map), subject.name());
    }

    @Test
    void jmhDividesTheShotByTheRolloversItTimesAndTimesOneShot() throws NoSuchMethodException {
        assertEquals(ChurnBenchmark.ROLLOVERS_PER_SHOT, ChurnBenchmark.class.getAnnotation(OperationsPerInvocation.class).value());
        assertEquals(1_000_000, ChurnBenchmark.ROLLOVERS_PER_SHOT, "the profile's description and the report caption say 1,000,000");
        assertArrayEquals(new Mode[] {Mode.SingleShotTime}, ChurnBenchmark.class.getAnnotation(BenchmarkMode.class).value());
        assertEquals(1, ChurnBenchmark.class.getAnnotation(Measurement.class).batchSize());
        assertEquals(1, ChurnBenchmark.class.getAnnotation(Warmup.class).batchSize());
        ChurnBenchmark.RollingMap.checkOneShot(Mode.SingleShotTime, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnBenchmark.RollingMap.checkOneShot(Mode.AverageTime, 1));
        assertTrue(e.getMessage().contains("SingleShotTime"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChurnBenchmark.RollingMap.checkOneShot(Mode.SingleShotTime, 10));
    }

    /** One round in 4 parts samples 4 times, the parts adding up to exactly one window even when 4 does not divide it. */
    @Test
    void samplingRollsExactlyOneRoundAndSamplesAtEachDepth() {
        CountingMap map = new CountingMap(Churn.start(Subject.FASTUTIL.create(16), 10));
        List<Integer> sizesSeen = new ArrayList<>();
        List<Integer> removesSeen = new ArrayList<>();
        int next = Churn.rollSampling(map, 10, 10, 4, m -> {
            sizesSeen.add(m.size());
            removesSeen.add(map.removes);
        });
        assertEquals(20, next);
        assertEquals(List.of(2, 5, 7, 10), removesSeen); // 10 * d / 4, rounded down
        assertEquals(List.of(10, 10, 10, 10), sizesSeen);
        assertThrows(IllegalArgumentException.class, () -> Churn.rollSampling(map, 20, 10, 0, m -> { }));
        assertThrows(IllegalArgumentException.class, () -> Churn.rollSampling(map, 20, 10, 11, m -> { }));
    }

    /** The footprint's min and max start from the last state's reading and take every sample. */
    @Test
    void cycleFootprintKeepsTheSmallestAndLargest() {
        ChurnBenchmark.CycleFootprint f = new ChurnBenchmark.CycleFootprint();
        f.add(300, OptionalDouble.empty());
        f.add(100, OptionalDouble.empty());
        f.add(200, OptionalDouble.empty());
        assertEquals(100, f.jolMin);
        assertEquals(300, f.jolMax);
        assertEquals(3, f.samples);
        assertTrue(f.goMin > f.goMax, "no Go figure without GO_HYBRID");
        f.add(250, OptionalDouble.of(4096));
        f.add(250, OptionalDouble.of(8192));
        assertEquals(4096, f.goMin);
        assertEquals(8192, f.goMax);
    }

    @Test
    void aLostEntryStopsTheChurn() {
        SubjectMap map = Churn.start(Subject.JDK_HASH_MAP.create(16), 10);
        map.remove(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Churn.roll(map, 10, 10, 10));
        assertTrue(e.getMessage().contains("key 3"), e.getMessage());
    }

    private static ChurnBenchmark.RollingMap rollingMap(Subject subject, int entries, int rounds) {
        ChurnBenchmark.RollingMap s = new ChurnBenchmark.RollingMap();
        s.subject = subject;
        s.valueSize = 64;
        s.entries = entries;
        s.rounds = rounds;
        s.depths = 4;
        return s;
    }

    /** Counts the calls a churn makes; any other call than putNew, remove and size is counted as {@code others}. */
    static final class CountingMap implements SubjectMap {
        final SubjectMap map;
        long putNews;
        int removes;
        long others;

        CountingMap(SubjectMap map) {
            this.map = map;
        }

        @Override public int valueSize() { others++; return map.valueSize(); }
        @Override public Storage storage() { others++; return map.storage(); }
        @Override public void put(int key, byte[] value) { others++; map.put(key, value); }
        @Override public void putNew(int key) { putNews++; map.putNew(key); }
        @Override public int valueByte(int key) { others++; return map.valueByte(key); }
        @Override public byte[] get(int key) { others++; return map.get(key); }
        @Override public boolean remove(int key) { removes++; return map.remove(key); }
        @Override public int size() { return map.size(); }
        @Override public void forEachKey(IntConsumer action) { map.forEachKey(action); }
        @Override public SubjectMap rebuild() { others++; return map.rebuild(); }
        @Override public boolean supportsTrim() { others++; return map.supportsTrim(); }
        @Override public void trim() { others++; map.trim(); }
        @Override public void clear() { others++; map.clear(); }
        @Override public Object footprintRoot() { return map.footprintRoot(); }
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
