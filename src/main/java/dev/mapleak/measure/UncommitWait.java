package dev.mapleak.measure;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Waits, after the settled GC, until the collector has handed back to the OS what it is going to hand back,
 * so that committed heap and RSS read what a user's process would hold a moment later rather than a
 * snapshot taken while memory is still being released. Without it G1 reads about 300 MiB of RSS that is
 * gone 0.3 s later.
 *
 * <p>Timings measured on this project's machine (JDK 17.0.15 and 25.0.3, a 1M-entry HashMap emptied):
 * <ul>
 *   <li>Serial and Parallel shrink inside the GC pause, if at all: no wait.</li>
 *   <li>G1 shrinks committed heap in the full GC and uncommits the pages on a background thread: RSS falls
 *       100–350 ms later. Waited for only when the GC changed committed heap.</li>
 *   <li>Shenandoah uncommits right after an explicit GC, on its control thread, within about 50 ms.</li>
 *   <li>ZGC uncommits only pages unused for {@code ZUncommitDelay} seconds (300 by default): with 1 s, JDK 17
 *       released everything about 2.2 s after the GC, JDK 25 paced it from 1.9 s to 5.5 s. Waited for only
 *       when the delay is at most {@value #MAX_ZGC_DELAY_SECONDS} s; the 300 s default is not.</li>
 * </ul>
 * A wait ends once committed heap has not fallen and RSS has not fallen by more than 1 MiB for a quiet
 * period, or at a cap. Readings only ever count falls: RSS creeps up by itself as the JVM runs.
 */
final class UncommitWait {

    static final long POLL_MILLIS = 50;
    static final long QUIET_MILLIS = 300;
    static final long MAX_MILLIS = 3_000;
    static final long MAX_ZGC_DELAY_SECONDS = 10;
    static final long RSS_NOISE_BYTES = 1 << 20;

    /** How long to wait at least, how long nothing may fall before the wait ends, and the cap. */
    record Plan(long minMillis, long quietMillis, long maxMillis) {
        static final Plan NONE = new Plan(0, 0, 0);

        boolean waits() {
            return maxMillis > 0;
        }
    }

    private UncommitWait() {
    }

    /**
     * The wait for this JVM's collector.
     *
     * @param collector         "G1", "Shenandoah", "Z", "Serial", "Parallel" (see {@link #currentCollector()})
     * @param zUncommitDelay    ZGC's {@code ZUncommitDelay} in seconds, empty when ZGC does not uncommit
     * @param committedChanged  whether the settled GC changed committed heap
     */
    static Plan plan(String collector, OptionalLong zUncommitDelay, boolean committedChanged) {
        return switch (collector) {
            case "G1" -> committedChanged ? new Plan(0, QUIET_MILLIS, MAX_MILLIS) : Plan.NONE;
            case "Shenandoah" -> new Plan(0, QUIET_MILLIS, MAX_MILLIS);
            case "Z" -> {
                if (zUncommitDelay.isEmpty() || zUncommitDelay.getAsLong() > MAX_ZGC_DELAY_SECONDS) {
                    yield Plan.NONE;
                }
                long delay = zUncommitDelay.getAsLong() * 1000;
                // Nothing falls before the delay has passed (JDK 17 started 1.2 s after it), and JDK 25
                // releases in steps up to 1.5 s apart: a shorter quiet period would end the wait half-way.
                yield new Plan(delay + 1_500, Math.max(2_000, 2 * delay), 10 * delay + 5_000);
            }
            default -> Plan.NONE;
        };
    }

    /** Waits as {@link #plan} says for this JVM and returns the milliseconds waited (0 when it does not wait). */
    static long awaitAfterGc() {
        String collector = currentCollector();
        OptionalLong delay = OptionalLong.empty();
        if (collector.equals("Z") && HeapProbe.booleanFlag("ZUncommit")) {
            delay = HeapProbe.flag("ZUncommitDelay").map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
        }
        long before = HeapProbe.committedBeforeLastGc();
        Plan plan = plan(collector, delay, before >= 0 && before != HeapProbe.committed());
        return await(plan, HeapProbe::committed, () -> ProcessMemory.residentBytes().orElse(0), Sleeper.THREAD);
    }

    /** Sleeps between readings; a seam for tests. */
    interface Sleeper {
        Sleeper THREAD = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        void sleep(long millis);
    }

    /** Polls committed heap and RSS until {@code plan} is satisfied; returns the milliseconds it slept. */
    static long await(Plan plan, LongSupplier committed, LongSupplier rss, Sleeper sleeper) {
        if (!plan.waits()) {
            return 0;
        }
        long elapsed = 0;
        long quietSince = 0;
        long lastCommitted = committed.getAsLong();
        long lastRss = rss.getAsLong();
        while (elapsed < plan.maxMillis() && !Thread.currentThread().isInterrupted()) {
            sleeper.sleep(POLL_MILLIS);
            elapsed += POLL_MILLIS;
            long c = committed.getAsLong();
            long r = rss.getAsLong();
            if (c < lastCommitted || r < lastRss - RSS_NOISE_BYTES) {
                quietSince = elapsed;
                lastCommitted = c;
                lastRss = r;
            } else {
                lastCommitted = Math.min(lastCommitted, c);
            }
            if (elapsed >= plan.minMillis() && elapsed - quietSince >= plan.quietMillis()) {
                break;
            }
        }
        return elapsed;
    }

    /** The collector of this JVM, by the HotSpot flag that selects it: "G1", "Z", "Shenandoah", ... */
    static String currentCollector() {
        for (String gc : new String[] {"G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon"}) {
            if (HeapProbe.booleanFlag("Use" + gc + "GC")) {
                return gc;
            }
        }
        return "unknown";
    }
}
