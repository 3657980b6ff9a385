package dev.mapleak.scan;

import shark.HeapObject;

/**
 * One array of a map's table as the dump records it: its id (the object's address in the dumped heap), the
 * size of one element in the heap (0 for a reference: 4 or 8 bytes depending on the {@link Layout}) and its length.
 */
record TableArray(long id, int elementSize, int length) {

    /** Shark reports an array's size in hprof bytes: 8-byte ids for references, so length = bytes / id size. */
    static TableArray of(HeapObject array, int idSize) {
        if (array instanceof HeapObject.HeapObjectArray a) {
            return new TableArray(a.getObjectId(), 0, a.readByteSize() / idSize);
        }
        HeapObject.HeapPrimitiveArray p = (HeapObject.HeapPrimitiveArray) array;
        int element = p.getPrimitiveType().getByteSize();
        return new TableArray(p.getObjectId(), element, p.readByteSize() / element);
    }

    long bytes(Layout layout) {
        return layout.arrayBytes(elementSize, length);
    }
}
