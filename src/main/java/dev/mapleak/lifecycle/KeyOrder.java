package dev.mapleak.lifecycle;

import java.util.SplittableRandom;

/** The order keys are inserted (and deleted) in. */
public enum KeyOrder {
    /** The seed's 0, 1, ..., n-1. */
    SEQUENTIAL,
    /** A permutation of 0..n-1 from a fixed seed, so every run and every subject sees the same keys. */
    RANDOM;

    static final long SEED = 0x6D61706C65616BL; // "mapleak"

    /** The n keys in this order. */
    public int[] keys(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("entries must be >= 1, got " + n);
        }
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i;
        }
        if (this == RANDOM) {
            SplittableRandom random = new SplittableRandom(SEED);
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int j = random.nextInt(i + 1);
                int t = keys[i];
                keys[i] = keys[j];
                keys[j] = t;
            }
        }
        return keys;
    }
}
