package dev.mapleak.scan;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.agrona.collections.Int2ObjectHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A known population of maps for {@link HeapScanTest}: built in the test JVM, which then dumps its own heap. Every
 * map comes from a deterministic recipe, so the test can build an identical twin after the dump and give the twin
 * the remedy to learn, with JOL, what the remedy leaves.
 */
final class ScanPopulation {

    static final int BOOKS = 2_500;
    static final int HEALTHY = 50;

    /** The example owner: each book's map was filled to 300 customers, then emptied. */
    static final class OrderBook {
        HashMap<Integer, String> byCustomer;
    }

    /** Maps that are the right size: 12 entries in HashMap's default 16 slots. */
    static final class Healthy {
        HashMap<Integer, String> small;
    }

    static OrderBook[] books;
    static Healthy[] healthy;
    static Int2ObjectOpenHashMap<String> fastutilSized;
    static Int2ObjectOpenHashMap<String> fastutilGrown;
    static IntObjectHashMap<String> eclipseTombstones;
    static com.carrotsearch.hppc.IntObjectHashMap<String> hppcEmptied;
    static Int2ObjectHashMap<String> agronaEmptied;
    static ConcurrentHashMap<Integer, String> concurrentEmptied;
    static HashSet<Integer> setEmptied;
    static LinkedHashMap<Integer, String> linkedEmptied;
    static WeakHashMap<Integer, String> weakEmptied;
    static Hashtable<Integer, String> hashtableEmptied;
    static IdentityHashMap<Integer, String> identityEmptied;

    private ScanPopulation() {
    }

    static <M extends Map<Integer, String>> M fillThenRemove(M map, int fill, int keep) {
        for (int i = 0; i < fill; i++) {
            map.put(i, "v");
        }
        for (int i = keep; i < fill; i++) {
            map.remove(i);
        }
        return map;
    }

    static final Supplier<HashMap<Integer, String>> EMPTIED_BOOK = () -> fillThenRemove(new HashMap<>(), 300, 0);
    static final Supplier<HashMap<Integer, String>> HEALTHY_MAP = () -> fillThenRemove(new HashMap<>(), 12, 12);
    /** Built for 300 entries: fastutil never shrinks below the expected size it was built with. */
    static final Supplier<Int2ObjectOpenHashMap<String>> FASTUTIL_SIZED =
            () -> fillThenRemove(new Int2ObjectOpenHashMap<>(300), 300, 0);
    /** Default-sized: fastutil's remove() halves the table as it empties. */
    static final Supplier<Int2ObjectOpenHashMap<String>> FASTUTIL_GROWN =
            () -> fillThenRemove(new Int2ObjectOpenHashMap<>(), 300, 0);
    /** 1,000 keys, 600 removed: removed slots stay as tombstones. */
    static final Supplier<IntObjectHashMap<String>> ECLIPSE = () -> {
        IntObjectHashMap<String> m = new IntObjectHashMap<>();
        for (int i = 0; i < 1000; i++) {
            m.put(i, "v");
        }
        for (int i = 400; i < 1000; i++) {
            m.remove(i);
        }
        return m;
    };
    static final Supplier<com.carrotsearch.hppc.IntObjectHashMap<String>> HPPC = () -> {
        com.carrotsearch.hppc.IntObjectHashMap<String> m = new com.carrotsearch.hppc.IntObjectHashMap<>();
        for (int i = 0; i < 1000; i++) {
            m.put(i, "v");
        }
        for (int i = 0; i < 1000; i++) {
            m.remove(i);
        }
        return m;
    };
    static final Supplier<Int2ObjectHashMap<String>> AGRONA = () -> fillThenRemove(new Int2ObjectHashMap<>(), 1000, 0);
    static final Supplier<ConcurrentHashMap<Integer, String>> CONCURRENT =
            () -> fillThenRemove(new ConcurrentHashMap<>(), 1000, 0);
    static final Supplier<HashSet<Integer>> SET = () -> {
        HashSet<Integer> s = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            s.add(i);
        }
        s.clear();
        return s;
    };
    static final Supplier<LinkedHashMap<Integer, String>> LINKED = () -> fillThenRemove(new LinkedHashMap<>(), 300, 3);
    static final Supplier<WeakHashMap<Integer, String>> WEAK = () -> fillThenRemove(new WeakHashMap<>(), 300, 0);
    static final Supplier<Hashtable<Integer, String>> HASHTABLE = () -> fillThenRemove(new Hashtable<>(), 300, 0);
    static final Supplier<IdentityHashMap<Integer, String>> IDENTITY =
            () -> fillThenRemove(new IdentityHashMap<>(), 300, 0);

    static void build() {
        books = new OrderBook[BOOKS];
        for (int i = 0; i < BOOKS; i++) {
            books[i] = new OrderBook();
            books[i].byCustomer = EMPTIED_BOOK.get();
        }
        healthy = new Healthy[HEALTHY];
        for (int i = 0; i < HEALTHY; i++) {
            healthy[i] = new Healthy();
            healthy[i].small = HEALTHY_MAP.get();
        }
        fastutilSized = FASTUTIL_SIZED.get();
        fastutilGrown = FASTUTIL_GROWN.get();
        eclipseTombstones = ECLIPSE.get();
        hppcEmptied = HPPC.get();
        agronaEmptied = AGRONA.get();
        concurrentEmptied = CONCURRENT.get();
        setEmptied = SET.get();
        linkedEmptied = LINKED.get();
        weakEmptied = WEAK.get();
        hashtableEmptied = HASHTABLE.get();
        identityEmptied = IDENTITY.get();
    }

    static void release() {
        books = null;
        healthy = null;
        fastutilSized = fastutilGrown = null;
        eclipseTombstones = null;
        hppcEmptied = null;
        agronaEmptied = null;
        concurrentEmptied = null;
        setEmptied = null;
        linkedEmptied = null;
        weakEmptied = null;
        hashtableEmptied = null;
        identityEmptied = null;
    }
}
