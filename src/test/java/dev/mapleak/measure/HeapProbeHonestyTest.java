package dev.mapleak.measure;

import dev.mapleak.folder.UnusableHeapProbe;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heap probe says "not measurable" instead of a number where System.gc() is disabled or concurrent, and
 * waits for collectors that uncommit in the background. The rules per collector are pinned here; their
 * timings were measured on this project's machine (see {@link UncommitWait}).
 */
class HeapProbeHonestyTest {

    @Test
    void explicitGcFromTheTwoFlags() {
        assertEquals(ExplicitGc.FULL, ExplicitGc.fromFlags(Map.of()));
        assertEquals(ExplicitGc.FULL, ExplicitGc.fromFlags(Map.of("DisableExplicitGC", "false", "ExplicitGCInvokesConcurrent", "false")));
        assertEquals(ExplicitGc.CONCURRENT, ExplicitGc.fromFlags(Map.of("ExplicitGCInvokesConcurrent", "true")));
        // disabled wins: a no-op System.gc() starts no concurrent cycle either
        assertEquals(ExplicitGc.DISABLED, ExplicitGc.fromFlags(Map.of("DisableExplicitGC", "true", "ExplicitGCInvokesConcurrent", "true")));
        assertEquals(Optional.empty(), ExplicitGc.FULL.unusableReason());
        assertTrue(ExplicitGc.CONCURRENT.unusableReason().orElseThrow().contains("Shenandoah's default"));
        assertTrue(ExplicitGc.DISABLED.unusableReason().orElseThrow().contains("-XX:+DisableExplicitGC"));
        // Epsilon never collects, whatever the other two flags say: heap after GC is not measurable there
        assertEquals(ExplicitGc.NO_COLLECTOR, ExplicitGc.fromFlags(Map.of("UseEpsilonGC", "true")));
        assertTrue(ExplicitGc.NO_COLLECTOR.unusableReason().orElseThrow().contains("Epsilon"));
    }

    /** Readings that agree within the floor settle on the lower; readings that never agree are flagged. */
    @Test
    void settlingTakesTheLowerOfTwoAgreeingReadingsOrSaysItNeverSettled() {
        long kib = 1024;
        HeapProbe.Settling settled = HeapProbe.settle(readings(900 * kib, 700 * kib, 690 * kib));
        assertEquals(new HeapProbe.Settling(690 * kib, true, 10 * kib), settled);
        // Every GC reads 100 KiB more than the last (over the 64 KiB floor): eight GCs, never settled.
        long[] climbing = new long[HeapProbe.MAX_GCS];
        for (int i = 0; i < climbing.length; i++) {
            climbing[i] = (1000 + 100L * i) * kib;
        }
        HeapProbe.Settling unsettled = HeapProbe.settle(readings(climbing));
        assertEquals(new HeapProbe.Settling(1700 * kib, false, 100 * kib), unsettled);
    }

    @Test
    void theMetricValueNamesTheReason() {
        // The report reads the code back through the run folder's UnusableHeapProbe: same code, same reason.
        for (ExplicitGc e : ExplicitGc.values()) {
            if (e != ExplicitGc.FULL) {
                assertEquals(e.unusableReason().orElseThrow(), UnusableHeapProbe.ofCode(e.code()).reason());
            }
        }
        assertEquals(1, ExplicitGc.DISABLED.code());
        assertEquals(2, ExplicitGc.CONCURRENT.code());
        assertEquals(3, ExplicitGc.NO_COLLECTOR.code());
        assertThrows(IllegalArgumentException.class, () -> UnusableHeapProbe.ofCode(4));
    }

    /** The test JVM runs with a full System.gc() (surefire sets no GC flags that change it). */
    @Test
    void onThisJvmTheProbeAnswersAndSettles() {
        assertEquals(ExplicitGc.FULL, HeapProbe.explicitGc());
        long used = HeapProbe.usedAfterGc().orElseThrow();
        assertTrue(used > 0 && used <= HeapProbe.committed(), used + " of " + HeapProbe.committed());
        assertTrue(HeapProbe.committedBeforeLastGc() > 0);
    }

    @Test
    void whichCollectorsAreWaitedFor() {
        OptionalLong none = OptionalLong.empty();
        assertEquals(UncommitWait.Plan.NONE, UncommitWait.plan("Serial", none, true));
        assertEquals(UncommitWait.Plan.NONE, UncommitWait.plan("Parallel", none, true));
        assertEquals(UncommitWait.Plan.NONE, UncommitWait.plan("G1", none, false));
        assertEquals(new UncommitWait.Plan(0, 300, 3_000), UncommitWait.plan("G1", none, true));
        assertEquals(new UncommitWait.Plan(0, 300, 3_000), UncommitWait.plan("Shenandoah", none, false));
        // ZGC: its own delay plus 1.5 s before anything may end the wait; the 300 s default is not waited for
        assertEquals(new UncommitWait.Plan(2_500, 2_000, 15_000), UncommitWait.plan("Z", OptionalLong.of(1), false));
        assertEquals(new UncommitWait.Plan(6_500, 10_000, 55_000), UncommitWait.plan("Z", OptionalLong.of(5), false));
        assertEquals(UncommitWait.Plan.NONE, UncommitWait.plan("Z", OptionalLong.of(300), true));
        assertEquals(UncommitWait.Plan.NONE, UncommitWait.plan("Z", none, true));
    }

