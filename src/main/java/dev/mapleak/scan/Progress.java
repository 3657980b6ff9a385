package dev.mapleak.scan;

import java.io.PrintStream;

/**
 * One progress line per phase on stderr for large dumps: {@code mapleak: scan: indexing 1,024 MiB: 10% 20% ... done 12.3 s}.
 * Small dumps (under {@link #THRESHOLD} bytes) scan in seconds and print nothing.
 */
final class Progress {

    static final long THRESHOLD = 64L << 20;

    private final PrintStream err;
    private final boolean enabled;
    private long phaseStart;
    private int lastTenth;
    private boolean open;

    Progress(PrintStream err, long dumpBytes) {
        this.err = err;
        this.enabled = dumpBytes >= THRESHOLD;
    }

    void start(String phase) {
        phaseStart = System.nanoTime();
        lastTenth = 0;
        if (enabled) {
            err.print("mapleak: scan: " + phase + ":");
            err.flush();
            open = true;
        }
    }

    /** Reports {@code done} of {@code total}; prints each new tenth. */
    void update(long done, long total) {
        if (!enabled || total <= 0) {
            return;
        }
        int tenth = (int) Math.min(10, done * 10 / total);
        while (lastTenth < tenth && lastTenth < 9) {
            lastTenth++;
            err.print(" " + lastTenth * 10 + "%");
            err.flush();
        }
    }

    void done() {
        if (enabled) {
            err.printf(" done %.1f s%n", (System.nanoTime() - phaseStart) / 1e9);
            open = false;
        }
    }

    /** Ends an unfinished progress line, so that an error message starts a line of its own. */
    void abandon() {
        if (open) {
            err.println(" failed");
            open = false;
        }
    }
}
