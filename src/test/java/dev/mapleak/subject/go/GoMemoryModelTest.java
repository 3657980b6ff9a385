package dev.mapleak.subject.go;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-checks {@link GoMap#goRuntimeBytes()} against a brute-force "Go garbage collector" over the Java
 * mirror, at every operation of incremental grows with deletes: scan every slot of the current and old
 * bucket arrays (Go scans whole objects), follow overflow links into separately allocated buckets, and count
 * distinct value objects. The model computes the same thing differently (counters, plus a walk for stale
 * slots), so agreement checks both the model and that the Java mirror keeps and drops exactly what Go does.
 */
class GoMemoryModelTest {

    @ParameterizedTest(name = "valueSize {0}, threshold {1}")
    @CsvSource({"40, 128", "40, 39", "129, 128"})
    void runtimeBytesMatchABruteForceWalkThroughGrowsAndDeletes(int valueSize, int threshold) {
        GoMap m = new GoMap(valueSize, 0, threshold);
        SplittableRandom r = new SplittableRandom(valueSize * 31L + threshold);
        int next = 0;
        boolean sawStale = false;
        long checkedWhileGrowing = 0;
        for (int target = 1; target <= 10; target++) {
            // small grows finish within the insert that starts them
            while (m.bucketShift() < target) {
                m.putNew(next++);
            }
            while (m.growing()) {
                int dice = r.nextInt(5);
                if (dice < 2) {
                    m.remove(r.nextInt(next));
                } else if (dice < 4) {
                    m.putNew(next++);
                } else {
                    m.put(r.nextInt(next), new byte[valueSize]); // an overwrite, or a re-insert
                }
                long brute = bruteForceGoBytes(m);
                assertEquals(brute, m.goRuntimeBytes(), "B=" + m.bucketShift() + " count=" + m.size());
                checkedWhileGrowing++;
                sawStale |= m.indirectElem && distinctValues(m) > m.size();
            }
            assertEquals(GoMapInvariants.closedFormBytes(m), m.goRuntimeBytes());
        }
        assertTrue(checkedWhileGrowing > 500, "checked " + checkedWhileGrowing + " states during grows");
        if (m.indirectElem) {
            assertTrue(sawStale, "a pointer map held a deleted value through a stale old slot at least once");
        }
    }

    static long bruteForceGoBytes(GoMap m) {
        long bytes = 48;
        if (m.extra != null) {
            bytes += 24;
            if (m.extra.overflow != null) {
                bytes += m.extra.overflow.runtimeBytes();
            }
            if (m.extra.oldoverflow != null) {
                bytes += m.extra.oldoverflow.runtimeBytes();
            }
        }
        Set<GoBuckets> separate = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<byte[]> values = Collections.newSetFromMap(new IdentityHashMap<>());
        for (GoBuckets array : new GoBuckets[] {m.buckets, m.oldbuckets}) {
            if (array != null) {
                bytes += GoSizeClasses.roundupsize((long) array.length * m.bucketSize);
                scan(array, separate, values);
            }
        }
        bytes += separate.size() * GoSizeClasses.roundupsize(m.bucketSize);
        bytes += values.size() * GoSizeClasses.roundupsize(m.valueSize);
        return bytes;
    }

    private static void scan(GoBuckets a, Set<GoBuckets> separate, Set<byte[]> values) {
        if (a.pointerValues != null) {
            for (byte[] v : a.pointerValues) {
                if (v != null) {
                    values.add(v);
                }
            }
        }
        for (GoBuckets link : a.overflow) {
            if (link != null && link != a && separate.add(link)) {
                scan(link, separate, values);
            }
        }
    }

    private static long distinctValues(GoMap m) {
        Set<byte[]> values = Collections.newSetFromMap(new IdentityHashMap<>());
        scan(m.buckets, Collections.newSetFromMap(new IdentityHashMap<>()), values);
        if (m.oldbuckets != null) {
            scan(m.oldbuckets, Collections.newSetFromMap(new IdentityHashMap<>()), values);
        }
        return values.size();
    }
}
