package dev.mapleak.lifecycle;

import dev.mapleak.subject.SubjectMap;

import java.util.function.Consumer;

/**
 * A map held at a constant live size while its keys roll over, like a cache of the latest {@code window}
 * sessions: every step (a rollover) puts the next key and removes the oldest. Keys are consecutive ints; the
 * map starts with {@code 0 .. window-1}, step {@code k} (counting from {@code window}) puts {@code k} and
 * removes {@code k - window}. Int arithmetic wraps, and keys within a window stay distinct, so a churn can
 * run for any number of steps. {@code window} steps replace every key once: one round.
 */
public final class Churn {

    private Churn() {
    }

    /** Puts keys {@code 0 .. window-1}; the next key to put is then {@code window}. */
    public static SubjectMap start(SubjectMap map, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        for (int key = 0; key < window; key++) {
            map.putNew(key);
        }
        return map;
    }

    /** One rollover: puts {@code next} (new), then removes {@code next - window} (the oldest); true if it was there. */
    public static boolean step(SubjectMap map, int next, int window) {
        map.putNew(next);
        return map.remove(next - window);
    }

    /**
     * Exactly {@code steps} rollovers from key {@code next}; returns the next key after them. Throws if an
     * oldest key was missing (the map lost an entry): one well-predicted branch per step.
     */
    public static int roll(SubjectMap map, int next, long steps, int window) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        for (long i = 0; i < steps; i++) {
            if (!step(map, next, window)) {
                throw new IllegalStateException("key " + (next - window) + " was not in the map when it rolled out");
            }
            next++;
        }
        return next;
    }

    /**
     * One round ({@code window} rollovers) from key {@code next}, cut into {@code depths} parts as equal as
     * integers allow, showing the map to {@code sample} after each part: the states a churning map passes
     * through at depths 1/depths, 2/depths, ... 1 of a round. Returns the next key after the round.
     */
    public static int rollSampling(SubjectMap map, int next, int window, int depths, Consumer<SubjectMap> sample) {
        if (depths < 1 || depths > window) {
            throw new IllegalArgumentException("depths must be between 1 and the window (" + window + "), got " + depths);
        }
        long done = 0;
        for (int d = 1; d <= depths; d++) {
            long upTo = (long) window * d / depths;
            next = roll(map, next, upTo - done, window);
            done = upTo;
            sample.accept(map);
        }
        return next;
    }
}
