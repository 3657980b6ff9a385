package dev.mapleak.subject.lib;

import dev.mapleak.subject.SubjectMap;
import org.agrona.collections.Hashing;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.function.IntConsumer;

/**
 * Agrona's {@code Int2ObjectHashMap}: {@code compact()} rehashes into the smallest table that fits
 * (the TRIM strategy). Iterators are not cached, so iterating allocates, as it does for the others.
 */
public final class AgronaSubject extends PointerSubjectMap {

    private final Int2ObjectHashMap<byte[]> map;

    public AgronaSubject(int valueSize, int expectedEntries) {
        super(valueSize);
        this.map = expectedEntries == 0
                ? new Int2ObjectHashMap<>()
                : new Int2ObjectHashMap<>(capacityFor(expectedEntries), Hashing.DEFAULT_LOAD_FACTOR, false);
    }

    /** Agrona's constructor takes a table capacity, not an entry count. */
    private static int capacityFor(int entries) {
        return (int) Math.ceil(entries / (double) Hashing.DEFAULT_LOAD_FACTOR);
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
        map.forEachInt((k, v) -> action.accept(k));
    }

    @Override
    public SubjectMap rebuild() {
        AgronaSubject copy = new AgronaSubject(valueSize, map.size());
        map.forEachInt(copy.map::put);
        return copy;
    }

    @Override
    public boolean supportsTrim() {
        return true;
    }

    @Override
    public void trim() {
        map.compact();
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
