package dev.mapleak.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Keys for a hot loop, computed before it: a shuffled array of power-of-two length, read round and round
 * through an index mask, so the timed code does one load and one add per key and no branch, no division
 * and no random-number generation. Every key of the pool appears at least once; when the pool is shorter
 * than the array, some keys appear once more, spread by a second shuffle.
 */
final class KeyCycle {

    /** Fixed, so every run and every subject reads the keys in the same order. */
    static final long SEED = 0x6F7073L; // "ops"

    private final int[] keys;
    private final int mask;
    private int next;

    private KeyCycle(int[] keys) {
        this.keys = keys;
        this.mask = keys.length - 1;
    }

    /** The keys {@code pool[from .. to)} in a cycle of {@code cycleLength(to - from)} reads. */
    static KeyCycle of(int[] pool, int from, int to) {
        if (from < 0 || to > pool.length || from >= to) {
            throw new IllegalArgumentException("need a non-empty range of the pool, got [" + from + ", " + to + ") of " + pool.length);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int[] distinct = Arrays.copyOfRange(pool, from, to);
        shuffle(distinct, random);
        int[] keys = new int[cycleLength(distinct.length)];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = distinct[i % distinct.length];
        }
        if (keys.length > distinct.length) {
            shuffle(keys, random);
        }
        return new KeyCycle(keys);
    }

    /** The smallest power of two that holds {@code n} keys. */
    static int cycleLength(int n) {
        if (n < 1 || n > 1 << 30) {
            throw new IllegalArgumentException("a key cycle holds 1 to 2^30 keys, got " + n);
        }
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /** The next key of the cycle. */
    int next() {
        return keys[next++ & mask];
    }

    int length() {
        return keys.length;
    }

    /** The keys in the order {@link #next()} hands them out, for tests. */
    int[] keys() {
        return keys.clone();
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
