package dev.mapleak.subject.flat;

import dev.mapleak.subject.SubjectMap;
import dev.mapleak.subject.JolSizes;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphStats;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exact JOL footprints of the seed's experiment (1M sequential keys, then delete them all) on both flat maps.
 * Every expectation is a formula over the running VM's header sizes, reference size and alignment, so the same
 * test holds with and without JDK 25's {@code -XX:+UseCompactObjectHeaders}; the measured sizes are printed.
 *
 * <p>What it pins: FLAT_INLINE keeps its whole slab after the deletes (the Go {@code [128]byte} result) and at
 * 129 bytes too (no pointer switch, unlike Go); FLAT_POINTER keeps only its key and reference arrays;
 * trim and rebuild leave a 16-slot table.
 */
class FlatFootprintTest {

    private static final VirtualMachine VM_ = VM.current();
    private static final int N = 1_000_000;
    /** 1M entries at load 3/4 need 2^21 slots (2^20 holds only 786,432). */
    private static final int FILLED_CAPACITY = 1 << 21;

    /** An array: its element base offset (header with length, 16 bytes, 12 with compact headers) + elements. */
    private static long array(String elementType, long length) {
        return JolSizes.array(length, VM_.arrayIndexScale(elementType));
    }

    /**
     * The map object: header + FlatTable's fields (valueSize, shift, maxFill, size: int; hasZeroKey: boolean;
     * keys: reference) + the subclass's one reference to its value storage.
     */
    private static long mapObject(Class<?> type) {
        long size = JolSizes.align(VM_.objectHeaderSize() + 4 * VM_.sizeOfField("int") + VM_.sizeOfField("boolean")
                + 2 * VM_.sizeOfField("java.lang.Object"));
        assertEquals(ClassLayout.parseClass(type).instanceSize(), size, "field layout of " + type.getSimpleName());
        return size;
    }

    /** FLAT_INLINE: the object, int[capacity] keys, and the slab of capacity + 1 values (+1: key 0's slot). */
    private static long inlineTable(int capacity, int valueSize) {
        return mapObject(FlatInlineMap.class) + array("int", capacity) + array("byte", (long) (capacity + 1) * valueSize);
    }

    /** FLAT_POINTER: the object, int[capacity] keys, and byte[capacity + 1][] references; values not included. */
    private static long pointerTable(int capacity) {
        return mapObject(FlatPointerMap.class) + array("int", capacity) + array("java.lang.Object", capacity + 1);
    }

    private static long measure(String subject, int valueSize, String phase, SubjectMap map) {
        long bytes = GraphStats.parseInstance(map.footprintRoot()).totalSize();
        System.out.printf("FlatFootprintTest %-12s valueSize=%d %-22s %,13d bytes (%s)%n",
                subject, valueSize, phase, bytes, JolSizes.headerMode());
        return bytes;
    }

    private static void fill(SubjectMap map) {
        for (int k = 0; k < N; k++) {
            map.putNew(k);
        }
    }

    private static void deleteAll(SubjectMap map) {
        for (int k = 0; k < N; k++) {
            map.remove(k);
        }
        assertEquals(0, map.size());
    }

    @ParameterizedTest(name = "valueSize={0}")
    @ValueSource(ints = {128, 129})
    void inlineKeepsItsWholeSlabAfterDeletes(int valueSize) {
        FlatInlineMap map = new FlatInlineMap(valueSize, 0);
        fill(map);
        assertEquals(FILLED_CAPACITY, map.capacity());
        long table = inlineTable(FILLED_CAPACITY, valueSize);
        assertEquals(table, measure("FLAT_INLINE", valueSize, "filled", map), "values live in the slab");
        deleteAll(map);
        assertEquals(table, measure("FLAT_INLINE", valueSize, "deleted all", map), "removing never shrinks");

        long small = inlineTable(FlatTable.MIN_CAPACITY, valueSize);
        SubjectMap rebuilt = map.rebuild();
        assertEquals(small, measure("FLAT_INLINE", valueSize, "rebuild of empty", rebuilt));
        assertEquals(table, measure("FLAT_INLINE", valueSize, "rebuilt original", map), "rebuild leaves it as it was");
        map.trim();
        assertEquals(small, measure("FLAT_INLINE", valueSize, "trimmed", map));

        fill(map);
        map.clear();
        assertEquals(table, measure("FLAT_INLINE", valueSize, "filled again, cleared", map), "clear keeps the arrays");
    }

    @ParameterizedTest(name = "valueSize={0}")
    @ValueSource(ints = {128, 129})
    void pointerKeepsOnlyItsKeysAndReferencesAfterDeletes(int valueSize) {
        FlatPointerMap map = new FlatPointerMap(valueSize, 0);
        fill(map);
        assertEquals(FILLED_CAPACITY, map.capacity());
        long table = pointerTable(FILLED_CAPACITY);
        assertEquals(table + N * array("byte", valueSize), measure("FLAT_POINTER", valueSize, "filled", map),
                "the table plus one byte[valueSize] per entry");
        deleteAll(map);
        assertEquals(table, measure("FLAT_POINTER", valueSize, "deleted all", map), "the values are garbage");

        long small = pointerTable(FlatTable.MIN_CAPACITY);
        assertEquals(small, measure("FLAT_POINTER", valueSize, "rebuild of empty", map.rebuild()));
        map.trim();
        assertEquals(small, measure("FLAT_POINTER", valueSize, "trimmed", map));

        fill(map);
        map.clear();
        assertEquals(table, measure("FLAT_POINTER", valueSize, "filled again, cleared", map), "clear keeps the arrays");
    }
}
