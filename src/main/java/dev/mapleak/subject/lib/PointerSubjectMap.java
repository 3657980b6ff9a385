package dev.mapleak.subject.lib;

import dev.mapleak.folder.Storage;
import dev.mapleak.subject.SubjectMap;

/**
 * What every library adapter shares: values are {@code byte[]} references kept as they are (POINTER
 * storage), so an adapter only says how to store, look up and shrink.
 */
public abstract class PointerSubjectMap implements SubjectMap {

    protected final int valueSize;

    protected PointerSubjectMap(int valueSize) {
        this.valueSize = valueSize;
    }

    /** Stores the reference under {@code key}. */
    protected abstract void store(int key, byte[] value);

    /** The stored reference, or null. */
    protected abstract byte[] lookup(int key);

    @Override
    public final int valueSize() {
        return valueSize;
    }

    @Override
    public final Storage storage() {
        return Storage.POINTER;
    }

    @Override
    public final void put(int key, byte[] value) {
        if (value.length != valueSize) {
            throw new IllegalArgumentException("value has " + value.length + " bytes; this map holds "
                    + valueSize + "-byte values");
        }
        store(key, value);
    }

    @Override
    public final void putNew(int key) {
        byte[] value = new byte[valueSize];
        value[0] = (byte) key;
        store(key, value);
    }

    @Override
    public final byte[] get(int key) {
        return lookup(key);
    }

    @Override
    public final int valueByte(int key) {
        byte[] value = lookup(key);
        return value == null ? -1 : value[0] & 0xFF;
    }

    @Override
    public boolean supportsTrim() {
        return false;
    }

    @Override
    public void trim() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no shrink of its own");
    }
}
