package dev.mapleak.folder;

/** The steps of the seed's experiment, each followed by a measurement. */
public enum Phase {
    /** A new, empty map. */
    START,
    /** After {@code entries} puts. */
    FILLED,
    /** After removing {@code deleteFraction} of them. */
    DELETED,
    /** After applying a {@link Strategy}. */
    RECLAIMED
}
