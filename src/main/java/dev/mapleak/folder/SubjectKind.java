package dev.mapleak.folder;

/**
 * What kind of map a subject is: the report groups its verdicts by it ("Java's maps" are the JDK's and the
 * libraries', never mapleak's own or Go's), so it is recorded in every run folder.
 */
public enum SubjectKind {
    /** A map of the JDK ({@code java.util}, {@code java.util.concurrent}). */
    JDK,
    /** A map of a third-party library (fastutil, Eclipse Collections, HPPC, Agrona). */
    LIBRARY,
    /** One of mapleak's own maps, built as a controlled experiment (never shrinks by design). */
    MAPLEAK,
    /** mapleak's Java model of Go's runtime map; its results carry Go's figure ({@link Metric#RETAINED_GO}). */
    GO_MODEL,
    /** Go itself, measured by running a Go program. */
    GO_RUNTIME
}
