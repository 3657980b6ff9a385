package dev.mapleak.subject.flat;

/** PLACEHOLDER: being written; replace whole file. */
public final class FlatPointerMap extends dev.mapleak.subject.lib.PointerSubjectMap {
    public FlatPointerMap(int valueSize, int expectedEntries) { super(valueSize); throw new UnsupportedOperationException("not yet"); }
    @Override protected void store(int key, byte[] value) { }
    @Override protected byte[] lookup(int key) { return null; }
    @Override public boolean remove(int key) { return false; }
    @Override public int size() { return 0; }
    @Override public void forEachKey(java.util.function.IntConsumer action) { }
    @Override public dev.mapleak.subject.SubjectMap rebuild() { return null; }
    @Override public void clear() { }
    @Override public Object footprintRoot() { return this; }
}