    /** Readings served one per poll, the last repeated; the clock is the number of polls. */
    private static LongSupplier readings(long... values) {
        Deque<Long> q = new ArrayDeque<>();
        for (long v : values) {
            q.add(v);
        }
        return () -> q.size() > 1 ? q.poll() : q.peek();
    }

    private static final UncommitWait.Sleeper NO_SLEEP = ms -> { };
    private static final long MB = 1 << 20;

    @Test
    void theWaitEndsOnceNothingHasFallenForTheQuietPeriod() {
        UncommitWait.Plan g1 = new UncommitWait.Plan(0, 300, 3_000);
        // nothing falls: over after the quiet period (6 polls of 50 ms)
        assertEquals(300, UncommitWait.await(g1, readings(40 * MB), readings(300 * MB), NO_SLEEP));
        // RSS falls at polls 2..4 (100-200 ms, as G1 does): 300 ms quiet after the last fall
        assertEquals(500, UncommitWait.await(g1, readings(40 * MB),
                readings(300 * MB, 300 * MB, 250 * MB, 150 * MB, 90 * MB), NO_SLEEP));
        // RSS creeping up by itself does not keep the wait going
        assertEquals(300, UncommitWait.await(g1, readings(40 * MB),
                readings(90 * MB, 91 * MB, 92 * MB, 93 * MB, 94 * MB, 95 * MB, 96 * MB), NO_SLEEP));
        // a fall of less than 1 MiB is noise
        assertEquals(300, UncommitWait.await(g1, readings(40 * MB),
                readings(90 * MB, 90 * MB - 4096, 90 * MB - 8192), NO_SLEEP));
    }

    @Test
    void zgcIsWaitedForAtLeastItsDelayAndAtMostTheCap() {
        UncommitWait.Plan z = UncommitWait.plan("Z", OptionalLong.of(1), false);
        // nothing ever falls: the minimum (2.5 s) is longer than the quiet period
        assertEquals(2_500, UncommitWait.await(z, readings(378 * MB), readings(300 * MB), NO_SLEEP));
        // committed keeps falling every poll: stopped by the cap
        long[] falling = new long[400];
        for (int i = 0; i < falling.length; i++) {
            falling[i] = (1000 - i) * MB;
        }
        assertEquals(15_000, UncommitWait.await(z, readings(falling), readings(300 * MB), NO_SLEEP));
        assertEquals(0, UncommitWait.await(UncommitWait.Plan.NONE, readings(1), readings(1), ms -> {
            throw new AssertionError("must not sleep");
        }));
    }

    @Test
    void everyProbeHasAUniqueMetricAndTheWaitComesBeforeCommittedAndRss() {
        List<Probe> order = List.of(Probe.values());
        // The OS sequence in one fork: before any GC, right after the settled GC, after the uncommit wait.
        assertTrue(order.indexOf(Probe.COMMITTED_NO_GC) < order.indexOf(Probe.RETAINED_HEAP));
        assertTrue(order.indexOf(Probe.RSS_NO_GC) < order.indexOf(Probe.RETAINED_HEAP));
        assertTrue(order.indexOf(Probe.USED_NO_GC) < order.indexOf(Probe.RETAINED_HEAP));
        assertTrue(order.indexOf(Probe.RETAINED_HEAP) < order.indexOf(Probe.USED_AFTER_GC));
        assertTrue(order.indexOf(Probe.RETAINED_HEAP) < order.indexOf(Probe.COMMITTED_AFTER_GC));
        assertTrue(order.indexOf(Probe.RSS_AFTER_GC) < order.indexOf(Probe.UNCOMMIT_WAIT));
        assertTrue(order.indexOf(Probe.RETAINED_HEAP) < order.indexOf(Probe.UNCOMMIT_WAIT));
        assertTrue(order.indexOf(Probe.UNCOMMIT_WAIT) < order.indexOf(Probe.HEAP_COMMITTED));
        assertTrue(order.indexOf(Probe.UNCOMMIT_WAIT) < order.indexOf(Probe.PROCESS_RSS));
        assertEquals(order.size(), order.stream().map(Probe::metric).distinct().count());
        assertEquals("heap.probe.unusable", Probe.HEAP_PROBE_UNUSABLE.metric());
    }
}
