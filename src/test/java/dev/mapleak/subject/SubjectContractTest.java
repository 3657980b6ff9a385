package dev.mapleak.subject;

import dev.mapleak.folder.Storage;

import dev.mapleak.lifecycle.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every subject promises through {@link SubjectMap}, checked the same way for each of them. */
class SubjectContractTest {

    /** The subjects with a shrink of their own (the TRIM strategy); everyone else must say they have none. */
    static final Set<Subject> WITH_TRIM = Set.of(Subject.FASTUTIL, Subject.ECLIPSE, Subject.AGRONA,
            Subject.FLAT_INLINE, Subject.FLAT_POINTER);

    @ParameterizedTest
    @EnumSource(Subject.class)
    void putGetRemoveSizeAndIteration(Subject subject) {
        SubjectMap map = subject.create(16);
        for (int k = -50; k < 1000; k++) {
            map.putNew(k);
        }
        assertEquals(1050, map.size());
        assertEquals(7, map.valueByte(7));
        assertEquals(0xFF & (byte) -3, map.valueByte(-3));
        assertEquals(-1, map.valueByte(5000));
        byte[] value = new byte[16];
        value[0] = 42;
        value[15] = 9;
        map.put(3, value);
        assertArrayEquals(value, map.get(3));
        assertNull(map.get(5000));
        assertTrue(map.remove(3));
        assertFalse(map.remove(3));
        assertEquals(1049, map.size());
        Set<Integer> keys = new TreeSet<>();
        map.forEachKey(keys::add);
        assertEquals(1049, keys.size());
        assertFalse(keys.contains(3));
        assertTrue(keys.contains(-50) && keys.contains(999));
    }

    @ParameterizedTest
    @EnumSource(Subject.class)
    void pointerMapsKeepTheCallersArrayInlineMapsCopyIt(Subject subject) {
        SubjectMap map = subject.create(32);
        byte[] value = new byte[32];
        map.put(1, value);
        if (map.storage() == Storage.POINTER) {
            assertSame(value, map.get(1));
        } else {
            assertNotSame(value, map.get(1));
            value[0] = 1;
            assertEquals(0, map.valueByte(1), "an inline map must hold its own copy");
        }
    }

    @ParameterizedTest
    @EnumSource(Subject.class)
    void everyStrategyKeepsTheSurvivors(Subject subject) {
        for (Strategy strategy : Strategy.values()) {
            if (strategy.notApplicable(subject, 0.5).isPresent()) {
                continue;
            }
            SubjectMap map = subject.create(8);
            for (int k = 0; k < 2000; k++) {
                map.putNew(k);
            }
            for (int k = 0; k < 1000; k++) {
                map.remove(k);
            }
            SubjectMap after = strategy.apply(map);
            assertEquals(1000, after.size(), strategy + " changed the live entries");
            for (int k = 1000; k < 2000; k++) {
                assertEquals(k & 0xFF, after.valueByte(k), strategy + " lost key " + k);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Subject.class)
    void trimIsTheLibrarysOwnOrRefused(Subject subject) {
        SubjectMap map = subject.create(8);
        assertEquals(WITH_TRIM.contains(subject), subject.supportsTrim());
        assertEquals(WITH_TRIM.contains(subject), map.supportsTrim());
        if (!map.supportsTrim()) {
            assertThrows(UnsupportedOperationException.class, map::trim);
            assertTrue(Strategy.TRIM.notApplicable(subject, 1.0).orElseThrow().contains("no shrink"));
        }
    }

    @ParameterizedTest
    @EnumSource(Subject.class)
    void clearEmptiesAndRebuildCopiesWithoutTouchingTheOriginal(Subject subject) {
        SubjectMap map = subject.create(8);
        for (int k = 0; k < 100; k++) {
            map.putNew(k);
        }
        SubjectMap copy = map.rebuild();
        map.clear();
        assertEquals(0, map.size());
        assertEquals(100, copy.size());
        assertEquals(5, copy.valueByte(5));
    }

    @Test
    void unknownSubjectNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subject.parse("JDK_HASHMAP"));
        assertEquals("unknown subject 'JDK_HASHMAP'; valid subjects: JDK_HASH_MAP, JDK_LINKED_HASH_MAP, "
                + "JDK_CONCURRENT_HASH_MAP, JDK_TREE_MAP, FASTUTIL, ECLIPSE, HPPC, AGRONA, FLAT_INLINE, FLAT_POINTER, "
                + "GO_HYBRID", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, (1 << 20) + 1})
    void valueSizeOutsideOneByteToOneMebibyteIsRefused(int valueSize) {
        for (Subject s : Subject.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.create(valueSize));
            assertEquals("valueSize must be between 1 and 1048576 bytes (1 MiB), got " + valueSize, e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Subject.class)
    void aValueOfTheWrongLengthIsRefused(Subject subject) {
        SubjectMap map = subject.create(16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.put(1, new byte[17]));
        assertTrue(e.getMessage().contains("17") && e.getMessage().contains("16"), e.getMessage());
    }
}
