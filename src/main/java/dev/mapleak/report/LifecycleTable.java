package dev.mapleak.report;

import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seed's table for Java: one row per subject × valueSize × strategy (and any other parameter that
 * varies in the run), with what the map retained at START, FILLED, DELETED and RECLAIMED, joined from the
 * {@code fill}, {@code delete} and {@code reclaim} results of {@code LifecycleBenchmark}.
 */
public final class LifecycleTable {

    public static final String FILL = "LifecycleBenchmark.fill";
    public static final String DELETE = "LifecycleBenchmark.delete";
    public static final String RECLAIM = "LifecycleBenchmark.reclaim";

    /**
     * One row; any phase may be missing (not in the profile, or its group failed).
     *
     * @param deleted the measurement of the DELETED state: the {@code delete} group's, or, in a run without
     *                delete groups (the quick profile), the {@code reclaim} group's with strategy KEEP, which
     *                changes nothing and so measures that very state. Its time is not the delete's.
     */
    public record Row(Map<String, String> key, Optional<Measurement> fill, Optional<Measurement> delete,
                      Optional<Measurement> reclaim, Optional<Measurement> deleted) {

        public String subject() {
            return key.get("subject");
        }

        public int valueSize() {
            return Integer.parseInt(key.get("valueSize"));
        }

        public String strategy() {
            return key.getOrDefault("strategy", "");
        }

        /** A metric at a phase: START and FILLED come from fill, DELETED from delete, RECLAIMED from reclaim. */
        public double at(String phase, String metric) {
            return switch (phase) {
                case "START" -> fill.map(m -> m.score("start." + metric)).orElse(Double.NaN);
                case "FILLED" -> fill.map(m -> m.score(metric)).orElse(Double.NaN);
                case "DELETED" -> deleted.map(m -> m.score(metric)).orElse(Double.NaN);
                case "RECLAIMED" -> reclaim.map(m -> m.score(metric)).orElse(Double.NaN);
                default -> throw new IllegalArgumentException("unknown phase " + phase);
            };
        }

        /** Like {@link #at}, with the error and samples behind the score (empty when not reported). */
        public Optional<ResultSet.Metric> metricAt(String phase, String metric) {
            return switch (phase) {
                case "START" -> fill.flatMap(m -> m.metric("start." + metric));
                case "FILLED" -> fill.flatMap(m -> m.metric(metric));
                case "DELETED" -> deleted.flatMap(m -> m.metric(metric));
                case "RECLAIMED" -> reclaim.flatMap(m -> m.metric(metric));
                default -> throw new IllegalArgumentException("unknown phase " + phase);
            };
        }

        /** The timed phase that leads to {@code phase} (fill, delete or the strategy), in ms; empty for START. */
        public Optional<ResultSet.Metric> timeOf(String phase) {
            return switch (phase) {
                case "FILLED" -> fill.map(Measurement::primary);
                case "DELETED" -> delete.map(Measurement::primary);
                case "RECLAIMED" -> reclaim.map(Measurement::primary);
                default -> Optional.empty();
            };
        }
    }

    public static final List<String> PHASES = List.of("START", "FILLED", "DELETED", "RECLAIMED");

    private final List<Row> rows;
    private final List<String> varyingExtras;

    private LifecycleTable(List<Row> rows, List<String> varyingExtras) {
        this.rows = rows;
        this.varyingExtras = varyingExtras;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Parameters besides subject, valueSize and strategy that take more than one value in this run (and "jvm"). */
    public List<String> varyingExtras() {
        return varyingExtras;
    }

    public static LifecycleTable of(ResultSet results) {
        Map<String, Measurement> fills = new LinkedHashMap<>();
        Map<String, Measurement> deletes = new LinkedHashMap<>();
        Map<Map<String, String>, Measurement> reclaims = new LinkedHashMap<>();
        for (Measurement m : results.measurements()) {
            switch (m.benchmark()) {
                case FILL -> fills.put(mapKey(m), m);
                case DELETE -> deletes.put(mapKey(m) + "|" + m.param("deleteFraction"), m);
                case RECLAIM -> reclaims.put(rowKey(m), m);
                default -> { }
            }
        }
        Map<String, Measurement> kept = new LinkedHashMap<>();
        reclaims.values().stream().filter(m -> "KEEP".equals(m.param("strategy")))
                .forEach(m -> kept.put(mapKey(m) + "|" + m.param("deleteFraction"), m));
        List<Row> rows = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Map.Entry<Map<String, String>, Measurement> r : reclaims.entrySet()) {
            Measurement m = r.getValue();
            String deleteKey = mapKey(m) + "|" + m.param("deleteFraction");
            Optional<Measurement> delete = Optional.ofNullable(deletes.get(deleteKey));
            rows.add(new Row(r.getKey(), Optional.ofNullable(fills.get(mapKey(m))), delete, Optional.of(m),
                    delete.or(() -> Optional.ofNullable(kept.get(deleteKey)))));
            covered.add(deleteKey);
            covered.add(mapKey(m));
        }
        deletes.forEach((k, m) -> {
            if (!covered.contains(k)) {
                rows.add(new Row(rowKey(m), Optional.ofNullable(fills.get(mapKey(m))), Optional.of(m), Optional.empty(),
                        Optional.of(m)));
                covered.add(mapKey(m));
            }
        });
        fills.forEach((k, m) -> {
            if (!covered.contains(k)) {
                rows.add(new Row(rowKey(m), Optional.of(m), Optional.empty(), Optional.empty(), Optional.empty()));
            }
        });
        rows.sort(ROW_ORDER);
        return new LifecycleTable(List.copyOf(rows), varying(rows));
    }

    /** Subject in declaration order of the run, then value size, then strategy in enum order. */
    private static final java.util.Comparator<Row> ROW_ORDER = java.util.Comparator
            .comparing((Row r) -> subjectOrder(r.subject()))
            .thenComparing(Row::valueSize)
            .thenComparing(r -> String.join("|", r.key().values()))
            .thenComparing(r -> strategyOrder(r.strategy()));

    private static int subjectOrder(String subject) {
        try {
            return dev.mapleak.subject.Subject.valueOf(subject).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static int strategyOrder(String strategy) {
        try {
            return dev.mapleak.lifecycle.Strategy.valueOf(strategy).ordinal();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The state a fill starts from and produces: subject, valueSize, entries, key order, JVM. */
    private static String mapKey(Measurement m) {
        return m.param("subject") + "|" + m.param("valueSize") + "|" + m.param("entries") + "|" + m.param("keys") + "|" + m.jvm();
    }

    private static Map<String, String> rowKey(Measurement m) {
        Map<String, String> key = new LinkedHashMap<>(m.params());
        key.put("jvm", m.jvm());
        return key;
    }

    private static List<String> varying(List<Row> rows) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Row r : rows) {
            r.key().forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        List<String> extras = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!List.of("subject", "valueSize", "strategy").contains(k) && v.size() > 1) {
                extras.add(k);
            }
        });
        return extras;
    }
}
