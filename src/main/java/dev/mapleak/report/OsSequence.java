package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;

import java.util.OptionalDouble;

/**
 * The seed's remedy 3 read the Java way, in one fork at one phase: what the process holds from the OS right after
 * the phase with no GC, right after the settled {@code System.gc()} (Go's {@code runtime.GC()}), and after the
 * collector has uncommitted what it will (Go's {@code debug.FreeOSMemory()}). Every difference is taken within
 * the fork: RSS read in two forks cannot be subtracted.
 */
record OsSequence(double rssNoGc, double rssAfterGc, double rssAfterUncommit,
                  double committedNoGc, double committedAfterGc, double committedAfterUncommit,
                  double usedNoGc, double usedAfterGc) {

    /** The readings of {@code subject} at {@code phase}, or null where the run has not all of them (older runs). */
    static OsSequence at(Scenario s, String subject, int valueSize, Phase phase, String strategy) {
        return of(metric -> s.reading(subject, valueSize, phase, strategy, metric).score());
    }

    /** The readings of one row at {@code phase}, or null where the run has not all of them. */
    static OsSequence at(LifecycleTable.Row row, Phase phase) {
        return of(metric -> row.at(phase, metric));
    }

    private static OsSequence of(java.util.function.ToDoubleFunction<Metric> read) {
        double[] v = new double[8];
        Metric[] metrics = {Metric.PROCESS_RSS_NO_GC, Metric.PROCESS_RSS_AFTER_GC, Metric.PROCESS_RSS,
                Metric.HEAP_COMMITTED_NO_GC, Metric.HEAP_COMMITTED_AFTER_GC, Metric.HEAP_COMMITTED,
                Metric.HEAP_USED_NO_GC, Metric.HEAP_USED_AFTER_GC};
        for (int i = 0; i < metrics.length; i++) {
            v[i] = read.applyAsDouble(metrics[i]);
            if (Double.isNaN(v[i])) {
                return null;
            }
        }
        return new OsSequence(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** The share of the heap the GC freed that left RSS; NaN when the GC freed nothing. */
    double returnedShare() {
        return freedByGc() > 0 ? rssReturned() / freedByGc() : Double.NaN;
    }

    /**
     * The share as a verdict counts it: RSS that grew (the GC touched pages and handed nothing back, as Parallel and
     * Serial do above {@code -Xms}) counts as 0%; over 100% the two readings do not measure the same memory (memory
     * freed before the phase went back too), so there is none. NaN when the GC freed nothing.
     */
    OptionalDouble countedShare() {
        double share = returnedShare();
        if (Double.isNaN(share) || share > 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, share));
    }

    /** {@link #returnedShare()} as a cell: "none" where RSS grew, "invalid" over 100%. */
    String returnedCell() {
        double share = returnedShare();
        if (Double.isNaN(share)) {
            return Format.MISSING;
        }
        if (share < 0) {
            return "none (RSS +" + Format.bytes(-rssReturned()) + ")";
        }
        return share > 1 ? Format.percent(share) + " (invalid)" : Format.percent(share);
    }

    /** Heap the GC freed: used before it minus used after it. */
    double freedByGc() {
        return usedNoGc - usedAfterGc;
    }

    /** RSS handed back by the GC and the uncommit together. */
    double rssReturned() {
        return rssNoGc - rssAfterUncommit;
    }

    /** "RSS 339 → 354 → 121 MiB, committed 924 → 80 → 80 MiB (no GC → GC → uncommit)". */
    String describe() {
        return "RSS " + Format.bytes(rssNoGc) + " → " + Format.bytes(rssAfterGc) + " → " + Format.bytes(rssAfterUncommit)
                + ", committed " + Format.bytes(committedNoGc) + " → " + Format.bytes(committedAfterGc) + " → "
                + Format.bytes(committedAfterUncommit) + " (no GC → after GC → after uncommit)";
    }
}
