package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Subjects;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Section#OPERATIONS}: what the run measured besides the lifecycle, when it has it: operation benchmarks (iterate, get,
 * churn) compared across map states (fresh, after delete, reclaimed), JMH's GC profiler numbers, and
 * {@link JvmSection}'s tables when the run has several JVMs or object-header modes (a GC matrix). Benchmarks
 * are read generically: a parameter whose values name map states becomes the columns, so a new operation
 * benchmark needs no change here.
 */
final class OperationsSection {

    /** Parameter names that say which state a map is in, in the order they are looked for. */
    static final List<String> STATE_PARAMS = List.of("history", "state", "mapState", "condition", "phase", "after");
    /** Values that name a map state, in the order columns are shown: values of the operation benchmarks' own
     *  parameters (FRESH, AFTER_DELETE, ...), not {@link dev.mapleak.folder.Phase}s. */
    static final List<String> STATE_ORDER = List.of("FRESH", "FILLED", "DELETED", "AFTER_DELETE", "KEEP", "RECLAIMED",
            "REBUILD", "REBUILT", "TRIM", "TRIMMED", "CLEAR", "CLEARED");

    /**
     * Results other sections report: the lifecycle (sections 2 and 3, Go's beside it) and the timing pass (section 6 and
     * the lifecycle table's times). Shown here as well, a timing-pass table would put a remedy's time over KEEP's, a ratio
     * to the timer's floor (issue 11).
     */
    static final List<String> OWN_SECTIONS = List.of("LifecycleBenchmark.", LifecycleTable.GO_LIFECYCLE, "RemedyCostBenchmark.");

    private OperationsSection() {
    }

    static void add(ReportDocument doc, RunData data) {
        Map<String, List<Measurement>> byBenchmark = new LinkedHashMap<>();
        for (Measurement m : data.results().measurements()) {
            if (OWN_SECTIONS.stream().noneMatch(m.benchmark()::startsWith)) {
                byBenchmark.computeIfAbsent(m.benchmark(), k -> new ArrayList<>()).add(m);
            }
        }
        boolean any = false;
        if (byBenchmark.isEmpty()) {
            doc.paragraph("No operation or churn benchmarks in this run (its profile ran "
                    + String.join(", ", data.results().measurements().stream().map(m -> m.benchmark().split("\\.")[0]).distinct().toList())
                    + " only).");
        } else {
            any = true;
            // where the profile timed these at fewer points than it measured for memory
            List<String> narrower = TimedPoints.sentences(data.results().measurements(), byBenchmark::containsKey);
            if (!narrower.isEmpty()) {
                doc.paragraph(String.join(" ", narrower));
            }
            byBenchmark.forEach((name, ms) -> benchmark(doc, name, ms, data.subjects()));
            if (storesReferences(byBenchmark.keySet())) {
                doc.paragraph(REFERENCE_STORE_NOTE);
            }
        }
        any |= gcProfiler(doc, data);
        // Several JVMs (a GC matrix) or different header modes: JvmSection's tables, the same as in summary.md.
        if (JvmSection.add(doc, data.table(), data.results(), 3, "jvm")) {
            any = true;
        }
        if (!any) {
            doc.paragraph("No GC profiler results (`--prof gc`) and a single JVM configuration.");
        }
    }

