package dev.mapleak.scan;

import com.carrotsearch.hppc.IntObjectHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.agrona.collections.Int2ObjectHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each {@link CapacityRules} rule against the real library: a map filled past the live size, shrunk to it by deletes,
 * then given the remedy; the table length the library leaves must be the one the rule computes.
 */
class CapacityRulesTest {

    private static final int PEAK = 5000;

    static Object field(Object o, String name) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(o.getClass() + " has no field " + name);
    }

    static int length(Object o, String name) {
        Object a = field(o, name);
        return a == null ? 0 : java.lang.reflect.Array.getLength(a);
    }

    private static <M extends Map<Integer, String>> M shrunk(M map, int size) {
        for (int i = 0; i < PEAK; i++) {
            map.put(i, "v");
        }
        for (int i = size; i < PEAK; i++) {
            map.remove(i);
        }
        return map;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 11, 12, 13, 24, 100, 300, 768, 1000, 3072, 4097})
    void jdkRebuilds(int n) {
        HashMap<Integer, String> old = shrunk(new HashMap<>(), n);
        assertEquals(length(new HashMap<>(old), "table"), CapacityRules.hashMapRebuilt(n), "HashMap");
        assertEquals(length(new LinkedHashMap<>(old), "table"), CapacityRules.hashMapRebuilt(n), "LinkedHashMap");
        assertEquals(length(field(new HashSet<>(old.keySet()), "map"), "table"), CapacityRules.hashSetRebuilt(n),
                "HashSet");
        assertEquals(length(field(new LinkedHashSet<>(old.keySet()), "map"), "table"),
                CapacityRules.linkedHashSetRebuilt(n), "LinkedHashSet");
        assertEquals(length(new ConcurrentHashMap<>(old), "table"), CapacityRules.concurrentHashMapRebuilt(n),
                "ConcurrentHashMap");
        assertEquals(length(new WeakHashMap<>(old), "table"), CapacityRules.weakHashMapRebuilt(n), "WeakHashMap");
        assertEquals(length(new Hashtable<>(old), "table"), CapacityRules.hashtableRebuilt(n), "Hashtable");
        assertEquals(length(new IdentityHashMap<>(old), "table"), CapacityRules.identityHashMapRebuiltTableLength(n),
                "IdentityHashMap");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 11, 12, 13, 24, 100, 300, 768, 1000, 3072, 4097})
    void libraryRemedies(int n) {
        // fastutil built for its peak (minN = 8192) so deletes cannot shrink it; trim() can.
        Int2ObjectOpenHashMap<String> fu = shrunk(new Int2ObjectOpenHashMap<>(PEAK), n);
        int before = length(fu, "key");
        fu.trim();
        assertEquals(length(fu, "key"), CapacityRules.fastutilTrimmedArrayLength(n, 0.75f, before - 1), "fastutil trim");

        org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap<String> ec =
                new org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap<>();
        for (int i = 0; i < PEAK; i++) {
            ec.put(i, "v");
        }
        for (int i = n; i < PEAK; i++) {
            ec.remove(i);
        }
        int inTable = (int) field(ec, "occupiedWithData");
        ec.compact();
        assertEquals(length(ec, "keys"), CapacityRules.eclipseCompacted(n, inTable), "Eclipse compact");
        assertEquals(length(ec, "values"), CapacityRules.eclipseCompacted(n, inTable), "Eclipse compact");

        IntObjectHashMap<String> hppc = new IntObjectHashMap<>();
        for (int i = 0; i < n; i++) {
            hppc.put(i, "v");
        }
        assertEquals(length(new IntObjectHashMap<>(hppc), "keys"), CapacityRules.hppcRebuiltArrayLength(n, 0.75),
                "HPPC rebuild");

        Int2ObjectHashMap<String> ag = shrunk(new Int2ObjectHashMap<>(), n);
        ag.compact();
        assertEquals(length(ag, "values"), CapacityRules.agronaCompacted(n, 0.65f), "Agrona compact");
    }
}
