package dev.mapleak.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Every map kind the scan recognises. Field names were read from the classes mapleak depends on with
 * {@code javap -p} (JDK 17, fastutil 8.5.19, Eclipse Collections 13.0.0, HPPC 0.10.0, Agrona 2.6.0);
 * the capacity rules are in {@link CapacityRules}.
 */
public final class MapKinds {

    private MapKinds() {
    }

    public static final List<MapKind> ALL = build();

    private static List<MapKind> build() {
        List<MapKind> kinds = new ArrayList<>();
        MapKind.RebuiltRule hashMap = (size, length, m) -> CapacityRules.hashMapRebuilt(size);
        kinds.add(new MapKind("HashMap", List.of("java.util.HashMap"), null, List.of("table"),
                m -> m.intValue("size"), n -> n, hashMap, null, "rebuild: map = new HashMap<>(map)",
                "JDK_HASH_MAP", "REBUILD"));
        kinds.add(new MapKind("LinkedHashMap", List.of("java.util.LinkedHashMap"), null, List.of("table"),
                m -> m.intValue("size"), n -> n, hashMap, null, "rebuild: map = new LinkedHashMap<>(map)",
                "JDK_LINKED_HASH_MAP", "REBUILD"));
        // A HashSet's table is its inner HashMap's (field `map`); LinkedHashSet's is a LinkedHashMap.
        kinds.add(new MapKind("HashSet", List.of("java.util.HashSet"), "map", List.of("table"),
                m -> m.intValue("size"), n -> n, (size, length, m) -> CapacityRules.hashSetRebuilt(size), null,
                "rebuild: set = new HashSet<>(set)", "JDK_HASH_MAP", "REBUILD"));
        kinds.add(new MapKind("LinkedHashSet", List.of("java.util.LinkedHashSet"), "map", List.of("table"),
                m -> m.intValue("size"), n -> n, (size, length, m) -> CapacityRules.linkedHashSetRebuilt(size), null,
                "rebuild: set = new LinkedHashSet<>(set)", "JDK_LINKED_HASH_MAP", "REBUILD"));
        kinds.add(new MapKind("ConcurrentHashMap", List.of("java.util.concurrent.ConcurrentHashMap"), null,
                List.of("table"), MapKinds::concurrentHashMapSize, n -> n,
                (size, length, m) -> CapacityRules.concurrentHashMapRebuilt(size), null,
                "rebuild: map = new ConcurrentHashMap<>(map)", "JDK_CONCURRENT_HASH_MAP", "REBUILD"));
        kinds.add(new MapKind("WeakHashMap", List.of("java.util.WeakHashMap"), null, List.of("table"),
                m -> m.intValue("size"), n -> n, (size, length, m) -> CapacityRules.weakHashMapRebuilt(size), null,
                "rebuild: new WeakHashMap<>(map)", null, null));
        kinds.add(new MapKind("Hashtable", List.of("java.util.Hashtable"), null, List.of("table"),
                m -> m.intValue("count"), n -> n, (size, length, m) -> CapacityRules.hashtableRebuilt(size), null,
                "rebuild: new Hashtable<>(map)", null, null));
        kinds.add(new MapKind("IdentityHashMap", List.of("java.util.IdentityHashMap"), null, List.of("table"),
                m -> m.intValue("size"), n -> n / 2,
                (size, length, m) -> CapacityRules.identityHashMapRebuiltTableLength(size), null,
                "rebuild: new IdentityHashMap<>(map)", null, null));

        // fastutil open-addressing maps and sets: arrays `key` (and `value`) of n + 1 slots, the last for the null key.
        MapKind.RebuiltRule fastutilTrim = (size, length, m) ->
                CapacityRules.fastutilTrimmedArrayLength(size, m.floatValue("f"), length - 1);
        for (String c : List.of("ints.Int2ObjectOpenHashMap", "ints.Int2IntOpenHashMap", "ints.Int2LongOpenHashMap",
                "longs.Long2ObjectOpenHashMap", "longs.Long2LongOpenHashMap", "longs.Long2IntOpenHashMap",
                "objects.Object2ObjectOpenHashMap", "objects.Object2IntOpenHashMap", "objects.Object2LongOpenHashMap")) {
            kinds.add(new MapKind("fastutil " + c.substring(c.indexOf('.') + 1), List.of("it.unimi.dsi.fastutil." + c),
                    null, List.of("key", "value"), m -> m.intValue("size"), n -> n - 1, fastutilTrim, null,
                    "trim()", c.equals("ints.Int2ObjectOpenHashMap") ? "FASTUTIL" : null, "TRIM"));
        }
        for (String c : List.of("ints.IntOpenHashSet", "longs.LongOpenHashSet", "objects.ObjectOpenHashSet")) {
            kinds.add(new MapKind("fastutil " + c.substring(c.indexOf('.') + 1), List.of("it.unimi.dsi.fastutil." + c),
                    null, List.of("key"), m -> m.intValue("size"), n -> n - 1, fastutilTrim, null, "trim()", null, "TRIM"));
        }

        // Eclipse Collections: `keys` and `values` of one power-of-two length; keys 0 and 1 live in sentinelValues,
        // deleted slots stay as REMOVED_KEY tombstones (occupiedWithSentinels) until a rehash.
        for (String c : List.of("IntObjectHashMap", "LongObjectHashMap")) {
            kinds.add(new MapKind("Eclipse " + c,
                    List.of("org.eclipse.collections.impl.map.mutable.primitive." + c), null, List.of("keys", "values"),
                    MapKinds::eclipseSize, n -> n, (size, length, m) -> CapacityRules.eclipseCompacted(size, m.intValue("occupiedWithData")),
                    m -> m.intValue("occupiedWithSentinels"), "compact()",
                    c.equals("IntObjectHashMap") ? "ECLIPSE" : null, "TRIM"));
        }

        // HPPC: `keys`/`values` of mask + 2 slots (the last for the empty key); no shrink, so rebuild.
        for (String c : List.of("IntObjectHashMap", "LongObjectHashMap", "ObjectObjectHashMap", "IntIntHashMap")) {
            kinds.add(new MapKind("HPPC " + c, List.of("com.carrotsearch.hppc." + c), null, List.of("keys", "values"),
                    m -> m.intValue("assigned") + (m.booleanValue("hasEmptyKey") ? 1 : 0), n -> n - 1,
                    (size, length, m) -> CapacityRules.hppcRebuiltArrayLength(size, m.doubleValue("loadFactor")), null,
                    "rebuild: new " + c + "<>(map)", c.equals("IntObjectHashMap") ? "HPPC" : null, "REBUILD"));
        }

        // Agrona: `keys`/`values` of one power-of-two length.
        for (String c : List.of("Int2ObjectHashMap", "Long2ObjectHashMap")) {
            kinds.add(new MapKind("Agrona " + c, List.of("org.agrona.collections." + c), null, List.of("keys", "values"),
                    m -> m.intValue("size"), n -> n,
                    (size, length, m) -> CapacityRules.agronaCompacted(size, m.floatValue("loadFactor")), null,
                    "compact()", c.equals("Int2ObjectHashMap") ? "AGRONA" : null, "TRIM"));
        }
        return List.copyOf(kinds);
    }

    /** {@code ConcurrentHashMap.sumCount()}: {@code baseCount} plus every {@code CounterCell.value}. */
    private static int concurrentHashMapSize(MapFields m) {
        long sum = m.longValue("baseCount");
        for (MapFields cell : m.elements("counterCells")) {
            if (cell != null) {
                sum += cell.longValue("value");
            }
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, sum));
    }

    /** {@code IntObjectHashMap.size()}: {@code occupiedWithData} plus the keys 0 and 1 kept in {@code sentinelValues}. */
    private static int eclipseSize(MapFields m) {
        MapFields sentinels = m.object("sentinelValues");
        int extra = 0;
        if (sentinels != null) {
            extra = (sentinels.booleanValue("containsZeroKey") ? 1 : 0) + (sentinels.booleanValue("containsOneKey") ? 1 : 0);
        }
        return m.intValue("occupiedWithData") + extra;
    }
}
