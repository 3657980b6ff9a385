package dev.mapleak.subject.flat;

import dev.mapleak.folder.Storage;

import java.util.Arrays;

/**
 * FLAT_INLINE: the Java counterpart of Go's {@code map[int][128]byte}. Every value's bytes are copied into
 * one slab, {@code byte[(capacity + 1) * valueSize]}, slot {@code i} at offset {@code i * valueSize}, so the
 * memory a table holds is fixed by its capacity, not by how many entries are live: delete every entry and
 * the slab stays, exactly as Go's buckets do. {@link FlatPointerMap} is the same table with references.
 *
 * <p>An emptied slot keeps its stale bytes (they are primitive, so they pin nothing): {@link #putNew} zeroes
 * a slot and {@link #put} overwrites all of it before any read.
 */
public final class FlatInlineMap extends FlatTable<byte[]> {

    private byte[] slab;

    public FlatInlineMap(int valueSize, int expectedEntries) {
        super(valueSize, expectedEntries);
        this.slab = newSlab(capacity() + 1);
    }

    /** One array for all values; refuses, instead of overflowing an int, when that array cannot exist. */
    private byte[] newSlab(int slots) {
        final long bytes = (long) slots * valueSize;
        if (bytes > MAX_ARRAY_LENGTH) {
            throw new IllegalStateException("FLAT_INLINE needs " + slots + " slots x " + valueSize + " bytes = "
                    + bytes + " bytes in one byte[], over the Java array limit of " + MAX_ARRAY_LENGTH
                    + " bytes; at this value size it holds at most "
                    + maxFill(Integer.highestOneBit((int) Math.min(MAX_CAPACITY, MAX_ARRAY_LENGTH / valueSize - 1)))
                    + " entries");
        }
        return new byte[(int) bytes];
    }

    @Override
    public Storage storage() {
        return Storage.INLINE;
    }

    @Override
    public void put(int key, byte[] value) {
        checkLength(value);
        final int slot = insert(key);
        System.arraycopy(value, 0, slab, slot * valueSize, valueSize);
    }

    @Override
    public void putNew(int key) {
        final int offset = insert(key) * valueSize;
        final byte[] slab = this.slab;
        slab[offset] = (byte) key;
        Arrays.fill(slab, offset + 1, offset + valueSize, (byte) 0);
    }

    @Override
    public int valueByte(int key) {
        final int slot = slotOf(key);
        return slot < 0 ? -1 : slab[slot * valueSize] & 0xFF;
    }

    /** A copy: the stored bytes belong to the slab. */
    @Override
    public byte[] get(int key) {
        final int slot = slotOf(key);
        if (slot < 0) {
            return null;
        }
        final int offset = slot * valueSize;
        return Arrays.copyOfRange(slab, offset, offset + valueSize);
    }

    @Override
    byte[] replaceValues(int slots) {
        final byte[] old = slab;
        slab = newSlab(slots);
        return old;
    }

    @Override
    byte[] values() {
        return slab;
    }

    @Override
    void copyValue(byte[] source, int from, int to) {
        System.arraycopy(source, from * valueSize, slab, to * valueSize, valueSize);
    }

    @Override
    void moveValue(int from, int to) {
        System.arraycopy(slab, from * valueSize, slab, to * valueSize, valueSize);
    }

    /** Nothing to do: stale bytes hold no references and are overwritten before the slot is read again. */
    @Override
    void clearValue(int slot) {
    }

    /** Nothing to do, for the same reason; the slab stays, which is the point. */
    @Override
    void clearValues() {
    }

    @Override
    FlatInlineMap newSized(int expectedEntries) {
        return new FlatInlineMap(valueSize, expectedEntries);
    }
}
