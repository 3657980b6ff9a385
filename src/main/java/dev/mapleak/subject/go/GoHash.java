package dev.mapleak.subject.go;

/**
 * The stand-in for Go's key hasher and for {@code runtime.fastrand}.
 *
 * <p>Go hashes an {@code int} key with {@code memhash64} (AES-based {@code aeshash64} on amd64), seeded
 * per map by {@code hmap.hash0}. What matters for the map's policy is that the 64-bit result is well
 * mixed in both its low bits (the bucket: {@code hash & (2^B - 1)}) and its top byte (the tophash), and
 * that it depends on the seed. Here: the key as Go's 8-byte {@code int}, XORed with the spread seed, then
 * the SplitMix64 finaliser (a bijection, so distinct keys never collide on the full 64 bits for one seed).
 *
 * <p>{@code fastrand} (the seeds of new and cleared maps, and {@code incrnoverflow}'s coin) is SplitMix64
 * from a fixed start, so every run builds exactly the same maps.
 */
final class GoHash {

    /** The start of every map's random sequence: reproducible runs, unlike Go's per-M random state. */
    static final long RANDOM_START = 0x5EED_0F_60_AE5L;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private GoHash() {
    }

    /** {@code t.Hasher(&key, uintptr(h.hash0))} for an {@code int} key. */
    static long hash(int key, int hash0) {
        long k = key; // Go's int is 64 bits: sign-extend like int(i) would
        return mix64(k ^ ((hash0 & 0xFFFF_FFFFL) * GOLDEN));
    }

    /** SplitMix64's finaliser (Stafford's variant 13): every input bit reaches every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Advances a SplitMix64 state; {@link #randomOf(long)} of the result is the next random number. */
    static long nextState(long state) {
        return state + GOLDEN;
    }

    /** The 32-bit random number ({@code fastrand()}'s uint32) for a state. */
    static int randomOf(long state) {
        return (int) mix64(state);
    }
}
