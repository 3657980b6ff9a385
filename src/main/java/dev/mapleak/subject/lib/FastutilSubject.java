package dev.mapleak.subject.lib;

import dev.mapleak.subject.SubjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

import java.util.function.IntConsumer;

/**
 * fastutil's {@code Int2ObjectOpenHashMap}: halves its table on {@code remove} when it becomes sparse,
 * but never below the size it was constructed for; {@code trim()} shrinks it to fit.
 */
public final class FastutilSubject extends PointerSubjectMap {

    private final Int2ObjectOpenHashMap<byte[]> map;

    public FastutilSubject(int valueSize, int expectedEntries) {
        super(valueSize);
        this.map = expectedEntries == 0 ? new Int2ObjectOpenHashMap<>() : new Int2ObjectOpenHashMap<>(expectedEntries);
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
        map.keySet().forEach((it.unimi.dsi.fastutil.ints.IntConsumer) action::accept);
    }

    @Override
    public SubjectMap rebuild() {
        FastutilSubject copy = new FastutilSubject(valueSize, map.size());
        for (Int2ObjectMap.Entry<byte[]> e : map.int2ObjectEntrySet()) {
            copy.map.put(e.getIntKey(), e.getValue());
        }
        return copy;
    }

    @Override
    public boolean supportsTrim() {
        return true;
    }

    @Override
    public void trim() {
        map.trim();
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
