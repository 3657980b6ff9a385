package dev.mapleak.scan;

/**
 * How the dumped JVM laid out arrays: what an hprof file does not record. The dump writes 8-byte ids and no
 * headers, so a table's heap size is computed here from its length: {@code align(base + length * element)}.
 * Both layouts assume compressed class pointers (the default since JDK 15, also with
 * {@code -XX:-UseCompressedOops}) and the default 8-byte {@code ObjectAlignmentInBytes}.
 */
public enum Layout {
    /** {@code -XX:+UseCompressedOops} (default below 32 GB of heap): 4-byte references, 16-byte array header. */
    COMPRESSED("compressed oops", 4, 16),
    /** {@code -XX:-UseCompressedOops} or a heap of 32 GB and more: 8-byte references, 16-byte array header. */
    UNCOMPRESSED("uncompressed oops", 8, 16);

    static final int ALIGNMENT = 8;

    private final String label;
    private final int referenceSize;
    private final int arrayBase;

    Layout(String label, int referenceSize, int arrayBase) {
        this.label = label;
        this.referenceSize = referenceSize;
        this.arrayBase = arrayBase;
    }

    public String label() {
        return label;
    }

    public int referenceSize() {
        return referenceSize;
    }

    /** Heap bytes of an array of {@code length} elements of {@code elementSize} bytes (0 for a reference). */
    public long arrayBytes(int elementSize, long length) {
        int element = elementSize == 0 ? referenceSize : elementSize;
        long raw = arrayBase + element * length;
        return (raw + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    public String describe() {
        return label + " (" + referenceSize + "-byte references, " + arrayBase + "-byte array header, "
                + ALIGNMENT + "-byte alignment)";
    }
}
