package dev.mapleak.subject.lib;

import dev.mapleak.subject.SubjectMap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The {@code java.util} maps, boxed {@code Integer} keys. None of them has a shrink: HashMap's table
 * only grows, and {@code remove}/{@code clear} keep it; TreeMap has no table at all.
 */
public final class JdkMapSubject extends PointerSubjectMap {

    private final Map<Integer, byte[]> map;
    /** Makes an empty map of the same kind sized for the given number of entries (0: default size). */
    private final IntFunction<Map<Integer, byte[]>> sized;

    private JdkMapSubject(int valueSize, int expectedEntries, IntFunction<Map<Integer, byte[]>> sized) {
        super(valueSize);
        this.sized = sized;
        this.map = sized.apply(expectedEntries);
    }

    public static SubjectMap hashMap(int valueSize, int expectedEntries) {
        return new JdkMapSubject(valueSize, expectedEntries,
                n -> n == 0 ? new HashMap<>() : new HashMap<>(hashCapacity(n)));
    }

    public static SubjectMap linkedHashMap(int valueSize, int expectedEntries) {
        return new JdkMapSubject(valueSize, expectedEntries,
                n -> n == 0 ? new LinkedHashMap<>() : new LinkedHashMap<>(hashCapacity(n)));
    }

    /** ConcurrentHashMap's constructor argument already means "expected entries". */
    public static SubjectMap concurrentHashMap(int valueSize, int expectedEntries) {
        return new JdkMapSubject(valueSize, expectedEntries,
                n -> n == 0 ? new ConcurrentHashMap<>() : new ConcurrentHashMap<>(n));
    }

    public static SubjectMap treeMap(int valueSize, int expectedEntries) {
        return new JdkMapSubject(valueSize, expectedEntries, n -> new TreeMap<>());
    }

    /** HashMap's initial capacity for n entries at load factor 0.75 (what JDK 19's newHashMap computes). */
    static int hashCapacity(int entries) {
        return (int) Math.ceil(entries / 0.75);
    }

    @Override
    protected void store(int key, byte[] value) {
        map.put(key, value);
    }

    @Override
    protected byte[] lookup(int key) {
        return map.get(key);
    }

    @Override
    public boolean remove(int key) {
        return map.remove(key) != null;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void forEachKey(IntConsumer action) {
        for (Integer key : map.keySet()) {
            action.accept(key);
        }
    }

    @Override
    public SubjectMap rebuild() {
        JdkMapSubject copy = new JdkMapSubject(valueSize, map.size(), sized);
        copy.map.putAll(map);
        return copy;
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public Object footprintRoot() {
        return map;
    }
}
