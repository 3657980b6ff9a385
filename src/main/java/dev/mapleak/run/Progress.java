package dev.mapleak.run;

import java.time.Duration;

/** One line per finished group: {@code [k/n]}, how long it took, time elapsed and an estimate of what is left. */
final class Progress {

    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;

    Progress(int total) {
        this.total = total;
    }

    String finished(String label, String outcome, Duration took) {
        done++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration left = elapsed.dividedBy(done).multipliedBy(total - done);
        return String.format("[%d/%d] %s: %s in %s | elapsed %s, about %s left",
                done, total, label, outcome, seconds(took), clock(elapsed), clock(left));
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }
}
