package dev.mapleak.bench;

import dev.mapleak.lifecycle.History;
import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.lifecycle.Strategy;
import dev.mapleak.measure.JolFootprint;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jol.vm.VM;

import java.util.Arrays;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three histories are what they claim: the same live entries, different pasts, and JOL sees the past. */
class HistoryTest {

    @Test
    void filledEntriesUndoTheDeleteFraction() {
        assertEquals(1_000_000, History.filledEntries(10_000, 0.99)); // the 1M -> 10k
        assertEquals(2_000, History.filledEntries(1_000, 0.5));
        assertEquals(1_000, History.filledEntries(1_000, 0.0));
        assertEquals(100_000, History.filledEntries(1_000, 0.99));
    }

    @Test
    void aHistoryNeedsLiveEntriesAndAFractionBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> History.filledEntries(1_000, 1.0));
        assertThrows(IllegalArgumentException.class, () -> History.filledEntries(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> History.filledEntries(1_000, -0.1));
        // 100M live entries at 0.99 would need 10G keys.
        assertThrows(IllegalArgumentException.class, () -> History.filledEntries(100_000_000, 0.99));
    }

    @Test
    void reclaimIsTheLibrarysOwnShrinkWhereThereIsOne() {
        // From the adapters' supportsTrim: fastutil trim(), Eclipse compact(); java.util and HPPC have none.
        assertEquals(Strategy.TRIM, History.reclaimFor(Subject.FASTUTIL));
        assertEquals(Strategy.TRIM, History.reclaimFor(Subject.ECLIPSE));
        assertEquals(Strategy.REBUILD, History.reclaimFor(Subject.JDK_HASH_MAP));
        assertEquals(Strategy.REBUILD, History.reclaimFor(Subject.HPPC));
        for (Subject s : Subject.values()) {
            assertEquals(s.supportsTrim() ? Strategy.TRIM : Strategy.REBUILD, History.reclaimFor(s), s.name());
        }
    }

    /** Every history of every subject holds exactly the last {@code entries} keys, each with its putNew value. */
    @ParameterizedTest
    @EnumSource(Subject.class)
    void everyHistoryHoldsTheSameLiveEntries(Subject subject) {
        for (KeyOrder order : KeyOrder.values()) {
            int entries = 100;
            int[] insertion = order.keys(History.filledEntries(entries, 0.9));
            assertEquals(1_000, insertion.length);
            int[] live = Arrays.copyOfRange(insertion, 900, 1_000);
            for (History history : History.values()) {
                SubjectMap map = history.build(subject, 128, insertion, entries);
                String what = subject + " " + order + " " + history;
                assertEquals(entries, map.size(), what);
                TreeSet<Integer> seen = new TreeSet<>();
                map.forEachKey(seen::add);
                assertEquals(sorted(live), seen, what);
                for (int key : live) {
                    assertEquals(key & 0xFF, map.valueByte(key), what + " key " + key);
                }
                for (int i = 0; i < 900; i++) {
                    assertEquals(-1, map.valueByte(insertion[i]), what + " deleted key " + insertion[i]);
                }
            }
        }
    }

    /**
     * HashMap's table only grows: 1,000 live entries left from 100,000 keep the 2^18-slot table that 100,000
     * needed, where a map built with the 1,000 has 2^11 slots (1,000 > 0.75 * 1,024). The rest of the footprint
     * (map object, one node, one Integer and one byte[128] per entry) is the same, so the difference is
     * exactly the extra table slots. REBUILD sizes the copy for 1,000: 2^11 slots again, the FRESH footprint.
     */
    @Test
    void afterDeleteKeepsHashMapsBigTableAndReclaimDropsIt() {
        int entries = 1_000;
        int[] insertion = KeyOrder.SEQUENTIAL.keys(History.filledEntries(entries, 0.99));
        long fresh = jol(History.FRESH, insertion, entries);
        long afterDelete = jol(History.AFTER_DELETE, insertion, entries);
        long reclaimed = jol(History.RECLAIMED, insertion, entries);
        long slot = VM.current().sizeOfField("oop");
        assertEquals(((1 << 18) - (1 << 11)) * slot, afterDelete - fresh);
        assertEquals(fresh, reclaimed);
    }

    /** Whatever the subject, reclaiming never leaves the map bigger than it was after the deletes. */
    @ParameterizedTest
    @EnumSource(Subject.class)
    void reclaimedIsNeverBiggerThanAfterDelete(Subject subject) {
        int[] insertion = KeyOrder.SEQUENTIAL.keys(History.filledEntries(100, 0.99));
        long afterDelete = JolFootprint.bytes(History.AFTER_DELETE.build(subject, 128, insertion, 100).footprintRoot());
        long reclaimed = JolFootprint.bytes(History.RECLAIMED.build(subject, 128, insertion, 100).footprintRoot());
        assertTrue(reclaimed <= afterDelete, subject + ": reclaimed " + reclaimed + " > after delete " + afterDelete);
    }

    private static long jol(History history, int[] insertion, int entries) {
        return JolFootprint.bytes(history.build(Subject.JDK_HASH_MAP, 128, insertion, entries).footprintRoot());
    }

    private static TreeSet<Integer> sorted(int[] keys) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int k : keys) {
            set.add(k);
        }
        return set;
    }
}
