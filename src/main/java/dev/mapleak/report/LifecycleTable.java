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
 * varies in the run), with what the map retained at START, FILLED, DELETED and RECLAIMED.
 *
 * <p>It reads both shapes a run folder may hold. A {@code LifecycleBenchmark.memory} result (the memory group)
 * carries all four states itself ({@code start.}, {@code filled.}, {@code deleted.} prefixes, RECLAIMED bare) and
 * its time is no cost: the row's times come from the timing pass ({@code RemedyCostBenchmark.fill}, {@code delete},
 * {@code reclaim}) where the run has it, and are missing otherwise. Older runs hold one group per phase
 * ({@code fill}, {@code delete}, {@code reclaim}), each timing its phase; their rows are joined as they always were.
 * Either way a row is the same {@link Row}: a memory result is split into the one-phase results it stands for.
 */
public final class LifecycleTable {

    public static final String FILL = "LifecycleBenchmark.fill";
    public static final String DELETE = "LifecycleBenchmark.delete";
    public static final String RECLAIM = "LifecycleBenchmark.reclaim";
    /** The memory group: every state in one result, no published time. */
    public static final String MEMORY = "LifecycleBenchmark.memory";
    /** The timing pass's phases, whose times a memory row takes. */
    public static final String TIMED_FILL = "RemedyCostBenchmark.fill";
    public static final String TIMED_DELETE = "RemedyCostBenchmark.delete";
    public static final String TIMED_RECLAIM = "RemedyCostBenchmark.reclaim";
    /** The time of a phase nobody timed (a memory group's, in a run without that timing group). */
    static final ResultSet.Score NO_TIME = new ResultSet.Score(Double.NaN, Double.NaN, "ms", List.of());

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

        /**
         * A metric at a phase: START and FILLED come from fill, DELETED from delete (or the KEEP reclaim), RECLAIMED
         * from reclaim. Only START carries a prefix there (a memory result's other prefixes are gone once split).
         */
        public double at(Phase phase, Metric metric) {
            return metricAt(phase, metric).map(ResultSet.Score::score).orElse(Double.NaN);
        }