    /** One benchmark's results; pivoted on its map-state parameter when it has one. */
    static void benchmark(ReportDocument doc, String name, List<Measurement> ms, Subjects subjects) {
        doc.heading(3, "`" + name + "`", "op-" + name.replace('.', '-'));
        Map<String, List<String>> values = paramValues(ms);
        Optional<String> pivot = statePivot(values);
        List<String> varying = values.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).filter(k -> pivot.map(p -> !p.equals(k)).orElse(true)).toList();
        List<String> constant = values.entrySet().stream().filter(e -> e.getValue().size() == 1)
                .map(e -> e.getKey() + "=" + e.getValue().get(0)).toList();
        ms = ms.stream().sorted(java.util.Comparator.comparingInt(m -> LifecycleTable.subjectOrder(subjects, m.param("subject")))).toList();
        String unit = ms.get(0).primary().unit();
        boolean retained = pivot.isEmpty() && ChurnTable.applies(ms);
        String churn = retained ? ChurnTable.caption(ms) : "";
        doc.paragraph("Score in " + unit + (constant.isEmpty() ? "" : "; every row has " + String.join(", ", constant))
                + (ms.stream().anyMatch(m -> m.primary().samples().size() > 1)
                        ? "; a cell is the median of its n samples (one per measured iteration, over every fork) with the"
                        + " smallest and largest in brackets" : "") + "."
                + (churn.isEmpty() ? "" : " " + churn));
        if (retained) {
            // A benchmark that records retained memory (churn) shows what the map settled at beside its time.
            doc.table(ChurnTable.build(ms, varying, m -> varying.stream().map(v -> value(m, v)).toList()));
        } else if (pivot.isEmpty()) {
            var t = new ReportDocument.TableBuilder();
            varying.forEach(t::text);
            t.num("score");
            for (Measurement m : ms) {
                List<String> cells = new ArrayList<>();
                varying.forEach(v -> cells.add(value(m, v)));
                cells.add(score(m));
                t.row(cells);
            }
            doc.table(t.build());
        } else {
            doc.table(pivoted(ms, pivot.get(), values, varying));
        }
    }

    /** One row per combination of the varying parameters, one column per map state, then each state ÷ the first. */
    private static ReportDocument.Table pivoted(List<Measurement> ms, String pivot, Map<String, List<String>> values,
                                                List<String> varying) {
        var t = new ReportDocument.TableBuilder();
        varying.forEach(t::text);
        List<String> states = ordered(values.get(pivot));
        states.forEach(st -> t.num(st));
        states.subList(1, states.size()).forEach(st -> t.num(st + " ÷ " + states.get(0)));
        Map<List<String>, Map<String, Measurement>> rows = new LinkedHashMap<>();
        for (Measurement m : ms) {
            List<String> key = varying.stream().map(v -> value(m, v)).toList();
            rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(m.param(pivot), m);
        }
        rows.forEach((key, byState) -> {
            List<String> cells = new ArrayList<>(key);
            states.forEach(st -> cells.add(Optional.ofNullable(byState.get(st)).map(OperationsSection::score).orElse(Format.MISSING)));
            Measurement first = byState.get(states.get(0));
            for (String st : states.subList(1, states.size())) {
                Measurement m = byState.get(st);
                cells.add(first == null || m == null ? Format.MISSING
                        : Format.ratio(Spread.of(m.primary()).median() / Spread.of(first.primary()).median()));
            }
            t.row(cells);
        });
        return t.build();
    }

    /**
     * Why a POINTER map's {@code put} can cost twenty times as much after a delete, measured for issue 11: shown
     * under the operation tables whenever the run timed {@code put} or {@code remove} (which puts back).
     */
    static final String REFERENCE_STORE_NOTE = "Why `put` (and `remove`, which puts the key back) can cost many times"
            + " more AFTER_DELETE for a POINTER map: storing the value's reference goes through the collector's write"
            + " barrier. Under G1, a store into a 512-byte card of the value array that is not dirty yet dirties it and"
            + " queues it, and refinement then rescans the card. After the delete, FLAT_POINTER's live values sit about"
            + " one per card across its large array, so nearly every put pays for this. ECLIPSE's hash packs SEQUENTIAL"
            + " keys into a few cards, which stay dirty, so it pays almost nothing, but it spreads RANDOM keys and then"
            + " pays too. CPU profiles (`--prof cpu`) of FLAT_POINTER's put, and of ECLIPSE's with RANDOM keys, put most"
            + " samples in G1's `G1DirtyCardQueueSet::enqueue` and `G1RemSet::refine_card_concurrently`; ECLIPSE's with"
            + " SEQUENTIAL keys shows none. Under `-XX:+UseParallelGC`, whose barrier only marks the card, FLAT_POINTER"
            + " and ECLIPSE cost about the same. The cost comes"
            + " from the collector, not the table (see `OperationsBenchmark`'s class comment).";

    static boolean storesReferences(Collection<String> benchmarks) {
        return benchmarks.contains("OperationsBenchmark.put") || benchmarks.contains("OperationsBenchmark.remove");
    }

    /** JMH's {@code -prof gc} secondary metrics, for every benchmark that has them. */
    static boolean gcProfiler(ReportDocument doc, RunData data) {
        List<Measurement> with = data.results().measurements().stream()
                .filter(m -> m.secondary().containsKey("gc.alloc.rate.norm") || m.secondary().containsKey("gc.count")).toList();
        if (with.isEmpty()) {
            return false;
        }
        doc.heading(3, "GC profiler (`-prof gc`)", "gc-profiler");
        doc.paragraph("Allocation per operation and collections as JMH's GC profiler counts them: from just before each measured"
                + " iteration to just after it. The window column says what that covers for each benchmark.");
        Map<String, List<String>> values = paramValues(with);
        List<String> varying = values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        var t = new ReportDocument.TableBuilder().text("benchmark");
        varying.forEach(t::text);
        t.text("window");
        t.num("allocated bytes/op", "GC count", "GC time ms");
        for (Measurement m : with) {
            List<String> cells = new ArrayList<>(List.of(m.benchmark()));
            varying.forEach(v -> cells.add(value(m, v)));
            cells.add(gcWindow(m.benchmark()));
            cells.add(Format.score(m.score("gc.alloc.rate.norm")));
            cells.add(Format.score(m.score("gc.count")));
            cells.add(Format.score(m.score("gc.time")));
            t.row(cells);
        }
        doc.table(t.build());
        return true;
    }

    /** The looped benchmark whose iterations are its timed loop alone: its map is built once per fork, in trial setup. */
    static final String LOOPED_CLASS = "OperationsBenchmark.";
    static final String LOOP_WINDOW = "the timed loop (map built before, in trial setup)";
    /**
     * Every other benchmark times one shot per iteration, and its iteration setup (fill, delete, pre-roll, full GCs) and
     * teardown probes fall inside JMH's window. The runner refuses {@code --prof gc} for them; older folders may hold such
     * figures, which are then not the shot's.
     */
    static final String SHOT_WINDOW = "the whole iteration: setup, full GCs, the shot and probes (not the shot's own)";

    static String gcWindow(String benchmark) {
        return benchmark.startsWith(LOOPED_CLASS) ? LOOP_WINDOW : SHOT_WINDOW;
    }

    static Optional<String> statePivot(Map<String, List<String>> values) {
        for (String name : STATE_PARAMS) {
            if (values.getOrDefault(name, List.of()).size() > 1) {
                return Optional.of(name);
            }
        }
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .filter(e -> e.getValue().stream().anyMatch(v -> STATE_ORDER.contains(v.toUpperCase(Locale.ROOT))))
                .map(Map.Entry::getKey).findFirst();
    }

    private static List<String> ordered(List<String> states) {
        List<String> out = new ArrayList<>(states);
        out.sort(java.util.Comparator.comparingInt(v -> {
            int i = STATE_ORDER.indexOf(v.toUpperCase(Locale.ROOT));
            return i < 0 ? STATE_ORDER.size() : i;
        }));
        return out;
    }

    /** Every parameter's values across {@code ms}, with the JVM label as a parameter when there are several. */
    private static Map<String, List<String>> paramValues(List<Measurement> ms) {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Measurement m : ms) {
            m.params().forEach((k, v) -> seen.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
            seen.computeIfAbsent("jvm", x -> new LinkedHashSet<>()).add(m.jvm());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        seen.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private static String value(Measurement m, String param) {
        return param.equals("jvm") ? m.jvm() : m.params().getOrDefault(param, "");
    }

    private static String score(Measurement m) {
        return Spread.of(m.primary()).cell();
    }
}
