package dev.mapleak.subject.go;

import dev.mapleak.folder.Storage;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Go's sizing and storage rules, checked against numbers worked out by hand from runtime/map.go. */
class GoMapPolicyTest {

    @Test
    void oneMillionSequentialInsertsEndAtB18() {
        GoMap m = new GoMap(1, 0);
        for (int i = 0; i < 1_000_000; i++) {
            m.putNew(i);
        }
        // 13 * 2^17 / 2 = 851,968 < 1M <= 13 * 2^18 / 2 = 1,703,936
        assertEquals(18, m.bucketShift());
        assertEquals(1L << 18, m.bucketCount());
        assertFalse(m.growing(), "the last grow finished long before the 1,000,000th insert");
        assertEquals(1_000_000, m.size());
        GoMapInvariants.check(m);
    }

    @Test
    void makeHintOfOneMillionAlsoGivesB18() {
        GoMap m = new GoMap(1, 1_000_000);
        assertEquals(18, m.bucketShift());
        for (int i = 0; i < 1_000_000; i++) {
            m.putNew(i);
        }
        assertEquals(18, m.bucketShift(), "a sized map never grows");
        assertFalse(m.growing());
    }

    @ParameterizedTest(name = "hint {0} -> B {1}")
    @CsvSource({"0, 0", "1, 0", "8, 0", "9, 1", "13, 1", "14, 2", "26, 2", "27, 3", "52, 3", "53, 4",
            "104, 4", "105, 5", "851968, 17", "851969, 18", "1703936, 18", "1703937, 19"})
    void makemapPicksTheSmallestBNotOverTheLoadFactor(int hint, int b) {
        assertEquals(b, new GoMap(1, hint).bucketShift());
    }

    @Test
    void growthHappensAtTheLoadFactor() {
        GoMap m = new GoMap(1, 0);
        for (int i = 0; i < 8; i++) {
            m.putNew(i);
        }
        assertEquals(0, m.bucketShift(), "one bucket holds 8");
        m.putNew(8);
        assertEquals(1, m.bucketShift(), "the 9th key grows the map");
        for (int i = 9; i < 832; i++) {
            m.putNew(i);
        }
        assertEquals(7, m.bucketShift(), "832 = 6.5 * 128 fits B = 7");
        m.putNew(832);
        assertEquals(8, m.bucketShift());
    }

    @ParameterizedTest(name = "valueSize {0}, threshold {1} -> {2}")
    @CsvSource({"128, 128, INLINE", "129, 128, POINTER", "1, 128, INLINE", "1048576, 128, POINTER",
            "128, 127, POINTER", "129, 129, INLINE", "200, 255, INLINE", "1, 0, POINTER"})
    void valuesAboveTheThresholdAreStoredThroughAPointer(int valueSize, int threshold, Storage storage) {
        GoMap m = new GoMap(valueSize, 0, threshold);
        assertEquals(storage, m.storage());
        assertEquals(threshold, m.indirectThreshold());
        if (threshold == GoMap.DEFAULT_INDIRECT_THRESHOLD) {
            assertEquals(storage, new GoMap(valueSize, 0).storage(), "default threshold is Go's maxElemSize 128");
            assertEquals(storage, Subject.GO_HYBRID.storageFor(valueSize));
        }
    }

    @Test
    void inlineValuesAreCopiedAndPointerValuesAreKept() {
        GoMap inline = new GoMap(128, 0);
        byte[] v = new byte[128];
        v[0] = 42;
        v[127] = 7;
        inline.put(1, v);
        v[0] = 0; // the map copied it
        assertEquals(42, inline.valueByte(1));
        byte[] copy = inline.get(1);
        copy[0] = 1; // get returns a copy
        assertEquals(42, inline.valueByte(1));
        assertEquals(7, inline.get(1)[127]);
        inline.putNew(1);
        assertEquals(1, inline.valueByte(1));
        assertEquals(0, inline.get(1)[127], "putNew zeroes the slot in place");

        GoMap pointer = new GoMap(129, 0);
        byte[] w = new byte[129];
        pointer.put(300, w);
        assertSame(w, pointer.get(300));
        pointer.putNew(300);
        assertNotEquals(w, pointer.get(300), "putNew allocates a fresh value");
        assertEquals(300 & 0xFF, pointer.valueByte(300));
        assertThrows(IllegalArgumentException.class, () -> pointer.put(1, new byte[128]));
    }

