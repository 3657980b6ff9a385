package dev.mapleak.subject.go;

import java.util.HashSet;
import java.util.Set;

import static dev.mapleak.subject.go.GoBuckets.BUCKET_CNT;
import static dev.mapleak.subject.go.GoBuckets.EMPTY_REST;
import static dev.mapleak.subject.go.GoBuckets.EVACUATED_EMPTY;
import static dev.mapleak.subject.go.GoBuckets.EVACUATED_X;
import static dev.mapleak.subject.go.GoBuckets.EVACUATED_Y;
import static dev.mapleak.subject.go.GoBuckets.MIN_TOP_HASH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks a {@link GoMap}'s buckets and checks the invariants Go's map.go relies on: every live key sits in
 * the bucket its hash selects, with its tophash; no live cell follows an emptyRest cell in a chain; empty
 * cells hold a zeroed (inline) or nil (indirect) elem; old buckets below nevacuate are evacuated, and an old
 * bucket that is not evacuated has nothing in its new buckets yet; count matches; the exact overflow count
 * matches the chains; when not growing, goRuntimeBytes has its simple closed form.
 */
final class GoMapInvariants {

    private GoMapInvariants() {
    }

    static void check(GoMap m) {
        if (m.buckets == null) {
            assertEquals(0, m.count, "no buckets but count " + m.count);
            return;
        }
        int nb = 1 << m.B;
        assertTrue(m.buckets.length >= nb, "bucket array shorter than 2^B");
        Set<Integer> keys = new HashSet<>();
        long live = 0;
        long linked = 0;
        int oldMask = m.growing() ? (m.sameSizeGrow() ? nb - 1 : nb / 2 - 1) : 0;
        for (int bucket = 0; bucket < nb; bucket++) {
            boolean oldPending = m.growing() && !m.oldbuckets.evacuated(bucket & oldMask);
            checkTrailingEmptyRest(m.buckets, bucket, "bucket " + bucket);
            GoBuckets b = m.buckets;
            int bi = bucket;
            boolean rest = false;
            while (b != null) {
                for (int i = 0; i < BUCKET_CNT; i++) {
                    int cell = bi * BUCKET_CNT + i;
                    int top = b.tophash[cell] & 0xFF;
                    if (top == EVACUATED_X || top == EVACUATED_Y || top == EVACUATED_EMPTY) {
                        fail("evacuation mark " + top + " in the current buckets, bucket " + bucket);
                    }
                    if (top >= MIN_TOP_HASH) {
                        assertTrue(!rest, "live cell after emptyRest in bucket " + bucket);
                        assertTrue(!oldPending, "new bucket " + bucket + " filled before its old bucket was evacuated");
                        int key = b.keys[cell];
                        long hash = m.hasher(key);
                        assertEquals(bucket, (int) (hash & (nb - 1)), "key " + key + " in the wrong bucket");
                        assertEquals(GoMap.tophash(hash) & 0xFF, top, "tophash of key " + key);
                        assertTrue(keys.add(key), "duplicate key " + key);
                        live++;
                    } else {
                        assertEmptyValue(b, cell);
                        if (top == EMPTY_REST) {
                            rest = true;
                        }
                    }
                }
                GoBuckets next = b.overflow[bi];
                int nextIndex = b.overflowIndex[bi];
                if (next != null) {
                    linked++;
                    if (next == m.buckets) {
                        assertTrue(nextIndex >= nb, "overflow link back into the main buckets");
                    }
                }
                b = next;
                bi = nextIndex;
            }
        }
        assertEquals(m.buckets.overflowInUse, linked, "overflowInUse vs chained overflow buckets");
        if (m.growing()) {
            live += checkOld(m, oldMask, keys);
        } else if (m.extra != null) {
            assertNull(m.extra.oldoverflow, "oldoverflow while not growing");
        }
        assertEquals(m.count, live, "count vs live cells");
        if (!m.growing()) {
            assertEquals(closedFormBytes(m), m.goRuntimeBytes(), "goRuntimeBytes when not growing");
        }
    }

