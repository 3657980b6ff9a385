package dev.mapleak.folder;

/**
 * Where a map keeps its value bytes, the distinction the seed's Go experiment turns on.
 */
public enum Storage {
    /** The value bytes live inside the map's own arrays, like Go's {@code map[int][128]byte}. */
    INLINE,
    /** The map holds a reference to a separate {@code byte[]} per value, like Go's {@code map[int]*[128]byte}. */
    POINTER
}
