package dev.mapleak.folder;

import java.util.Map;
import java.util.Optional;

/**
 * What a run folder records about one subject ({@code subjects.json}), so a report never has to ask the current
 * build what a subject was: a run made before a subject is renamed or changed re-renders as it was.
 *
 * @param name      the subject's name in the results ({@code subject} parameter)
 * @param kind      JDK, library, mapleak's own, the Go model, or Go itself
 * @param className the class measured (for a library map, the library's class)
 * @param library   the library and its version, e.g. {@code fastutil 8.5.19}, {@code JDK}, {@code mapleak}
 * @param hashTable whether the map has a table that can stay allocated after deletes (a tree does not)
 * @param storage   how it stores values of each value size the run measured ("128" → INLINE)
 */
public record SubjectInfo(String name, SubjectKind kind, String className, String library, boolean hashTable,
                          Map<String, Storage> storage) {

    /** How values of {@code valueSize} bytes were stored, if the run recorded that size. */
    public Optional<Storage> storageAt(int valueSize) {
        return Optional.ofNullable(storage == null ? null : storage.get(Integer.toString(valueSize)));
    }

    /** A map of the JDK or of a library: what "Java's maps" means in a verdict. */
    public boolean isJavaMap() {
        return kind == SubjectKind.JDK || kind == SubjectKind.LIBRARY;
    }

    /** The Go model or Go itself. */
    public boolean isGo() {
        return kind == SubjectKind.GO_MODEL || kind == SubjectKind.GO_RUNTIME;
    }
}