    @Test
    void constructorsValidate() {
        assertThrows(IllegalArgumentException.class, () -> new GoMap(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new GoMap(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new GoMap(1, 0, 256));
        assertThrows(IllegalArgumentException.class, () -> new GoMap(1, 0, -1));
        assertTrue(Subject.GO_HYBRID.create(16, 10) instanceof GoMap);
    }

    @ParameterizedTest(name = "B {0}, valueSize {1}, threshold {2} -> {3} buckets in the array")
    @CsvSource({
        // B < 4: exactly 2^B
        "1, 128, 128, 2", "3, 128, 128, 8",
        // B = 4, 1104-byte buckets: 17 * 1104 = 18768 -> class 19072 holds 17
        "4, 128, 128, 17",
        // B = 4, 144-byte buckets: 17 * 144 = 2448 -> class 2688 holds 18
        "4, 129, 128, 18",
        // B = 18: 2^18 + 2^14 = 278528 buckets, exactly 37536 pages at 1104 bytes, 4896 pages at 144
        "18, 128, 128, 278528", "18, 129, 128, 278528",
        // B = 10, 88-byte buckets (1-byte values): 1088 * 88 = 95744 -> 12 pages = 98304 holds 1117
        "10, 1, 128, 1117"})
    void makeBucketArrayAddsPreallocatedOverflowBucketsAndRoundsUp(int b, int valueSize, int threshold, int length) {
        int hint = b == 0 ? 0 : (int) (13 * ((1L << b) / 2)); // the largest hint that still gives B = b
        GoMap m = new GoMap(valueSize, hint, threshold);
        assertEquals(b, m.bucketShift());
        assertEquals(length, m.buckets.length);
    }

    @Test
    void bucketSizeIsAlignedLikeGosBmap() {
        assertEquals(1104, GoMemoryModel.bucketSize(128, false), "8 + 8*8 + 8*128 + 8");
        assertEquals(144, GoMemoryModel.bucketSize(129, true), "8 + 8*8 + 8*8 + 8");
        assertEquals(88, GoMemoryModel.bucketSize(1, false));
        assertEquals(2120, GoMemoryModel.bucketSize(255, false));
    }

    @Test
    void deletesNeverShrinkButRebuildDoes() {
        GoMap m = new GoMap(16, 0);
        for (int i = 0; i < 100_000; i++) {
            m.putNew(i);
        }
        int b = m.bucketShift();
        for (int i = 0; i < 99_990; i++) {
            m.remove(i);
        }
        assertEquals(b, m.bucketShift(), "B never decreases");
        assertFalse(m.supportsTrim());
        assertThrows(UnsupportedOperationException.class, m::trim);
        SubjectMap rebuilt = m.rebuild();
        assertEquals(10, rebuilt.size());
        assertEquals(1, ((GoMap) rebuilt).bucketShift(), "make(map, 10) gives B = 1");
        assertEquals(b, m.bucketShift(), "rebuild leaves the original untouched");
        assertTrue(((GoMap) rebuilt).goRuntimeBytes() < 4_000);
        for (int i = 99_990; i < 100_000; i++) {
            assertEquals(i & 0xFF, rebuilt.valueByte(i));
        }
    }

    @Test
    void clearKeepsTheBucketArrayAndDropsOverflowAndOldBuckets() {
        GoMap m = new GoMap(128, 0);
        for (int i = 0; i < 5_000; i++) {
            m.putNew(i);
        }
        while (!m.growing()) {
            m.putNew(m.size());
        }
        GoBuckets array = m.buckets;
        int seed = m.hash0;
        m.clear();
        assertSame(array, m.buckets, "mapclear reuses the array");
        assertFalse(m.growing(), "mapclear drops the old buckets");
        assertEquals(0, m.overflowBuckets());
        assertNotEquals(seed, m.hash0, "mapclear reseeds");
        assertEquals(0, m.size());
        GoMapInvariants.check(m);
        long bytes = m.goRuntimeBytes();
        m.clear(); // an empty map: Go returns early
        assertEquals(bytes, m.goRuntimeBytes());
        m.putNew(3);
        assertEquals(3, m.valueByte(3));
    }

    /**
     * evacuate clears an old main bucket's keys, elems and overflow pointer (keeping tophash) only when the
     * bucket type holds pointers; a noscan (inline) bucket is left as it is, the old array being freed whole.
     */
    @ParameterizedTest(name = "valueSize {0}")
    @CsvSource({"129", "128"})
    void evacuateClearsOldBucketsOnlyWhenTheyHoldPointers(int valueSize) {
        GoMap m = new GoMap(valueSize, 0);
        int next = 0;
        while (m.bucketShift() < 10 || !m.growing()) {
            m.putNew(next++);
        }
        for (int i = 0; i < 100; i++) {
            m.putNew(next++);
        }
        assertTrue(m.growing());
        GoBuckets old = m.oldbuckets;
        int evacuatedWithData = 0;
        for (int ob = 0; ob < 1 << 9; ob++) {
            if (!old.evacuated(ob)) {
                continue;
            }
            boolean hadData = false;
            for (int i = 0; i < 8; i++) {
                int cell = ob * 8 + i;
                int top = old.tophash[cell] & 0xFF;
                hadData |= top == GoBuckets.EVACUATED_X || top == GoBuckets.EVACUATED_Y;
                if (m.indirectElem) {
                    assertEquals(null, old.pointerValues[cell], "old pointer slot cleared");
                    assertEquals(0, old.keys[cell], "old key cleared");
                }
            }
            if (m.indirectElem) {
                assertEquals(null, old.overflow[ob], "old overflow pointer cleared");
            } else if (hadData) {
                boolean bytesLeft = false;
                for (int i = 0; i < 8 * valueSize; i++) {
                    bytesLeft |= old.inlineValues[ob * 8 * valueSize + i] != 0;
                }
                assertTrue(bytesLeft, "a noscan old bucket keeps its bytes");
            }
            evacuatedWithData += hadData ? 1 : 0;
        }
        assertTrue(evacuatedWithData > 50, "evacuated buckets seen: " + evacuatedWithData);
    }

    @Test
    void deletingTheLastEntryReseeds() {
        GoMap m = new GoMap(8, 0);
        m.putNew(1);
        int seed = m.hash0;
        m.remove(1);
        assertNotEquals(seed, m.hash0);
    }
}
