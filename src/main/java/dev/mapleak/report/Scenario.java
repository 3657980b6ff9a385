package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.Storage;
import dev.mapleak.folder.SubjectInfo;
import dev.mapleak.folder.SubjectKind;
import dev.mapleak.report.LifecycleTable.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One slice of the lifecycle results with every parameter but subject, value size and strategy held fixed:
 * the conditions a table, chart or verdict is computed under. {@link #seed} picks the seed's own conditions
 * as closely as the run allows: the most entries, sequential keys, everything deleted.
 */
public final class Scenario {

    private final LifecycleTable table;
    /** Fixed parameter values; a row matches when every one it carries is equal ({@code jvm} included). */
    private final Map<String, String> fixed;

    private Scenario(LifecycleTable table, Map<String, String> fixed) {
        this.table = table;
        this.fixed = Map.copyOf(fixed);
    }

    /** The seed's experiment: most entries, SEQUENTIAL keys, deleteFraction 1.0 (else the largest), first JVM. */
    public static Scenario seed(LifecycleTable table) {
        Map<String, String> fixed = new LinkedHashMap<>();
        Map<String, List<String>> values = values(table);
        values.forEach((param, vs) -> {
            switch (param) {
                case "subject", "valueSize", "strategy" -> { }
                case "entries" -> fixed.put(param, vs.stream().max(Comparator.comparingDouble(Scenario::number)).orElseThrow());
                case "keys" -> fixed.put(param, vs.contains("SEQUENTIAL") ? "SEQUENTIAL" : vs.get(0));
                case "deleteFraction" -> fixed.put(param, vs.stream().max(Comparator.comparingDouble(Scenario::number)).orElseThrow());
                default -> fixed.put(param, vs.get(0));
            }
        });
        return new Scenario(table, fixed);
    }

    /** The same conditions with one parameter changed. */
    public Scenario with(String param, String value) {
        Map<String, String> f = new LinkedHashMap<>(fixed);
        f.put(param, value);
        return new Scenario(table, f);
    }

    /** The table this slice is cut from. */
    public LifecycleTable table() {
        return table;
    }

    public String get(String param) {
        return fixed.getOrDefault(param, "");
    }

    /** Every value each parameter takes in the run, in first-seen order ({@code jvm} included). */
    static Map<String, List<String>> values(LifecycleTable table) {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Row r : table.rows()) {
            r.key().forEach((k, v) -> seen.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        seen.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** The values {@code param} takes anywhere in the run, numbers in numeric order. */
    public List<String> valuesOf(String param) {
        List<String> vs = new ArrayList<>(values(table).getOrDefault(param, List.of()));
        if (vs.stream().allMatch(v -> !Double.isNaN(number(v)))) {
            vs.sort(Comparator.comparingDouble(Scenario::number));
        }
        return vs;
    }

    public List<Row> rows() {
        return table.rows().stream().filter(this::matches).toList();
    }

    private boolean matches(Row r) {
        for (Map.Entry<String, String> f : fixed.entrySet()) {
            String v = r.key().get(f.getKey());
            if (v != null && !v.equals(f.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Subjects with results under these conditions, in the order of the run's subjects.json. */
    public List<String> subjects() {
        return rows().stream().map(Row::subject).distinct().toList();
    }

    public List<Integer> valueSizes() {
        return rows().stream().map(Row::valueSize).distinct().sorted().toList();
    }

    /** Strategies measured under these conditions, in enum order. */
    public List<String> strategies() {
        return rows().stream().map(Row::strategy).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * The row holding START, FILLED and DELETED for a subject and value size (those phases do not depend on the
     * strategy, so any row will do; one with a delete result is preferred).
     */
    public Optional<Row> state(String subject, int valueSize) {
        List<Row> candidates = rows().stream()
                .filter(r -> r.subject().equals(subject) && r.valueSize() == valueSize).toList();
        return candidates.stream().filter(r -> r.deleted().isPresent()).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** The row whose RECLAIMED phase applied {@code strategy}. */
    public Optional<Row> reclaimed(String subject, int valueSize, String strategy) {
        return rows().stream().filter(r -> r.subject().equals(subject) && r.valueSize() == valueSize
                && r.strategy().equals(strategy) && r.reclaim().isPresent()).findFirst();
    }

    /** A metric at a phase; RECLAIMED needs a strategy, the other phases ignore it. */
    public Reading reading(String subject, int valueSize, Phase phase, String strategy, Metric metric) {
        Optional<Row> row = phase == Phase.RECLAIMED ? reclaimed(subject, valueSize, strategy) : state(subject, valueSize);
        return row.map(r -> Reading.of(r.metricAt(phase, metric))).orElse(Reading.MISSING);
    }

    /** The reclaim time of {@code strategy}, ms. */
    public Reading reclaimTime(String subject, int valueSize, String strategy) {
        return reclaimed(subject, valueSize, strategy).map(r -> Reading.of(r.timeOf(Phase.RECLAIMED))).orElse(Reading.MISSING);
    }

    /**
     * The subject whose results carry Go's figure ({@link Metric#RETAINED_GO}): the one subjects.json records as
     * the Go model. Empty when the run had none.
     */
    public Optional<String> goSubject() {
        return table.subjects().all().stream().filter(x -> x.kind() == SubjectKind.GO_MODEL)
                .map(SubjectInfo::name).findFirst();
    }

    /** Go's {@code map[int][N]byte} as measured (GO_RUNTIME, not its pointer twin), if the run has it. */
    Optional<String> goRuntime() {
        return subjectsIn(MapGroup.GO_RUNTIME).stream().filter(x -> !x.endsWith(LifecycleTable.GO_POINTER_SUFFIX)).findFirst();
    }

    /** "Go go1.19.8, map[int][N]byte, classic maps": the library and class the run folder records, else the name. */
    String libraryAndClass(String subject) {
        return info(subject).map(i -> i.library() + ", " + i.className()).orElse(subject);
    }

    /** Whether {@code subject} is the Go model's. */
    public boolean isGo(String subject) {
        return goSubject().map(subject::equals).orElse(false);
    }

    /** What the run folder records about {@code subject}. */
    Optional<SubjectInfo> info(String subject) {
        return table.subjects().find(subject);
    }

    /** Whose map {@code subject} is, from the kind the run folder records. */
    MapGroup group(String subject) {
        return MapGroup.of(table.subjects().find(subject));
    }

    /** Whose map {@code subject} is: a library's, mapleak's own, the Go model or Go measured. */
    Provenance provenance(String subject) {
        return Provenance.of(table.subjects().find(subject));
    }

    /** The subjects of one group with results under these conditions, in subjects.json order. */
    List<String> subjectsIn(MapGroup group) {
        return subjects().stream().filter(x -> group(x) == group).toList();
    }

    /** How {@code subject} stored values of {@code valueSize} bytes, as the run folder recorded it. */
    public Optional<Storage> storage(String subject, int valueSize) {
        return table.subjects().find(subject).flatMap(x -> x.storageAt(valueSize));
    }

    /** {@link #storage} as a table cell: "?" for a subject or size the run folder does not describe. */
    public String storageLabel(String subject, int valueSize) {
        return storage(subject, valueSize).map(Enum::name).orElse("?");
    }

    /**
     * The share of what the fill added that is still held after the deletes: (DELETED − START) / (FILLED − START)
     * for {@code metric}; NaN when a phase is missing or the fill added nothing.
     */
    public double keptAfterDelete(String subject, int valueSize, Metric metric) {
        double start = reading(subject, valueSize, Phase.START, "", metric).score();
        double filled = reading(subject, valueSize, Phase.FILLED, "", metric).score();
        double deleted = reading(subject, valueSize, Phase.DELETED, "", metric).score();
        double added = filled - start;
        return added > 0 ? (deleted - start) / added : Double.NaN;
    }

    /**
     * Bytes kept per deleted entry: (DELETED − START) ÷ (entries × deleteFraction) for {@code metric}, the number an
     * engineer can act on, independent of how many entries a map had (a HashMap's 2^21-slot table of 4-byte
     * references after 1M deletes: 8,388,624 B ÷ 1,000,000 = 8.4 B). NaN when a phase or a parameter is missing.
     */
    public double keptPerDeletedEntry(String subject, int valueSize, Metric metric) {
        double start = reading(subject, valueSize, Phase.START, "", metric).score();
        double deleted = reading(subject, valueSize, Phase.DELETED, "", metric).score();
        return perDeletedEntry(start, deleted, entries(), number(get("deleteFraction")));
    }

    /** (deleted − start) ÷ (entries × deleteFraction); NaN without entries or a delete fraction. */
    static double perDeletedEntry(double start, double deleted, double entries, double deleteFraction) {
        double n = entries * deleteFraction;
        return n > 0 ? (deleted - start) / n : Double.NaN;
    }

    /** "1,000,000 entries, SEQUENTIAL keys, deleteFraction 1.0" and any other fixed parameter. */
    public String describe() {
        return describeWithout("");
    }

    /** {@link #describe()} leaving one parameter out (it varies in what is described). */
    public String describeWithout(String param) {
        Map<String, String> fixed = new LinkedHashMap<>(this.fixed);
        fixed.remove(param);
        List<String> parts = new ArrayList<>();
        if (fixed.containsKey("entries")) {
            parts.add(Format.count((long) number(fixed.get("entries"))) + " entries");
        }
        if (fixed.containsKey("keys")) {
            parts.add(fixed.get("keys") + " keys");
        }
        if (fixed.containsKey("deleteFraction")) {
            parts.add("deleteFraction " + fixed.get("deleteFraction"));
        }
        fixed.forEach((k, v) -> {
            if (!List.of("entries", "keys", "deleteFraction", "jvm").contains(k)) {
                parts.add(k + " " + v);
            }
        });
        if (fixed.containsKey("jvm") && values(table).getOrDefault("jvm", List.of()).size() > 1) {
            parts.add("JVM " + fixed.get("jvm"));
        }
        return String.join(", ", parts);
    }

    public long entries() {
        double n = number(get("entries"));
        return Double.isNaN(n) ? 0 : (long) n;
    }

    static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }
}
