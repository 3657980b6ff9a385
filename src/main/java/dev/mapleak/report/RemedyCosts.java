package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timing pass of a run ({@code RemedyCostBenchmark.reclaim} results): every timed point with the median, minimum
 * and maximum of its single shots (JMH's {@code rawData}, all forks pooled), how many shots, and the bytes the timed
 * call allocated ({@link Metric#TIMED_ALLOC}). KEEP does nothing, so its shots are the measurement's floor; a time
 * below {@link #FLOOR_FACTOR} times that floor is the timer's, not the remedy's, and is never ranked.
 */
record RemedyCosts(List<Cost> costs) {

    public static final String BENCHMARK = "RemedyCostBenchmark.reclaim";
    /** A time counts as a remedy's own only when it is at least this many times KEEP's. */
    static final double FLOOR_FACTOR = 10;
    /** A median and spread need this many shots before anything is ranked on them. */
    static final int MIN_SAMPLES = 5;

    /** One timed point: a strategy on one map state, with its shots in ms and its allocation in bytes. */
    record Cost(Map<String, String> key, List<Double> shotsMs, double allocBytes, List<Double> allocSamples) {

        String subject() {
            return key.get("subject");
        }

        String strategy() {
            return key.getOrDefault("strategy", "");
        }

        String deleteFraction() {
            return key.getOrDefault("deleteFraction", "");
        }

        int valueSize() {
            return Integer.parseInt(key.get("valueSize"));
        }

        int n() {
            return shotsMs.size();
        }

        double median() {
            return RemedyCosts.median(shotsMs);
        }

        double min() {
            return shotsMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return shotsMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** "12.3–15.8": the range of the shots. */
        String spread() {
            return n() == 0 ? Format.MISSING : Format.ms(min()) + "–" + Format.ms(max());
        }
    }

    static RemedyCosts of(ResultSet results) {
        List<Cost> costs = new ArrayList<>();
        for (Measurement m : results.measurements()) {
            if (!m.benchmark().equals(BENCHMARK)) {
                continue;
            }
            Map<String, String> key = new LinkedHashMap<>(m.params());
            key.put("jvm", m.jvm());
            Optional<ResultSet.Score> alloc = m.metric(Metric.TIMED_ALLOC);
            costs.add(new Cost(key, List.copyOf(m.primary().samples()), alloc.map(ResultSet.Score::score).orElse(Double.NaN),
                    alloc.map(ResultSet.Score::samples).orElse(List.of())));
        }
        costs.sort(Comparator.comparing((Cost c) -> c.key().getOrDefault("jvm", ""))
                .thenComparing(Cost::valueSize)
                .thenComparingDouble(c -> Scenario.number(c.deleteFraction()))
                .thenComparing(c -> LifecycleTable.STRATEGY_ORDER.indexOf(c.strategy()))
                // SEQUENTIAL (the seed's) before RANDOM; a run with one key order keeps its order
                .thenComparing(c -> !"SEQUENTIAL".equals(c.key().get("keys"))));
        return new RemedyCosts(List.copyOf(costs));
    }

    boolean isEmpty() {
        return costs.isEmpty();
    }

    /** The floor: the median of every KEEP shot of the run's first JVM (KEEP does nothing, whatever the map). */
    List<Double> floorShots() {
        String jvm = costs.isEmpty() ? "" : costs.get(0).key().get("jvm");
        return costs.stream().filter(c -> c.strategy().equals("KEEP") && c.key().get("jvm").equals(jvm))
                .flatMap(c -> c.shotsMs().stream()).toList();
    }

    double floorMs() {
        return median(floorShots());
    }

    /** What KEEP allocates in its window: JMH's own bytes around the call, the allocation figure's floor. */
    double floorAllocBytes() {
        return median(costs.stream().filter(c -> c.strategy().equals("KEEP") && !Double.isNaN(c.allocBytes()))
                .map(Cost::allocBytes).toList());
    }

    /** Whether a median is the remedy's own time, not the timer's: at least {@link #FLOOR_FACTOR} × the floor. */
    boolean aboveFloor(double medianMs) {
        double floor = floorMs();
        return !Double.isNaN(floor) && medianMs >= FLOOR_FACTOR * floor;
    }

    /** Why a cost cannot be ranked, or empty when it can: deleteFraction &lt; 1, above the floor, n ≥ 5. */
    Optional<String> unsound(Cost c) {
        if (Scenario.number(c.deleteFraction()) >= 1.0) {
            return Optional.of("deleteFraction 1.0: nothing survives to copy");
        }
        if (c.n() < MIN_SAMPLES) {
            return Optional.of("n=" + c.n() + " < " + MIN_SAMPLES);
        }
        if (!aboveFloor(c.median())) {
            return Optional.of("below the floor");
        }
        return Optional.empty();
    }

    /** The cost of {@code strategy} on one map state (matching every parameter {@code fixed} holds, when present). */
    Optional<Cost> find(String subject, int valueSize, String deleteFraction, String strategy, Map<String, String> fixed) {
        return costs.stream().filter(c -> c.subject().equals(subject) && c.valueSize() == valueSize
                        && c.deleteFraction().equals(deleteFraction) && c.strategy().equals(strategy))
                .filter(c -> fixed.entrySet().stream().allMatch(f -> f.getKey().equals("deleteFraction")
                        || !c.key().containsKey(f.getKey()) || c.key().get(f.getKey()).equals(f.getValue())))
                .findFirst();
    }

    /** A median time as a cell: the number, or "below the floor" when it is the timer's. */
    String timeCell(Cost c) {
        return aboveFloor(c.median()) ? Format.ms(c.median()) : "below the floor";
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Bytes as a cell: whole bytes below a MiB (KEEP's few hundred), MiB above. */
    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return Format.MISSING;
        }
        return Format.bytes(b);
    }
}
