package dev.mapleak.lifecycle;

import dev.mapleak.subject.SubjectMap;

/**
 * A map held at a constant live size while its keys roll over, like a cache of the latest {@code window}
 * sessions: every step puts the next key and removes the oldest. Keys are consecutive ints; the map starts
 * with {@code 0 .. window-1}, step {@code k} (counting from {@code window}) puts {@code k} and removes
 * {@code k - window}. Int arithmetic wraps, and keys within a window stay distinct, so a churn can run
 * for any number of steps.
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

    /** {@code steps} rollovers from key {@code next}; returns the next key after them. */
    public static int roll(SubjectMap map, int next, long steps, int window) {
        for (long i = 0; i < steps; i++) {
            step(map, next++, window);
        }
        return next;
    }
}
