package dev.mapleak.subject;

import dev.mapleak.folder.Storage;

import java.util.function.IntConsumer;

/**
 * The small adapter every map under test sits behind: {@code int} keys, values of exactly
 * {@link #valueSize()} bytes.
 *
 * <p>Values are handed over as {@code byte[]}; what the map does with them is its {@link #storage()}:
 * a POINTER map keeps the caller's array, an INLINE map copies its bytes into its own storage.
 */
public interface SubjectMap {

    /** Bytes per value; every value put must have exactly this length. */
    int valueSize();

    /** How this instance stores its values. */
    Storage storage();

    /**
     * Associates {@code value} with {@code key}. A POINTER map keeps the reference; an INLINE map
     * copies the bytes. Throws {@link IllegalArgumentException} when {@code value.length != valueSize()}.
     */
    void put(int key, byte[] value);

    /**
     * Stores a new value for {@code key} the way the seed's program does ({@code m[i] = [128]byte{}}):
     * a POINTER map allocates a fresh zeroed {@code byte[valueSize]}, an INLINE map zeroes the slot
     * in place; both then write {@code (byte) key} to the value's first byte so values differ.
     */
    void putNew(int key);

    /** A copy-free read for hot loops: the first byte of {@code key}'s value (0..255), or -1 if absent. */
    int valueByte(int key);

    /** The value of {@code key}, or null. INLINE maps return a copy of the stored bytes. */
    byte[] get(int key);

    /** Removes {@code key}; true if it was present. */
    boolean remove(int key);

    int size();

    /** Calls {@code action} once for every live key, in the map's own order. */
    void forEachKey(IntConsumer action);

    /**
     * The REBUILD strategy (the seed's remedy 1): a new instance of the same implementation sized for
     * the current entries, with every entry copied in. This instance is left untouched.
     */
    SubjectMap rebuild();

    /** Whether the implementation has a shrink of its own (the TRIM strategy). */
    boolean supportsTrim();

    /**
     * The TRIM strategy: the library's own shrink ({@code trim()}, {@code compact()}, ...). Throws
     * {@link UnsupportedOperationException} when {@link #supportsTrim()} is false; never a rebuild in disguise.
     */
    void trim();

    /** The CLEAR strategy: the implementation's own {@code clear()}. */
    void clear();

    /** The object whose reachable graph is this map's footprint (what JOL walks). */
    Object footprintRoot();
}
