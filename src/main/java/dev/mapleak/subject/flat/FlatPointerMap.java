package dev.mapleak.subject.flat;

import dev.mapleak.folder.Storage;

import java.util.Arrays;

/**
 * FLAT_POINTER: {@link FlatInlineMap}'s table with one {@code byte[]} reference per slot instead of a slab,
 * like Go's {@code map[int]*[128]byte}. Hash, probing, growth and deletion are shared code, so the two
 * maps are a controlled A/B of value storage alone: after deleting every entry this one keeps only its key
 * and reference arrays, while the values themselves become garbage.
 */
public final class FlatPointerMap extends FlatTable<byte[][]> {

    private byte[][] values;

    public FlatPointerMap(int valueSize, int expectedEntries) {
        super(valueSize, expectedEntries);
        this.values = new byte[capacity() + 1][];
    }

    @Override
    public Storage storage() {
        return Storage.POINTER;
    }

    /** Keeps the caller's array, as every POINTER map does. */
    @Override
    public void put(int key, byte[] value) {
        checkLength(value);
        final int slot = insert(key);
        values[slot] = value;
    }

    @Override
    public void putNew(int key) {
        final byte[] value = new byte[valueSize];
        value[0] = (byte) key;
        final int slot = insert(key);
        values[slot] = value;
    }

    @Override
    public int valueByte(int key) {
        final int slot = slotOf(key);
        return slot < 0 ? -1 : values[slot][0] & 0xFF;
    }

    @Override
    public byte[] get(int key) {
        final int slot = slotOf(key);
        return slot < 0 ? null : values[slot];
    }

    @Override
    byte[][] replaceValues(int slots) {
        final byte[][] old = values;
        values = new byte[slots][];
        return old;
    }

    @Override
    byte[][] values() {
        return values;
    }

    @Override
    void copyValue(byte[][] source, int from, int to) {
        values[to] = source[from];
    }

    @Override
    void moveValue(int from, int to) {
        values[to] = values[from];
    }

    /** Drops the reference so the removed value can be collected. */
    @Override
    void clearValue(int slot) {
        values[slot] = null;
    }

    @Override
    void clearValues() {
        Arrays.fill(values, null);
    }

    @Override
    FlatPointerMap newSized(int expectedEntries) {
        return new FlatPointerMap(valueSize, expectedEntries);
    }
}
