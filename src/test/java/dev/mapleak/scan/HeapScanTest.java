package dev.mapleak.scan;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.agrona.collections.Int2ObjectHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.vm.VM;

import java.io.PrintStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static dev.mapleak.scan.CapacityRulesTest.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scans a real dump of this JVM holding {@link ScanPopulation} and checks every owner group exactly: map count,
 * live entries and table slots against the live objects, table bytes against JOL's sizes of the same arrays in this
 * JVM, and the bytes a remedy frees against JOL's sizes of the arrays an identical twin has after the real remedy.
 */
class HeapScanTest {

    private static final String POP = "dev.mapleak.scan.ScanPopulation";
    private static HeapScan.Result scan;
    private static List<OwnerGroup> groups;

    @BeforeAll
    static void scanThePopulation() {
        // JOL and the scan's layouts agree on 16-byte array headers; compact headers (JDK 24+) are not modelled.
        assumeTrue(VM.current().arrayHeaderSize() == 16, "array header is not 16 bytes");
        scan = HeapScan.scan(PopulationDump.get(), null, new Progress(new PrintStream(OutputStream.nullOutputStream()), 0));
        groups = OwnerGroup.of(scan, null);
    }

    /** The arrays of a live map's table, read by reflection. */
    private static List<Object> tables(Object map) {
        Object holder = map instanceof HashSet<?> ? field(map, "map") : map;
        List<String> names = switch (map.getClass().getName()) {
            case "it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap" -> List.of("key", "value");
            case "org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap",
                 "com.carrotsearch.hppc.IntObjectHashMap", "org.agrona.collections.Int2ObjectHashMap" -> List.of("keys", "values");
            default -> List.of("table");
        };
        List<Object> arrays = new ArrayList<>();
        for (String n : names) {
            Object a = field(holder, n);
            if (a != null) {
                arrays.add(a);
            }
        }
        return arrays;
    }

    /** JOL's size of the table arrays in this JVM. */
    private static long jolBytes(Object map) {
        return tables(map).stream().mapToLong(a -> VM.current().sizeOf(a)).sum();
    }

    private static int slots(Object map) {
        Object first = tables(map).isEmpty() ? null : tables(map).get(0);
        int length = first == null ? 0 : Array.getLength(first);
        String c = map.getClass().getName();
        if (c.startsWith("it.unimi") || c.startsWith("com.carrotsearch")) {
            return length - 1; // the extra slot for the null / empty key
        }
        return map instanceof IdentityHashMap<?, ?> ? length / 2 : length;
    }

    private static int size(Object map) {
        if (map instanceof Map<?, ?> m) {
            return m.size();
        }
        if (map instanceof HashSet<?> s) {
            return s.size();
        }
        if (map instanceof IntObjectHashMap<?> e) {
            return e.size();
        }
        return ((com.carrotsearch.hppc.IntObjectHashMap<?>) map).size();
    }

