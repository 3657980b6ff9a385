package dev.mapleak.subject;

import dev.mapleak.folder.Storage;
import dev.mapleak.folder.SubjectKind;

import dev.mapleak.subject.flat.FlatInlineMap;
import dev.mapleak.subject.flat.FlatPointerMap;
import dev.mapleak.subject.go.GoMap;
import dev.mapleak.subject.lib.AgronaSubject;
import dev.mapleak.subject.lib.EclipseSubject;
import dev.mapleak.subject.lib.FastutilSubject;
import dev.mapleak.subject.lib.HppcSubject;
import dev.mapleak.subject.lib.JdkMapSubject;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every map under test. The constant names are the JMH {@code subject} parameter values, so they are part
 * of mapleak's public interface: profiles, reports and users type them. Adding a map means one adapter
 * and one constant here.
 */
public enum Subject {
    JDK_HASH_MAP(SubjectKind.JDK, "JDK", JdkMapSubject::hashMap),
    JDK_LINKED_HASH_MAP(SubjectKind.JDK, "JDK", JdkMapSubject::linkedHashMap),
    JDK_CONCURRENT_HASH_MAP(SubjectKind.JDK, "JDK", JdkMapSubject::concurrentHashMap),
    /** No hash table at all: the control. */
    JDK_TREE_MAP(SubjectKind.JDK, "JDK", JdkMapSubject::treeMap),
    FASTUTIL(SubjectKind.LIBRARY, "fastutil", FastutilSubject::new),
    ECLIPSE(SubjectKind.LIBRARY, "eclipse-collections", EclipseSubject::new),
    HPPC(SubjectKind.LIBRARY, "hppc", HppcSubject::new),
    AGRONA(SubjectKind.LIBRARY, "agrona", AgronaSubject::new),
    /** mapleak's controlled experiment: one open-addressing table, values inline... */
    FLAT_INLINE(SubjectKind.MAPLEAK, "mapleak", FlatInlineMap::new),
    /** ...or through a pointer, everything else equal. */
    FLAT_POINTER(SubjectKind.MAPLEAK, "mapleak", FlatPointerMap::new),
    /** A Java port of Go's classic runtime map; its results carry Go's figure. */
    GO_HYBRID(SubjectKind.GO_MODEL, "mapleak", GoMap::new);

    /** The largest value size a subject accepts: 1 MiB. */
    public static final int MAX_VALUE_SIZE = 1 << 20;

    /** Makes an instance; {@code expectedEntries} 0 means the implementation's default sizing. */
    @FunctionalInterface
    public interface Factory {
        SubjectMap create(int valueSize, int expectedEntries);
    }

    private final SubjectKind kind;
    private final String library;
    private final Factory factory;

    Subject(SubjectKind kind, String library, Factory factory) {
        this.kind = kind;
        this.library = library;
        this.factory = factory;
    }

    public SubjectKind kind() {
        return kind;
    }

    /** The library the measured class comes from, as named in mapleak.properties (its version is there too). */
    public String library() {
        return library;
    }

    /** The class whose instances are measured (what JOL walks from). */
    public Class<?> measuredClass() {
        return create(1).footprintRoot().getClass();
    }

    /** Whether the map has a hash table that can stay allocated after deletes; a tree has none. */
    public boolean hasHashTable() {
        return this != JDK_TREE_MAP;
    }

    /** A new, empty instance with the implementation's default initial size (the seed's {@code make(map...)}). */
    public SubjectMap create(int valueSize) {
        return create(valueSize, 0);
    }

    /** A new, empty instance sized up front for {@code expectedEntries} entries. */
    public SubjectMap create(int valueSize, int expectedEntries) {
        checkValueSize(valueSize);
        if (expectedEntries < 0) {
            throw new IllegalArgumentException("expectedEntries must be >= 0, got " + expectedEntries);
        }
        return factory.create(valueSize, expectedEntries);
    }

    /** Whether this subject has a shrink of its own (the TRIM strategy); asked of a tiny instance. */
    public boolean supportsTrim() {
        return create(1).supportsTrim();
    }

    /** How this subject stores values of {@code valueSize} bytes. */
    public Storage storageFor(int valueSize) {
        return create(valueSize).storage();
    }

    /** The constant named {@code name}, or an exception that lists every valid name. */
    public static Subject parse(String name) {
        for (Subject s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown subject '" + name + "'; valid subjects: " + names());
    }

    /** All constant names, comma-separated, in declaration order. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Rejects a value size outside 1 byte .. 1 MiB with a message that says what is valid. */
    public static int checkValueSize(int valueSize) {
        if (valueSize <= 0 || valueSize > MAX_VALUE_SIZE) {
            throw new IllegalArgumentException("valueSize must be between 1 and " + MAX_VALUE_SIZE
                    + " bytes (1 MiB), got " + valueSize);
        }
        return valueSize;
    }
}
