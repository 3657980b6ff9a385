package dev.mapleak.run;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A rough, up-front estimate of how long a group takes, for {@code --dry-run} and before the first group
 * has finished. Constants were read off runs on a 2-core machine; once groups finish, {@link Progress}
 * extrapolates from real durations instead, and {@code --dry-run} prefers the times earlier runs on this machine
 * measured ({@link MeasuredTimes}, {@link #wall}). {@code --shard} balances by these constants alone, never by
 * measured times: every machine must compute the same parts. An earlier run's time counts only where it ran with
 * the same forks, warm-ups and iterations ({@link TimingGroups#runs}) as the group will.
 *
 * <ul>
 *   <li>{@code SingleShotTime} (the lifecycle phases): fork start-up, plus the untimed setup and the timed
 *       phase for every iteration, plus the measurement after each measured iteration. A churn (a {@code rounds}
 *       parameter) instead builds its map and rolls it {@code rounds} times before every iteration, times
 *       {@code @OperationsPerInvocation} rollovers, and after each measured one measures the map, rolls one more
 *       round and walks it {@code depths} more times.</li>
 *   <li>Timed modes ({@code AverageTime} and the others): fork start-up, the map built once per trial (a
 *       {@code history} other than FRESH fills {@code entries / (1 - deleteFraction)} keys and deletes most),
 *       the iterations' own duration from the benchmark's {@code @Warmup}/{@code @Measurement} (JMH's
 *       default of 10 s when it sets none), a map rebuilt and rolled {@code rounds} times before every
 *       iteration (churn), and the retained-memory measurement after each measured iteration.</li>
 * </ul>
 */
final class TimeEstimate {

    /** JVM start, JMH handshake, class loading. */
    static final double FORK_SECONDS = 1.5;
    /** Building one entry in setup or in the timed phase, per phase run. */
    static final double NANOS_PER_ENTRY = 250;
    /** JOL walk plus settled GCs, per entry still in the map. */
    static final double MEASURE_NANOS_PER_ENTRY = 900;
    /** One untimed rollover (put a new key, remove the oldest) of a churn's setup. */
    static final double NANOS_PER_ROLLOVER = 300;
    /** The settled full GCs (two or three) that end a timing group's iteration setup, with a filled map's survivors. */
    static final double SETTLE_SECONDS = 0.3;
    /** {@code -XX:+AlwaysPreTouch}: faulting in one GiB of heap at a timing fork's start. */
    static final double PRE_TOUCH_SECONDS_PER_GIB = 0.4;
    /** JMH's iteration time when a benchmark does not set one. */
    static final double JMH_DEFAULT_ITERATION_SECONDS = 10;

    private TimeEstimate() {
    }

    /**
     * The wall time of running {@code groups} as {@link GroupPool} does: the memory groups over {@code jobs} slots
     * in plan order, each point's groups together ({@link PointBatch}) to the slot that frees first, then the other groups one after another. Each group's time is
     * the median of earlier runs on this machine ({@code past}) where there is one, else {@link #of}.
     *
     * @return the time, and how many groups' times were measured ones
     */
    static Wall wall(List<Combination> groups, Profile.Settings s, MeasuredTimes past, int jobs) {
        List<Combination> sideBySide = groups.stream().filter(GroupPool::runsSideBySide).toList();
        int slots = Math.min(jobs, Math.max(1, sideBySide.size()));
        long[] free = new long[slots];
        int measured = 0;
        List<MeasuredTimes.Sample> used = new ArrayList<>();
        SortedSet<Integer> measuredAt = new TreeSet<>();
        Map<String, Long> batches = new LinkedHashMap<>(); // a point's memory groups run in one slot, one after another
        for (Combination c : sideBySide) {
            String runs = TimingGroups.runs(c, s);
            Optional<Duration> m = past.median(c, slots, runs);
            measured += m.isPresent() ? 1 : 0;
            used.addAll(past.samples(c, slots, runs));
            past.samples(c, slots, runs).forEach(x -> measuredAt.add(x.sideBySide()));
            batches.merge(PointBatch.key(c), m.orElseGet(() -> of(c, s)).toMillis(), Long::sum);
        }
        for (long batch : batches.values()) {
            int first = 0;
            for (int i = 1; i < slots; i++) {
                if (free[i] < free[first]) {
                    first = i;
                }
            }
            free[first] += batch;
        }
        long total = Arrays.stream(free).max().orElse(0);
        for (Combination c : groups) {
            if (!GroupPool.runsSideBySide(c)) {
                String runs = TimingGroups.runs(c, s);
                Optional<Duration> m = past.median(c, 1, runs);
                measured += m.isPresent() ? 1 : 0;
                used.addAll(past.samples(c, 1, runs));
                total += m.orElseGet(() -> of(c, s)).toMillis();
            }
        }
        List<Double> loads = used.stream().map(MeasuredTimes.Sample::load).filter(Objects::nonNull).toList();
        Double load = loads.isEmpty() ? null : MeasuredTimes.median(loads.stream().mapToDouble(Double::doubleValue));
        int runs = (int) used.stream().map(MeasuredTimes.Sample::run).distinct().count();
        return new Wall(Duration.ofMillis(total), groups.size(), measured, load, runs, slots, measuredAt);
    }

    /**
     * A wall-time estimate of {@code groups} groups, {@code measured} of them from earlier runs' times, which were
     * measured at a median load average of {@code load} (null when none recorded one: a busy machine's times are
     * longer, and the line says so) in {@code runs} run folders; the memory groups over {@code slots} slots, from times
     * measured with {@code measuredAt} groups at once.
     */
    record Wall(Duration time, int groups, int measured, Double load, int runs, int slots, SortedSet<Integer> measuredAt) {
        /** An estimate of groups no earlier run measured. */
        Wall(Duration time, int groups) {
            this(time, groups, 0, null, 0, 1, new TreeSet<>());
        }

        /** True when the memory groups' times were measured with another number of groups at once than will run. */
        boolean measuredAtOtherJobs() {
            return !measuredAt.isEmpty() && !measuredAt.equals(new TreeSet<>(List.of(slots)));
        }
    }

    /** One group's time as {@link #wall} counts it when it runs with {@code jobs}. */
    static Duration of(Combination c, Profile.Settings s, MeasuredTimes past, int jobs) {
        return past.median(c, GroupPool.runsSideBySide(c) ? jobs : 1, TimingGroups.runs(c, s)).orElseGet(() -> of(c, s));
    }

    static Duration of(Combination c, Profile.Settings s) {
        Optional<Method> method = benchmarkMethod(c);
        Mode mode = method.map(TimeEstimate::mode).orElse(Mode.SingleShotTime);
        double seconds = mode == Mode.SingleShotTime
                ? c.param("rounds") != null ? churnShots(c, s, method) : singleShot(c, s)
                : timed(c, s, method.orElseThrow());
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static double singleShot(Combination c, Profile.Settings s) {
        long entries = entries(c);
        int iterations = TimingGroups.warmupIterations(c, s) + TimingGroups.iterations(c, s);
        int phases = c.benchmark().endsWith(".reclaim") || c.benchmark().endsWith(".memory") ? 3 : c.benchmark().endsWith(".delete") ? 2 : 1;
        double perIteration = entries * NANOS_PER_ENTRY * phases / 1e9;
        double fork = FORK_SECONDS;
        if (TimingGroups.isTiming(c)) {
            // the settled full GC ending every setup, and the pre-touch of the whole heap at fork start
            perIteration += SETTLE_SECONDS;
            fork += heapGib(s.heap()) * PRE_TOUCH_SECONDS_PER_GIB;
        }
        return Math.max(1, TimingGroups.forks(c, s)) * (fork + iterations * perIteration + measure(c, s));
    }

    /** The heap setting in GiB ("4g" = 4, "512m" = 0.5). */
    static double heapGib(String heap) {
        char unit = Character.toLowerCase(heap.charAt(heap.length() - 1));
        double n = Double.parseDouble(Character.isDigit(unit) ? heap : heap.substring(0, heap.length() - 1));
        return switch (unit) {
            case 'g' -> n;
            case 'm' -> n / 1024;
            case 'k' -> n / (1024 * 1024);
            default -> n / (1024.0 * 1024 * 1024);
        };
    }

    private static double churnShots(Combination c, Profile.Settings s, Optional<Method> method) {
        long entries = entries(c);
        long rounds = Long.parseLong(c.param("rounds"));
        long depths = Long.parseLong(c.params().getOrDefault("depths", "0"));
        int timed = method.map(TimeEstimate::operationsPerInvocation).orElse(1);
        double perIteration = (entries * (NANOS_PER_ENTRY + rounds * NANOS_PER_ROLLOVER) + timed * NANOS_PER_ROLLOVER) / 1e9;
        double measure = GroupRunner.recordsRetainedMemory(c)
                ? TimingGroups.iterations(c, s) * entries * ((1 + depths) * MEASURE_NANOS_PER_ENTRY + NANOS_PER_ROLLOVER) / 1e9 : 0;
        return Math.max(1, TimingGroups.forks(c, s))
                * (FORK_SECONDS + (TimingGroups.warmupIterations(c, s) + TimingGroups.iterations(c, s)) * perIteration + measure);
    }

    /** The method's {@code @OperationsPerInvocation}, else its class's, else 1 (JMH's default). */
    static int operationsPerInvocation(Method method) {
        OperationsPerInvocation o = Optional.ofNullable(method.getAnnotation(OperationsPerInvocation.class))
                .orElse(method.getDeclaringClass().getAnnotation(OperationsPerInvocation.class));
        return o == null ? 1 : o.value();
    }

    private static double timed(Combination c, Profile.Settings s, Method method) {
        long entries = entries(c);
        double trialSetup = 0;
        String history = c.param("history");
        if (history != null) {
            double deleteFraction = Double.parseDouble(c.params().getOrDefault("deleteFraction", "0"));
            long built = history.equals("FRESH") || deleteFraction >= 1 ? entries : Math.round(entries / (1 - deleteFraction));
            trialSetup = built * NANOS_PER_ENTRY * (history.equals("FRESH") ? 1 : 2) / 1e9;
        }
        double iterationSetup = 0;
        if (c.param("rounds") != null) {
            iterationSetup = entries * (NANOS_PER_ENTRY + Long.parseLong(c.param("rounds")) * NANOS_PER_ROLLOVER) / 1e9;
        }
        double warmup = TimingGroups.warmupIterations(c, s) * (iterationSeconds(method, Warmup.class) + iterationSetup);
        double measurement = TimingGroups.iterations(c, s) * (iterationSeconds(method, Measurement.class) + iterationSetup);
        return Math.max(1, TimingGroups.forks(c, s)) * (FORK_SECONDS + trialSetup + warmup + measurement + measure(c, s));
    }

    private static double measure(Combination c, Profile.Settings s) {
        return GroupRunner.recordsRetainedMemory(c) ? TimingGroups.iterations(c, s) * entries(c) * MEASURE_NANOS_PER_ENTRY / 1e9 : 0;
    }

    private static long entries(Combination c) {
        return Long.parseLong(c.params().getOrDefault("entries", "100000"));
    }

    /** The benchmark method of {@code c}, if this JVM can load its class (the runner's own jar holds them all). */
    static Optional<Method> benchmarkMethod(Combination c) {
        int dot = c.fullName().lastIndexOf('.');
        try {
            Class<?> type = Class.forName(c.fullName().substring(0, dot), false, TimeEstimate.class.getClassLoader());
            String name = c.fullName().substring(dot + 1);
            return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The method's mode, else its class's; JMH's default is Throughput. Several modes: the first decides. */
    static Mode mode(Method method) {
        BenchmarkMode m = Optional.ofNullable(method.getAnnotation(BenchmarkMode.class))
                .orElse(method.getDeclaringClass().getAnnotation(BenchmarkMode.class));
        return m == null || m.value().length == 0 ? Mode.Throughput : m.value()[0];
    }

    /** One iteration's duration in seconds from {@code @Warmup} or {@code @Measurement} (method, then class). */
    static double iterationSeconds(Method method, Class<? extends Annotation> kind) {
        Annotation a = method.getAnnotation(kind);
        if (a == null) {
            a = method.getDeclaringClass().getAnnotation(kind);
        }
        int time;
        TimeUnit unit;
        if (a instanceof Warmup w) {
            time = w.time();
            unit = w.timeUnit();
        } else if (a instanceof Measurement m) {
            time = m.time();
            unit = m.timeUnit();
        } else {
            return JMH_DEFAULT_ITERATION_SECONDS;
        }
        // JMH's "not set" is a negative time.
        return time < 0 ? JMH_DEFAULT_ITERATION_SECONDS : unit.toNanos(time) / 1e9;
    }
}