    private static OwnerGroup group(String owner, String kind) {
        return groups.stream().filter(g -> g.owner().equals(owner) && g.kind().name().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + kind + " held by " + owner + " in " + groups.stream()
                        .map(g -> g.kind().name() + " " + g.owner()).filter(s -> s.contains("ScanPopulation")).toList()));
    }

    /**
     * Checks one group: {@code count} maps like {@code recipe}'s, the remedy applied to a twin by {@code remedy}
     * (which returns the map that is kept: a copy for a rebuild, the same map for a trim).
     */
    private static <M> void check(String owner, String kind, int count, Supplier<M> recipe, UnaryOperator<M> remedy) {
        M live = recipe.get();
        M twin = recipe.get();
        M remedied = remedy.apply(twin);
        long table = jolBytes(live);
        long after = jolBytes(remedied);
        OwnerGroup g = group(owner, kind);
        assertEquals(count, g.maps(), kind + " count");
        assertEquals((long) count * size(live), g.live(), kind + " live entries");
        assertEquals((long) count * slots(live), g.slots(), kind + " slots");
        assertEquals(count * table, g.tableBytes(), kind + " table bytes (JOL)");
        assertEquals(count * Math.max(0, table - after), g.freeable(), kind + " bytes the remedy frees (JOL, twin)");
    }

    @Test
    void layoutIsTheOneJolSees() {
        // JOL: an Object[2] is 16 + 2 * 4 = 24 bytes with compressed oops, 16 + 2 * 8 = 32 without.
        Layout expected = VM.current().sizeOf(new Object[2]) == 24 ? Layout.COMPRESSED : Layout.UNCOMPRESSED;
        assertEquals(expected, scan.layout().layout(), scan.layout().reason());
    }

    @Test
    void twoThousandFiveHundredEmptiedHashMapsHeldByOneField() {
        check(POP + "$OrderBook.byCustomer", "HashMap", ScanPopulation.BOOKS, ScanPopulation.EMPTIED_BOOK,
                HashMap::new);
        OwnerGroup g = group(POP + "$OrderBook.byCustomer", "HashMap");
        // 300 entries grew the table to 512 slots (300 > 0.75 * 256); emptied, none is live.
        assertEquals(2_500L * 512, g.slots());
        assertEquals(0, g.live());
        // The biggest waste in the population, so it is the first line.
        assertEquals(g, groups.get(0));
    }

    @Test
    void healthyMapsFreeNothing() {
        check(POP + "$Healthy.small", "HashMap", ScanPopulation.HEALTHY, ScanPopulation.HEALTHY_MAP, HashMap::new);
        assertEquals(0, group(POP + "$Healthy.small", "HashMap").freeable());
    }

    @Test
    void fastutilWithAndWithoutExpectedSize() {
        check(POP + ".fastutilSized (static)", "fastutil Int2ObjectOpenHashMap", 1, ScanPopulation.FASTUTIL_SIZED,
                m -> {
                    m.trim();
                    return m;
                });
        check(POP + ".fastutilGrown (static)", "fastutil Int2ObjectOpenHashMap", 1, ScanPopulation.FASTUTIL_GROWN,
                m -> {
                    m.trim();
                    return m;
                });
        // Sized for 300: 512 slots stay (minN). Default-sized: remove() halved the table as it emptied, to 32
        // (seen on the live object too: check() compares slots with its key array).
        assertEquals(512, group(POP + ".fastutilSized (static)", "fastutil Int2ObjectOpenHashMap").slots());
        assertEquals(32, group(POP + ".fastutilGrown (static)", "fastutil Int2ObjectOpenHashMap").slots());
    }

    @Test
    void eclipseWithTombstones() {
        check(POP + ".eclipseTombstones (static)", "Eclipse IntObjectHashMap", 1, ScanPopulation.ECLIPSE, m -> {
            m.compact();
            return m;
        });
        IntObjectHashMap<String> live = ScanPopulation.ECLIPSE.get();
        assertEquals((int) field(live, "occupiedWithSentinels"),
                group(POP + ".eclipseTombstones (static)", "Eclipse IntObjectHashMap").tombstones());
        assertEquals(400, group(POP + ".eclipseTombstones (static)", "Eclipse IntObjectHashMap").live());
    }

    @Test
    void hppcAndAgrona() {
        check(POP + ".hppcEmptied (static)", "HPPC IntObjectHashMap", 1, ScanPopulation.HPPC,
                com.carrotsearch.hppc.IntObjectHashMap::new);
        check(POP + ".agronaEmptied (static)", "Agrona Int2ObjectHashMap", 1, ScanPopulation.AGRONA, m -> {
            m.compact();
            return m;
        });
    }

    @Test
    void otherJdkKinds() {
        check(POP + ".concurrentEmptied (static)", "ConcurrentHashMap", 1, ScanPopulation.CONCURRENT,
                ConcurrentHashMap::new);
        check(POP + ".setEmptied (static)", "HashSet", 1, ScanPopulation.SET, HashSet::new);
        check(POP + ".linkedEmptied (static)", "LinkedHashMap", 1, ScanPopulation.LINKED, LinkedHashMap::new);
        check(POP + ".weakEmptied (static)", "WeakHashMap", 1, ScanPopulation.WEAK, WeakHashMap::new);
        check(POP + ".hashtableEmptied (static)", "Hashtable", 1, ScanPopulation.HASHTABLE, Hashtable::new);
        check(POP + ".identityEmptied (static)", "IdentityHashMap", 1, ScanPopulation.IDENTITY, IdentityHashMap::new);
    }

    @Test
    void aHashSetsInnerMapIsNotCountedTwice() {
        assertNotNull(group(POP + ".setEmptied (static)", "HashSet"));
        assertEquals(0, groups.stream().filter(g -> g.owner().equals("java.util.HashSet.map")).count(),
                "the inner HashMap of a HashSet is reported as the set");
    }
}
