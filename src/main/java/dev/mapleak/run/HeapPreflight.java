package dev.mapleak.run;

import dev.mapleak.folder.UsageException;
import dev.mapleak.folder.Storage;
import dev.mapleak.gorun.GoLifecycle;
import dev.mapleak.subject.Subject;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Before anything runs: does the largest combination fit the fork's {@code -Xmx}, and does that heap fit
 * the machine? The estimate is deliberately pessimistic (a table at its sparsest, a growth in progress, a
 * rebuild's copy alive beside the original), so a run it lets through does not die of OutOfMemoryError
 * an hour in.
 */
final class HeapPreflight {

    /** Per-entry bookkeeping of the fattest POINTER map (LinkedHashMap: Entry 40 + Integer 16 + table slots). */
    static final long POINTER_ENTRY_OVERHEAD = 80;
    /** An INLINE table at its sparsest holds this many slots per entry (load 0.75 just after doubling → 8/3). */
    static final double INLINE_SLOTS_PER_ENTRY = 8.0 / 3.0;
    /** During incremental growth the old and the new table are both alive. */
    static final double GROWTH_FACTOR = 1.5;
    /** What a collector needs free to work: keep the estimate under this share of -Xmx. */
    static final double USABLE_HEAP_SHARE = 0.85;

    private HeapPreflight() {
    }

    /** Peak live bytes of one combination, or 0 when it has no map parameters to estimate from. */
    static long estimateBytes(Combination c) {
        if (c.param("subject") == null || c.param("valueSize") == null || GoLifecycle.isGo(c.benchmark())) {
            return 0; // a Go group runs in its own process, not in a fork with this heap
        }
        Subject subject = Subject.parse(c.param("subject"));
        int valueSize = Integer.parseInt(c.param("valueSize"));
        long entries = Long.parseLong(c.params().getOrDefault("entries", "1000000"));
        long keys = 2 * 4 * entries; // the key order, and a copy in setup
        long peak;
        if (subject.storageFor(valueSize) == Storage.INLINE) {
            long table = (long) (entries * INLINE_SLOTS_PER_ENTRY * (valueSize + 8 + 1));
            peak = (long) (table * GROWTH_FACTOR) + table; // growing, or a rebuild beside the original
        } else {
            long value = align8(16L + valueSize);
            long structure = entries * POINTER_ENTRY_OVERHEAD;
            peak = entries * value + (long) (structure * GROWTH_FACTOR) + structure;
        }
        return peak + keys;
    }

    /** Stops the run when the largest combination cannot fit, saying which, what it needs and what to change. */
    static void check(List<Combination> runs, String heap, String where) {
        long xmx = parseSize(heap).orElseThrow(() -> new UsageException(where + ": heap '" + heap
                + "' is more bytes than a JVM can address"));
        Combination largest = null;
        long need = 0;
        for (Combination c : runs) {
            long e = estimateBytes(c);
            if (e > need) {
                need = e;
                largest = c;
            }
        }
        if (largest != null && need > xmx * USABLE_HEAP_SHARE) {
            throw new UsageException(largest.label() + " needs about " + mib(need) + " MiB of heap but forks get -Xmx"
                    + heap + " (" + mib((long) (xmx * USABLE_HEAP_SHARE)) + " MiB usable): raise 'heap' in " + where
                    + " to at least " + suggest(need) + ", or lower entries/valueSize");
        }
        OptionalLong available = memAvailable();
        if (available.isPresent() && xmx > available.getAsLong()) {
            throw new UsageException("forks get -Xmx" + heap + " (" + mib(xmx) + " MiB) but this machine has only "
                    + mib(available.getAsLong()) + " MiB available: lower 'heap' in " + where
                    + (need > 0 ? " (the largest combination needs about " + mib(need) + " MiB)" : ""));
        }
    }

    /**
     * How many memory forks of {@code -Xmx} {@code xmx} bytes may run at once: {@code jobs}, or as many as the
     * machine's available memory holds, each with its whole heap (a fork may grow to its -Xmx, and two forks
     * swapping or killed by the kernel would spoil every figure). Never below 1: a single fork that does not fit is
     * refused by {@link #check}.
     */
    static int jobsThatFit(int jobs, long xmx, OptionalLong available) {
        if (available.isEmpty() || jobs <= 1) {
            return jobs;
        }
        long fit = available.getAsLong() / xmx;
        return (int) Math.max(1, Math.min(jobs, fit));
    }

    /** The line said when {@link #jobsThatFit} lowered {@code jobs}, naming where they were asked for. */
    static String jobsLowered(int asked, int fit, String heap, String askedWhere, long available) {
        return "jobs lowered from " + asked + " (" + askedWhere + ") to " + fit + ": " + asked + " forks of -Xmx" + heap
                + " need " + mib(asked * parseSize(heap).orElseThrow()) + " MiB but this machine has " + mib(available)
                + " MiB available";
    }

    /** "4g" → bytes; empty when the size is more bytes than a long holds (no JVM takes such a heap). */
    static OptionalLong parseSize(String size) {
        String s = size.toLowerCase(Locale.ROOT);
        char unit = s.charAt(s.length() - 1);
        String digits = Character.isDigit(unit) ? s : s.substring(0, s.length() - 1);
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(digits);
            return n > (Long.MAX_VALUE >> shift) ? OptionalLong.empty() : OptionalLong.of(n << shift);
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // more digits than a long holds
        }
    }

    static OptionalLong memAvailable() {
        Long bytes = Environment.meminfoBytes("MemAvailable");
        return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    private static String suggest(long bytes) {
        long mib = (long) Math.ceil(bytes / USABLE_HEAP_SHARE / (1 << 20));
        return mib >= 1024 ? (mib + 1023) / 1024 + "g" : mib + "m";
    }

    static long mib(long bytes) {
        return Math.round(bytes / 1048576.0);
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }
}
