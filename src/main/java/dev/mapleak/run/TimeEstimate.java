package dev.mapleak.run;

import java.time.Duration;

/**
 * A rough, up-front estimate of how long a group takes, for {@code --dry-run} and before the first group
 * has finished: fork start-up, plus the untimed setup and the timed phase for every iteration, plus the
 * measurement after each measured iteration. Constants were read off runs on a 2-core machine; once
 * groups finish, {@link Progress} extrapolates from real durations instead.
 */
final class TimeEstimate {

    /** JVM start, JMH handshake, class loading. */
    static final double FORK_SECONDS = 1.5;
    /** Building one entry in setup or in the timed phase, per phase run. */
    static final double NANOS_PER_ENTRY = 250;
    /** JOL walk plus settled GCs, per entry still in the map. */
    static final double MEASURE_NANOS_PER_ENTRY = 900;

    private TimeEstimate() {
    }

    static Duration of(Combination c, Profile.Settings s) {
        long entries = Long.parseLong(c.params().getOrDefault("entries", "100000"));
        int iterations = s.warmupIterations() + s.iterations();
        int phases = c.benchmark().endsWith(".reclaim") ? 3 : c.benchmark().endsWith(".delete") ? 2 : 1;
        double perIteration = entries * NANOS_PER_ENTRY * phases / 1e9;
        double measure = GroupRunner.recordsRetainedMemory(c) ? s.iterations() * entries * MEASURE_NANOS_PER_ENTRY / 1e9 : 0;
        double seconds = Math.max(1, s.forks()) * (FORK_SECONDS + iterations * perIteration + measure);
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
