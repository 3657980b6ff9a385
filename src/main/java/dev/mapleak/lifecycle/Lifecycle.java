package dev.mapleak.lifecycle;

import dev.mapleak.subject.SubjectMap;

/** The seed's experiment as plain operations, shared by the benchmarks and the tests. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** Puts a new value for every key, in order (FILLED). */
    public static SubjectMap fill(SubjectMap map, int[] keys) {
        for (int key : keys) {
            map.putNew(key);
        }
        return map;
    }

    /** How many of {@code entries} keys {@code deleteFraction} removes. */
    public static int deleteCount(int entries, double deleteFraction) {
        checkDeleteFraction(deleteFraction);
        return (int) Math.round(entries * deleteFraction);
    }

    /** Removes the first {@code count} keys of the insertion order (DELETED); returns what is left. */
    public static int delete(SubjectMap map, int[] keys, int count) {
        for (int i = 0; i < count; i++) {
            map.remove(keys[i]);
        }
        return map.size();
    }

    public static double checkDeleteFraction(double deleteFraction) {
        if (!(deleteFraction >= 0.0 && deleteFraction <= 1.0)) {
            throw new IllegalArgumentException("deleteFraction must be between 0 and 1, got " + deleteFraction);
        }
        return deleteFraction;
    }
}
