package dev.mapleak.bench;

import dev.mapleak.lifecycle.History;
import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * What a map's past costs its operations: the same live entries, built {@link History#FRESH}, left
 * {@link History#AFTER_DELETE} in a table sized for a hundred times as many, and {@link History#RECLAIMED}.
 * Iterating 10k live entries left in a table sized for 1M walks the whole table: that is the cost users
 * do not see coming.
 *
 * <p>The map is built in an untimed {@code @Setup(Level.Trial)}; every key the timed methods use was
 * computed there too, as a shuffled {@link KeyCycle} read through an index mask. Every operation leaves the
 * map's live keys as they were, so each invocation sees the same state: {@code put} overwrites a live key,
 * {@code remove} removes a live key and puts it straight back. Results are returned (JMH consumes them) or
 * written into the map, so nothing is dead code.
 *
 * <p>The values {@code put} stores come from a small pool made in setup, so the timed code allocates nothing
 * of its own: whatever {@code -prof gc} reports per operation ({@code gc.alloc.rate.norm}) is the map's own
 * allocation (boxed keys, entry nodes). Allocating a fresh value per put, as {@code putNew} does, would also
 * time the collector: every such value outlives the young generation (it replaces a live one), so each
 * young collection copies them all, and the score drifted by 3x between iterations on the same map. The
 * cost of allocating values is the lifecycle benchmark's {@code fill}.
 *
 * <p><b>Storing a reference costs more in a big, sparse table under G1.</b> A POINTER map's {@code put} (and
 * {@code remove}, which puts back) stores a reference into its value array; G1's post-write barrier dirties
 * the 512-byte card of that array slot and queues it for refinement, which rescans the card, unless the card
 * is already dirty. AFTER_DELETE, FLAT_POINTER's 10k live values sit one per card across a 2M-slot array
 * (10,000 cards), so nearly every put dirties a clean card and pays for enqueueing and refining it; ECLIPSE's
 * hash clusters 10k SEQUENTIAL keys into 79 cards that stay dirty, so its puts skip the barrier's slow path.
 * The profile ({@code ./run-bench.sh ops --prof cpu}) shows FLAT_POINTER's put spending most of its samples
 * in {@code G1DirtyCardQueueSet::enqueue} / {@code G1RemSet::refine_card_concurrently}, ECLIPSE's with
 * SEQUENTIAL keys none; with RANDOM keys ECLIPSE spreads too (5,645 cards) and its profile looks like
 * FLAT_POINTER's; under {@code -XX:+UseParallelGC}, whose barrier only marks the card, the two are alike. The cost is the collector's, not the table's: see
 * {@code FlatTable}'s class comment.
 *
 * <pre>
 *   java -jar target/benchmarks.jar OperationsBenchmark.iterate -p subject=JDK_HASH_MAP -p history=FRESH,AFTER_DELETE
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
public class OperationsBenchmark {

    /** A map with {@code entries} live entries and a {@code history}, and the keys to hit and to miss it with. */
    @State(Scope.Thread)
    public static class MapWithHistory {
        @Param
        public Subject subject;

        @Param({"128"})
        public int valueSize;

        @Param("10000")
        public int entries;

        @Param({"FRESH", "AFTER_DELETE", "RECLAIMED"})
        public History history;

        /** The share of the keys deleted to get down to {@code entries} (AFTER_DELETE, RECLAIMED). */
        @Param("0.99")
        public double deleteFraction;

        /**
         * The insertion order, which decides where the live keys sit in the table: SEQUENTIAL keys leave the
         * survivors consecutive ints, which {@code Integer.hashCode} (JDK_HASH_MAP) and Eclipse's spread function
         * put in one small slice of the table, while a multiplicative mix (FLAT_*, fastutil) spreads them over
         * all of it; RANDOM keys leave a random 1% of the filled keys, which every map spreads over its whole table.
         */
        @Param({"SEQUENTIAL", "RANDOM"})
        public KeyOrder keys;

        SubjectMap map;
        /** Live keys, every one at least once. */
        KeyCycle hits;
        /** Keys not in the map: the deleted ones (never inserted in FRESH), or keys never used when none was deleted. */
        KeyCycle misses;
        /** What {@code put} stores: {@link #VALUE_POOL} arrays of {@code valueSize} bytes, taken in turn. */
        byte[][] values;
        int nextValue;
        final KeySum keySum = new KeySum();

        /** Values put cycle through this many arrays: few enough to stay in cache, a power of two for the mask. */
        static final int VALUE_POOL = 64;

        @Setup(Level.Trial)
        public void build() {
            Subject.checkValueSize(valueSize);
            int filled = History.filledEntries(entries, deleteFraction);
            int[] insertionOrder = keys.keys(filled);
            int deleted = filled - entries;
            map = history.build(subject, valueSize, insertionOrder, entries);
            if (map.size() != entries) {
                throw new IllegalStateException(subject + " " + history + " holds " + map.size() + " entries, expected " + entries);
            }
            hits = KeyCycle.of(insertionOrder, deleted, filled);
            misses = deleted > 0 ? KeyCycle.of(insertionOrder, 0, deleted) : KeyCycle.of(neverInserted(filled, entries), 0, entries);
            values = new byte[VALUE_POOL][valueSize];
            for (int i = 0; i < VALUE_POOL; i++) {
                values[i][0] = (byte) i;
            }
            // Building the map left garbage (the deleted entries, a grown table's old arrays): collect it now,
            // untimed, rather than in the first iterations.
            System.gc();
        }

        byte[] nextValue() {
            return values[nextValue++ & (VALUE_POOL - 1)];
        }

        /** {@code count} keys from {@code filled} up: KeyOrder's keys are 0 .. filled-1, so none was ever put. */
        static int[] neverInserted(int filled, int count) {
            int[] keys = new int[count];
            for (int i = 0; i < count; i++) {
                keys[i] = filled + i;
            }
            return keys;
        }
    }

    /** Adds up the keys it is shown, so an iteration has a result that depends on every key. */
    static final class KeySum implements IntConsumer {
        int sum;

        @Override
        public void accept(int key) {
            sum += key;
        }
    }

    /** A lookup that finds its key and reads the value's first byte. */
    @Benchmark
    public int getHit(MapWithHistory s) {
        return s.map.valueByte(s.hits.next());
    }

    /** A lookup for a key that is not there. */
    @Benchmark
    public int getMiss(MapWithHistory s) {
        return s.map.valueByte(s.misses.next());
    }

    /** Stores a value under a live key: a POINTER map keeps the reference, an INLINE map copies the bytes. */
    @Benchmark
    public void put(MapWithHistory s) {
        s.map.put(s.hits.next(), s.nextValue());
    }

    /** Removes a live key and puts it back: one remove plus one insert of an absent key, state unchanged. */
    @Benchmark
    public boolean remove(MapWithHistory s) {
        int key = s.hits.next();
        boolean removed = s.map.remove(key);
        s.map.put(key, s.nextValue());
        return removed;
    }

    /** Visits every live key once; the score is the time for the whole pass, not per entry. */
    @Benchmark
    public int iterate(MapWithHistory s) {
        s.map.forEachKey(s.keySum);
        return s.keySum.sum;
    }
}
