package dev.mapleak.subject.lib;

import dev.mapleak.subject.SubjectMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

import java.util.function.IntConsumer;

/**
 * Eclipse Collections' {@code IntObjectHashMap}: removals leave tombstones in the table;
 * {@code compact()} rehashes into the smallest table that fits (the TRIM strategy).
 */
public final class EclipseSubject extends PointerSubjectMap {

    private final IntObjectHashMap<byte[]> map;

    public EclipseSubject(int valueSize, int expectedEntries) {
        super(valueSize);
        this.map = expectedEntries == 0 ? new IntObjectHashMap<>() : new IntObjectHashMap<>(expectedEntries);
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
        return map.removeKey(key) != null;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void forEachKey(IntConsumer action) {
        map.forEachKey(action::accept);
    }

    @Override
    public SubjectMap rebuild() {
        EclipseSubject copy = new EclipseSubject(valueSize, map.size());
        map.forEachKeyValue(copy.map::put);
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
