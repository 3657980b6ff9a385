package dev.mapleak.subject.lib;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.cursors.IntCursor;
import com.carrotsearch.hppc.cursors.IntObjectCursor;
import dev.mapleak.subject.SubjectMap;

import java.util.function.IntConsumer;

/**
 * HPPC's {@code IntObjectHashMap}: no shrink at all ({@code release()} drops everything, like a
 * clear that reallocates); only a copy rebuilds it smaller.
 */
public final class HppcSubject extends PointerSubjectMap {

    private final IntObjectHashMap<byte[]> map;

    public HppcSubject(int valueSize, int expectedEntries) {
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
        // HPPC returns the default value (null) for a missing key, and values are never null here.
        return map.remove(key) != null;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void forEachKey(IntConsumer action) {
        for (IntCursor c : map.keys()) {
            action.accept(c.value);
        }
    }

    @Override
    public SubjectMap rebuild() {
        HppcSubject copy = new HppcSubject(valueSize, map.size());
        for (IntObjectCursor<byte[]> c : map) {
            copy.map.put(c.key, c.value);
        }
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
