package dev.mapleak.lifecycle;

import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;

/**
 * How a map came to hold its live entries. All three histories end with exactly the same live keys (the
 * last {@code entries} keys of one insertion order, each value written by {@link SubjectMap#putNew}), so any
 * difference an operation shows between them is the map's past, not its contents.
 *
 * <p>The past is {@code filled = entries / (1 - deleteFraction)} keys put and the first
 * {@code filled - entries} of them removed: with the default fraction 0.99, 10k live entries left in a map
 * that held 1M.
 */
public enum History {
    /** Built with just the live entries, default initial size: what the map would be had it never been bigger. */
    FRESH,
    /** Filled with every key, then thinned to the live ones (strategy KEEP). */
    AFTER_DELETE,
    /** {@link #AFTER_DELETE}, then {@link #reclaimFor reclaimed}: TRIM where the map has a shrink, REBUILD otherwise. */
    RECLAIMED;

    /** How many keys a map with {@code entries} live entries held before {@code deleteFraction} of them went. */
    public static int filledEntries(int entries, double deleteFraction) {
        Lifecycle.checkDeleteFraction(deleteFraction);
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be >= 1, got " + entries);
        }
        if (deleteFraction >= 1.0) {
            throw new IllegalArgumentException("deleteFraction must be below 1 for a history with live entries, got "
                    + deleteFraction);
        }
        double filled = Math.rint(entries / (1.0 - deleteFraction));
        if (filled > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(entries + " live entries after deleting " + deleteFraction
                    + " of them means filling " + (long) filled + " keys, more than an int[] of keys holds");
        }
        return (int) filled;
    }

    /**
     * The reclaim RECLAIMED applies: the library's own shrink where there is one (it is what a user of that
     * library would call), otherwise the seed's remedy, a rebuild.
     */
    public static Strategy reclaimFor(Subject subject) {
        return subject.supportsTrim() ? Strategy.TRIM : Strategy.REBUILD;
    }

    /**
     * A map of {@code subject} with this history. {@code insertionOrder} holds every key ever put, in order
     * ({@link #filledEntries} of them); the last {@code entries} are the live ones.
     */
    public SubjectMap build(Subject subject, int valueSize, int[] insertionOrder, int entries) {
        if (entries < 1 || entries > insertionOrder.length) {
            throw new IllegalArgumentException("entries must be between 1 and " + insertionOrder.length + ", got " + entries);
        }
        int deleted = insertionOrder.length - entries;
        SubjectMap map = subject.create(valueSize);
        if (this == FRESH) {
            for (int i = deleted; i < insertionOrder.length; i++) {
                map.putNew(insertionOrder[i]);
            }
            return map;
        }
        Lifecycle.fill(map, insertionOrder);
        Lifecycle.delete(map, insertionOrder, deleted);
        return this == AFTER_DELETE ? map : reclaimFor(subject).apply(map);
    }
}
