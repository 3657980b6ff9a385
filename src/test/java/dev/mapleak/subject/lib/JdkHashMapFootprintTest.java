package dev.mapleak.subject.lib;

import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.measure.JolFootprint;
import dev.mapleak.lifecycle.Lifecycle;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static dev.mapleak.subject.JolSizes.byteArray;
import static dev.mapleak.subject.JolSizes.instance;
import static dev.mapleak.subject.JolSizes.pinned;
import static dev.mapleak.subject.JolSizes.referenceArray;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exact footprint of the seed's experiment on {@code java.util.HashMap}: 1M entries of 128-byte values,
 * then every entry removed. Sizes come from JOL's view of this JVM, so the expectations hold with and without
 * compact object headers; the literal figures pin the two header modes.
 */
class JdkHashMapFootprintTest {

    static final int ENTRIES = 1_000_000;
    /** HashMap doubles at 0.75 load: 1M entries need 1M/0.75 = 1.33M slots → the next power of two, 2^21. */
    static final int TABLE_SLOTS = 1 << 21;

    static long table() {
        return referenceArray(TABLE_SLOTS);
    }

    @Test
    void filledHoldsTableNodesKeysAndValues() throws ClassNotFoundException {
        SubjectMap map = Lifecycle.fill(Subject.JDK_HASH_MAP.create(128), KeyOrder.SEQUENTIAL.keys(ENTRIES));
        long node = instance(Class.forName("java.util.HashMap$Node"));
        long expected = instance(HashMap.class) + table() + ENTRIES * (node + instance(Integer.class) + byteArray(128));
        assertEquals(expected, JolFootprint.bytes(map.footprintRoot()));
        // 48 + (16 + 2^21 * 4) + 1M * (32 + 16 + 144); with compact headers: 40 + align8(12 + 2^21 * 4) + 1M * (24 + 16 + 144)
        assertEquals(pinned(200_388_672L, 192_388_664L), expected);
    }

    @Test
    void afterRemovingEverythingTheTableStays() {
        SubjectMap map = Lifecycle.fill(Subject.JDK_HASH_MAP.create(128), KeyOrder.SEQUENTIAL.keys(ENTRIES));
        Lifecycle.delete(map, KeyOrder.SEQUENTIAL.keys(ENTRIES), ENTRIES);
        long expected = instance(HashMap.class) + table();
        assertEquals(expected, JolFootprint.bytes(map.footprintRoot()));
        assertEquals(pinned(8_388_672L, 8_388_664L), expected);
    }

    @Test
    void rebuildDropsTheTable() {
        SubjectMap map = Lifecycle.fill(Subject.JDK_HASH_MAP.create(128), KeyOrder.SEQUENTIAL.keys(ENTRIES));
        Lifecycle.delete(map, KeyOrder.SEQUENTIAL.keys(ENTRIES), ENTRIES);
        // An empty HashMap allocates no table until its first put.
        assertEquals(instance(HashMap.class), JolFootprint.bytes(map.rebuild().footprintRoot()));
    }
}
