package dev.mapleak.report;

import dev.mapleak.folder.SubjectInfo;

import java.util.Optional;

/**
 * Whose map a subject is, as a reader sees it in a table: a library's map (the JDK's or a third party's, with its
 * version), one of mapleak's own experiments, mapleak's model of Go, or Go itself. The report lists library maps
 * first and never mixes them with mapleak's own: a finding about "Java's maps" is about libraries people use.
 */
enum Provenance {
    LIBRARY("library"),
    MAPLEAK("mapleak's own"),
    GO_MODEL("mapleak's Go model"),
    GO_RUNTIME("Go, measured"),
    UNKNOWN("?");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Provenance of(Optional<SubjectInfo> info) {
        if (info.isEmpty()) {
            return UNKNOWN;
        }
        return switch (info.get().kind()) {
            case JDK, LIBRARY -> LIBRARY;
            case MAPLEAK -> MAPLEAK;
            case GO_MODEL -> GO_MODEL;
            case GO_RUNTIME -> GO_RUNTIME;
        };
    }
}
