package dev.mapleak.report;

import dev.mapleak.folder.SubjectInfo;

import java.util.Optional;

/**
 * Whose maps a verdict is about, from the kind the run folder records for each subject. "Java's maps" are the
 * JDK's and the libraries' maps with a table; mapleak's own maps are a controlled experiment built never to
 * shrink, a map without a table (TreeMap) has nothing to keep, and the Go model speaks for Go: none of those may
 * count for or against "Java".
 */
enum MapGroup {
    JAVA_MAPS("Java's maps (JDK and libraries)"),
    NO_TABLE("maps without a table"),
    CONTROLLED("mapleak's controlled pair"),
    GO_MODEL("Go model"),
    GO_RUNTIME("Go, measured"),
    UNKNOWN("maps the run folder does not describe");

    private final String label;

    MapGroup(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static MapGroup of(Optional<SubjectInfo> info) {
        if (info.isEmpty()) {
            return UNKNOWN;
        }
        SubjectInfo i = info.get();
        return switch (i.kind()) {
            case JDK, LIBRARY -> i.hashTable() ? JAVA_MAPS : NO_TABLE;
            case MAPLEAK -> CONTROLLED;
            case GO_MODEL -> GO_MODEL;
            case GO_RUNTIME -> GO_RUNTIME;
        };
    }
}
