package dev.mapleak.report;

import dev.mapleak.report.ResultSet.Score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A score as its samples give it: the median, the smallest and largest sample, and how many there are (one per
 * measured iteration, over every fork). Timings on a loaded machine are skewed by the iterations another process
 * slowed down, so the median and the range say more than JMH's mean and its confidence half-width, which assume
 * normal samples. A score without samples (a hand-made file) is its score alone.
 */
record Spread(double median, double min, double max, int n) {

    static Spread of(Score score) {
        List<Double> s = new ArrayList<>(score.samples());
        s.removeIf(v -> Double.isNaN(v));
        if (s.isEmpty()) {
            return new Spread(score.score(), score.score(), score.score(), 1);
        }
        Collections.sort(s);
        int n = s.size();
        double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        return new Spread(median, s.get(0), s.get(n - 1), n);
    }

    /** {@code 22.69 (19.59–47.49, n=9)}; a single sample is its value alone, as reports always printed it. */
    String cell() {
        if (n <= 1) {
            return Format.score(median);
        }
        return Format.score(median) + " (" + Format.score(min) + "–" + Format.score(max) + ", n=" + n + ")";
    }

    /** The same in bytes (B, KiB, MiB), for byte metrics. */
    String bytes() {
        if (n <= 1 || min == max) {
            return Format.bytes(median);
        }
        return Format.bytes(median) + " (" + Format.bytes(min) + "–" + Format.bytes(max) + ", n=" + n + ")";
    }
}