    private static long checkOld(GoMap m, int oldMask, Set<Integer> keys) {
        long live = 0;
        GoBuckets old = m.oldbuckets;
        for (int ob = 0; ob <= oldMask; ob++) {
            if (ob < m.nevacuate) {
                assertTrue(old.evacuated(ob), "old bucket " + ob + " below nevacuate " + m.nevacuate + " not evacuated");
            }
            if (old.evacuated(ob)) {
                for (int i = 0; i < BUCKET_CNT; i++) {
                    int top = old.tophash[ob * BUCKET_CNT + i] & 0xFF;
                    assertTrue(top >= EVACUATED_X && top <= EVACUATED_EMPTY, "evacuated bucket with tophash " + top);
                }
                continue;
            }
            checkTrailingEmptyRest(old, ob, "old bucket " + ob);
            GoBuckets b = old;
            int bi = ob;
            boolean rest = false;
            while (b != null) {
                for (int i = 0; i < BUCKET_CNT; i++) {
                    int cell = bi * BUCKET_CNT + i;
                    int top = b.tophash[cell] & 0xFF;
                    if (top >= MIN_TOP_HASH) {
                        assertTrue(!rest, "live cell after emptyRest in old bucket " + ob);
                        int key = b.keys[cell];
                        assertEquals(ob, (int) (m.hasher(key) & oldMask), "old key " + key + " in the wrong bucket");
                        assertTrue(keys.add(key), "duplicate key " + key);
                        live++;
                    } else {
                        assertTrue(top == EMPTY_REST || top == GoBuckets.EMPTY_ONE,
                                "unevacuated old bucket with tophash " + top);
                        if (top == EMPTY_REST) {
                            rest = true;
                        }
                    }
                }
                GoBuckets next = b.overflow[bi];
                bi = b.overflowIndex[bi];
                b = next;
            }
        }
        return live;
    }

    /**
     * mapdelete keeps emptyRest maximal: the trailing run of empty cells of every chain (main bucket plus
     * overflow buckets) is all emptyRest, so lookups stop as early as they can.
     */
    static void checkTrailingEmptyRest(GoBuckets b, int bi, String where) {
        java.util.ArrayList<Integer> tops = new java.util.ArrayList<>();
        while (b != null) {
            for (int i = 0; i < BUCKET_CNT; i++) {
                tops.add(b.tophash[bi * BUCKET_CNT + i] & 0xFF);
            }
            GoBuckets next = b.overflow[bi];
            bi = b.overflowIndex[bi];
            b = next;
        }
        for (int j = tops.size() - 1; j >= 0 && tops.get(j) < MIN_TOP_HASH; j--) {
            assertEquals(EMPTY_REST, (int) tops.get(j), "trailing empty cell " + j + " of " + where + " is not emptyRest");
        }
    }

    private static void assertEmptyValue(GoBuckets b, int cell) {
        if (b.inlineValues != null) {
            int off = b.valueOffset(cell);
            for (int j = 0; j < b.valueSize; j++) {
                if (b.inlineValues[off + j] != 0) {
                    fail("empty cell " + cell + " holds value bytes");
                }
            }
        } else {
            assertNull(b.pointerValues[cell], "empty cell " + cell + " holds a value");
        }
    }

    /** What Go holds when no grow is in progress, from the class comment of GoMemoryModel. */
    static long closedFormBytes(GoMap m) {
        long bytes = 48;
        if (m.extra != null) {
            bytes += 24;
            if (m.extra.overflow != null) {
                bytes += 24 + (m.extra.overflow.capacity == 0 ? 0
                        : GoSizeClasses.roundupsize(8L * m.extra.overflow.capacity));
            }
        }
        if (m.buckets != null) {
            bytes += GoSizeClasses.roundupsize((long) m.buckets.length * m.bucketSize);
            bytes += m.buckets.separateOverflow * GoSizeClasses.roundupsize(m.bucketSize);
        }
        if (m.indirectElem) {
            bytes += (long) m.count * GoSizeClasses.roundupsize(m.valueSize);
        }
        return bytes;
    }
}
