package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.SubjectInfo;
import dev.mapleak.folder.Subjects;
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
        public double at(Phase phase, Metric metric) {
            return metricAt(phase, metric).map(ResultSet.Score::score).orElse(Double.NaN);
        }

        /** Like {@link #at}, with the error and samples behind the score (empty when not reported). */
        public Optional<ResultSet.Score> metricAt(Phase phase, Metric metric) {
            return measurementOf(phase).flatMap(m -> m.metric(metric.at(phase)));
        }

        /** The result a phase's readings are in: the fill's for START (prefixed names) and FILLED. */
        private Optional<Measurement> measurementOf(Phase phase) {
            return switch (phase) {
                case START, FILLED -> fill;
                case DELETED -> deleted;
                case RECLAIMED -> reclaim;
            };
        }

        /** The timed phase that leads to {@code phase} (fill, delete or the strategy), in ms; empty for START. */
        public Optional<ResultSet.Score> timeOf(Phase phase) {
            return switch (phase) {
                case START -> Optional.empty();
                case FILLED -> fill.map(Measurement::primary);
                case DELETED -> delete.map(Measurement::primary);
                case RECLAIMED -> reclaim.map(Measurement::primary);
            };
        }
    }

    /**
     * The order strategies are listed in: KEEP (the baseline every other is compared with), then the seed's remedy
     * (REBUILD), then the maps' own ways. A presentation choice of the report; a strategy it does not know comes first,
     * as it always has.
     */
    static final List<String> STRATEGY_ORDER = List.of("KEEP", "REBUILD", "TRIM", "CLEAR");

    private final List<Row> rows;
    private final List<String> varyingExtras;
    private final Subjects subjects;

    private LifecycleTable(List<Row> rows, List<String> varyingExtras, Subjects subjects) {
        this.rows = rows;
        this.varyingExtras = varyingExtras;
        this.subjects = subjects;
    }

    /** What the run folder records about its subjects. */
    public Subjects subjects() {
        return subjects;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Parameters besides subject, valueSize and strategy that take more than one value in this run (and "jvm"). */
    public List<String> varyingExtras() {
        return varyingExtras;
    }

    /** The rows of {@code results}, subjects in the order {@code subjects} lists them (unknown ones last). */
    public static LifecycleTable of(ResultSet results, Subjects subjects) {
        Map<String, Measurement> fills = new LinkedHashMap<>();
        Map<String, Measurement> deletes = new LinkedHashMap<>();
        Map<Map<String, String>, Measurement> reclaims = new LinkedHashMap<>();
        for (Measurement result : results.measurements()) {
            Measurement m = asLifecycle(result);
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
        rows.sort(java.util.Comparator
                .comparing((Row r) -> subjectOrder(subjects, r.subject()))
                .thenComparing(Row::valueSize)
                .thenComparing(r -> String.join("|", r.key().values()))
                .thenComparing(r -> STRATEGY_ORDER.indexOf(r.strategy())));
        return new LifecycleTable(List.copyOf(rows), varying(rows), subjects);
    }

    /** Go's program (src/main/go) writes its lifecycle as {@code GoLifecycle.fill|delete|reclaim}. */
    static final String GO_LIFECYCLE = "GoLifecycle.";
    /** The name Go's {@code map[int]*[N]byte} results take in the tables (their {@code storage} parameter is POINTER). */
    public static final String GO_POINTER_SUFFIX = "_POINTER";

    /**
     * A result as a row of the lifecycle table: Go's phases as the Java benchmark's, and Go's two map types as two
     * subjects (the {@code storage} parameter, which only Go's results carry, becomes part of the name for
     * {@code map[int]*[N]byte}), so a Go row lines up with the Java rows of the same conditions.
     */
    static Measurement asLifecycle(Measurement m) {
        if (!m.benchmark().startsWith(GO_LIFECYCLE)) {
            return m;
        }
        Map<String, String> params = new LinkedHashMap<>(m.params());
        String storage = params.remove("storage");
        if ("POINTER".equals(storage)) {
            params.put("subject", params.get("subject") + GO_POINTER_SUFFIX);
        }
        return new Measurement("LifecycleBenchmark." + m.benchmark().substring(GO_LIFECYCLE.length()), params, m.jvm(),
                m.jdkVersion(), m.vmName(), m.jvmArgs(), m.primary(), m.secondary(), m.file());
    }

    /** Where {@code subject} stands in the run's subjects.json; a subject it does not list comes last. */
    static int subjectOrder(Subjects subjects, String subject) {
        List<SubjectInfo> all = subjects.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(subject)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
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