        /** Like {@link #at}, with the error and samples behind the score (empty when not reported). */
        public Optional<ResultSet.Score> metricAt(Phase phase, Metric metric) {
            return measurementOf(phase).flatMap(m -> m.metric(phase == Phase.START ? metric.at(Phase.START) : metric.key()));
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

    /** Whether some row's states come from memory groups (see {@link #OS_SEQUENCE_OF_ONE_PHASE_GROUPS}). */
    private final boolean memoryGroups;

    private LifecycleTable(List<Row> rows, List<String> varyingExtras, Subjects subjects, boolean memoryGroups) {
        this.memoryGroups = memoryGroups;
        this.rows = rows;
        this.varyingExtras = varyingExtras;
        this.subjects = subjects;
    }

    /** What the run folder records about its subjects. */
    public boolean fromMemoryGroups() {
        return memoryGroups;
    }

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
        List<Measurement> memories = new ArrayList<>();
        Map<String, ResultSet.Score> times = new LinkedHashMap<>();
        for (Measurement result : results.measurements()) {
            Measurement m = asLifecycle(result);
            switch (m.benchmark()) {
                case FILL -> fills.put(mapKey(m), m);
                case DELETE -> deletes.put(mapKey(m) + "|" + m.param("deleteFraction"), m);
                case RECLAIM -> reclaims.put(rowKey(m), m);
                case MEMORY -> memories.add(m);
                case TIMED_FILL -> times.put(FILL + "|" + mapKey(m), m.primary());
                case TIMED_DELETE -> times.put(DELETE + "|" + mapKey(m) + "|" + m.param("deleteFraction"), m.primary());
                case TIMED_RECLAIM -> times.put(RECLAIM + "|" + rowKey(m), m.primary());
                default -> { }
            }
        }
        List<Row> rows = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Measurement m : memories) {
            String deleteKey = mapKey(m) + "|" + m.param("deleteFraction");
            Measurement delete = split(m, Phase.DELETED, DELETE,
                    times.getOrDefault(DELETE + "|" + deleteKey, NO_TIME));
            rows.add(new Row(rowKey(m), Optional.of(split(m, Phase.FILLED, FILL, times.getOrDefault(FILL + "|" + mapKey(m), NO_TIME))),
                    Optional.of(delete), Optional.of(split(m, Phase.RECLAIMED, RECLAIM,
                    times.getOrDefault(RECLAIM + "|" + rowKey(m), NO_TIME))), Optional.of(delete)));
            covered.add(deleteKey);
            covered.add(mapKey(m));
        }
        reclaims.keySet().removeAll(rows.stream().map(Row::key).toList()); // a memory row wins over an old one
        Map<String, Measurement> kept = new LinkedHashMap<>();
        reclaims.values().stream().filter(m -> "KEEP".equals(m.param("strategy")))
                .forEach(m -> kept.put(mapKey(m) + "|" + m.param("deleteFraction"), m));
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
        return new LifecycleTable(List.copyOf(rows), varying(rows), subjects, !memories.isEmpty());
    }

    /** The prefixes a memory result's readings before its benchmark carry; RECLAIMED's names are bare. */
    private static final List<String> EARLIER_PREFIXES =
            List.of(Metric.prefix(Phase.START), Metric.prefix(Phase.FILLED), Metric.prefix(Phase.DELETED));

    /**
     * The one-phase result a memory result stands for at {@code phase}: named {@code benchmark} (fill, delete or
     * reclaim), with the parameters that phase depends on, {@code phase}'s readings under their bare names (and, for
     * FILLED, START's under {@code start.}, as a fill group carried them), and {@code time} as its score.
     */
    /**
     * The readings taken before any GC, which begin the OS sequence (no GC → {@code System.gc()} → uncommit). A memory
     * group takes DELETED's and RECLAIMED's after the earlier states' probes (FILLED's settled full GCs, the uncommit
     * wait and JOL's walk, whose garbage is still on the heap), so they are not the seed's sequence after the deletes
     * alone (src/docs/measuring.md, "What a memory group's readings mean"). They stay in the raw JSON; the report reads
     * the OS sequence only from one-phase groups (gc-matrix), which take it right after the deletes.
     */
    static final java.util.Set<String> OS_SEQUENCE_OF_ONE_PHASE_GROUPS = java.util.Set.of(
            Metric.PROCESS_RSS_NO_GC.key(), Metric.HEAP_USED_NO_GC.key(), Metric.HEAP_COMMITTED_NO_GC.key());

    static Measurement split(Measurement memory, Phase phase, String benchmark, ResultSet.Score time) {
        Map<String, String> params = new LinkedHashMap<>(memory.params());
        if (phase != Phase.RECLAIMED) {
            params.remove("strategy");
        }
        if (phase == Phase.FILLED) {
            params.remove("deleteFraction");
        }
        String prefix = Metric.prefix(phase);
        Map<String, ResultSet.Score> secondary = new LinkedHashMap<>();
        memory.secondary().forEach((name, score) -> {
            if (phase == Phase.RECLAIMED) {
                if (EARLIER_PREFIXES.stream().noneMatch(name::startsWith) && !OS_SEQUENCE_OF_ONE_PHASE_GROUPS.contains(name)) {
                    secondary.put(name, score);
                }
            } else if (name.startsWith(prefix)) {
                String bare = name.substring(prefix.length());
                if (phase != Phase.DELETED || !OS_SEQUENCE_OF_ONE_PHASE_GROUPS.contains(bare)) {
                    secondary.put(bare, score);
                }
            } else if (phase == Phase.FILLED && name.startsWith(Metric.prefix(Phase.START))) {
                secondary.put(name, score);
            }
        });
        return new Measurement(benchmark, params, memory.jvm(), memory.jdkVersion(), memory.vmName(), memory.jvmArgs(),
                time, secondary, memory.file());
    }

    /** The filled map's result: a fill group's as it is, a memory group's FILLED part; empty for any other. */
    public static Optional<Measurement> filledOf(Measurement m) {
        return switch (m.benchmark()) {
            case FILL -> Optional.of(m);
            case MEMORY -> Optional.of(split(m, Phase.FILLED, FILL, NO_TIME));
            default -> Optional.empty();
        };
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
