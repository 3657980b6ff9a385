package dev.mapleak.report;

import dev.mapleak.measure.ExplicitGc;
import dev.mapleak.measure.Probe;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the choice of JVM does to retained memory, in markdown, from the results alone:
 * <ul>
 *   <li><b>Memory handed back to the OS</b> (runs with several JVMs, such as the gc-matrix profile): committed
 *       heap and RSS after every phase per collector and JDK, and how much of what the fill added is still
 *       committed and still resident after the reclaim.</li>
 *   <li><b>Bytes per entry by object-header mode</b> (runs with and without {@code -XX:+UseCompactObjectHeaders},
 *       such as the compact-headers profile).</li>
 * </ul>
 * Where a JVM's {@code System.gc()} is disabled or concurrent, heap after GC reads "not measurable" with the
 * reason, never a number.
 */
public final class JvmSection {

    static final String COMMITTED = Probe.HEAP_COMMITTED.metric();
    static final String RSS = Probe.PROCESS_RSS.metric();
    static final String HEAP = Probe.RETAINED_HEAP.metric();
    static final String JOL = Probe.RETAINED_JOL.metric();
    static final String UNUSABLE = Probe.HEAP_PROBE_UNUSABLE.metric();
    static final String WAIT = Probe.UNCOMMIT_WAIT.metric();
    static final List<String> PHASES = LifecycleTable.PHASES;

    /** Collectors in the order the tables list them. */
    static final List<String> COLLECTORS = List.of("G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon");

    private JvmSection() {
    }

    /** Both sections that apply to this run, or "" when none does (one JVM, one header mode). */
    public static String render(ResultSet results) {
        LifecycleTable table = LifecycleTable.of(results);
        return handedBack(table) + headerModes(results);
    }

    /** The JVM a row's results ran on, as the tables describe it. */
    record Jvm(String label, int jdk, String collector, boolean compactHeaders) {

        static Jvm of(Measurement m) {
            return new Jvm(m.jvm(), feature(m.jdkVersion()), JvmSection.collector(m.jvmArgs()),
                    JvmSection.compactHeaders(m.jvmArgs()));
        }

        String headerMode() {
            return compactHeaders ? "compact" : "standard";
        }
    }

    /** The collector a fork's flags select: the last {@code -XX:+Use...GC} wins, as in HotSpot; G1 when none. */
    static String collector(List<String> jvmArgs) {
        String gc = "G1";
        for (String a : jvmArgs) {
            if (a.matches("-XX:\\+Use[A-Za-z]+GC")) {
                String name = a.substring("-XX:+Use".length(), a.length() - 2);
                if (COLLECTORS.contains(name)) {
                    gc = name;
                }
            }
        }
        return gc;
    }

    /** Whether a fork ran with compact object headers: the last of {@code -XX:±UseCompactObjectHeaders} wins. */
    static boolean compactHeaders(List<String> jvmArgs) {
        boolean on = false;
        for (String a : jvmArgs) {
            if (a.equals("-XX:+UseCompactObjectHeaders")) {
                on = true;
            } else if (a.equals("-XX:-UseCompactObjectHeaders")) {
                on = false;
            }
        }
        return on;
    }

    static int feature(String jdkVersion) {
        try {
            return dev.mapleak.measure.JvmFlags.featureVersion(jdkVersion);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    // ---- memory handed back to the OS ----

    static String handedBack(LifecycleTable table) {
        List<LifecycleTable.Row> rows = new ArrayList<>();
        Set<String> jvms = new LinkedHashSet<>();
        boolean unusable = false;
        for (LifecycleTable.Row r : table.rows()) {
            Optional<Measurement> any = any(r);
            if (any.isPresent()) {
                rows.add(r);
                jvms.add(any.get().jvm());
                unusable |= PHASES.stream().anyMatch(p -> !Double.isNaN(r.at(p, UNUSABLE)));
            }
        }
        if (rows.isEmpty() || (jvms.size() < 2 && !unusable)) {
            return "";
        }
        rows.sort(Comparator.comparing((LifecycleTable.Row r) -> r.subject())
                .thenComparing(LifecycleTable.Row::valueSize)
                .thenComparing(LifecycleTable.Row::strategy)
                .thenComparing(r -> jvmOrder(Jvm.of(any(r).orElseThrow()))));
        StringBuilder md = new StringBuilder();
        md.append("\n## Memory handed back to the OS, per collector and JDK\n\n");
        md.append("Committed heap and process RSS in MiB at START → FILLED → DELETED → RECLAIMED, each read after a forced ")
                .append("`System.gc()` and after waiting for the collector to uncommit what it frees (G1, Shenandoah, and ZGC ")
                .append("when its `ZUncommitDelay` is at most 10 s). **still committed** and **still resident**: the share ")
                .append("of what the fill added (FILLED − START) that is still held after the reclaim (RECLAIMED − START); ")
                .append("0% means everything went back to the OS, 100% nothing did, below 0% less than before the map existed. ")
                .append("START and FILLED come from the fill's fork, DELETED and RECLAIMED from their own forks with the same flags. ")
                .append("**map (JOL)**: the filled map's exact size. **heap after GC**: what the map retains after the reclaim.\n\n");
        md.append(overview(rows));
        List<String> head = List.of("subject", "valueSize", "strategy", "JVM", "JDK", "collector", "map (JOL)",
                "committed S → F → D → R", "RSS S → F → D → R", "still committed", "still resident", "heap after GC");
        md.append(row(head)).append(row(head.stream().map(h -> isText(h) ? "---" : "---:").toList()));
        Map<ExplicitGc, Set<String>> notMeasurable = new TreeMap<>();
        Map<String, Double> longestWait = new LinkedHashMap<>();
        for (LifecycleTable.Row r : rows) {
            Jvm jvm = Jvm.of(any(r).orElseThrow());
            List<String> cells = new ArrayList<>(List.of(r.subject(), String.valueOf(r.valueSize()),
                    r.strategy().isEmpty() ? Format.MISSING : r.strategy(), jvm.label(),
                    jvm.jdk() == 0 ? "?" : String.valueOf(jvm.jdk()), jvm.collector(), Format.mib(r.at("FILLED", JOL))));
            cells.add(phases(r, COMMITTED));
            cells.add(phases(r, RSS));
            cells.add(share(r, COMMITTED));
            cells.add(share(r, RSS));
            Optional<ExplicitGc> probe = unusable(r);
            if (probe.isPresent()) {
                cells.add("not measurable: " + shortReason(probe.get()));
                notMeasurable.computeIfAbsent(probe.get(), k -> new LinkedHashSet<>()).add(jvm.label());
            } else {
                cells.add(Format.mib(r.at("RECLAIMED", HEAP)));
            }
            for (String phase : PHASES) {
                double w = r.at(phase, WAIT);
                if (!Double.isNaN(w)) {
                    longestWait.merge(jvm.label(), w, Math::max);
                }
            }
            md.append(row(cells));
        }
        boolean zgc = rows.stream().anyMatch(r -> Jvm.of(any(r).orElseThrow()).collector().equals("Z"));
        if (!notMeasurable.isEmpty() || !longestWait.isEmpty() || zgc) {
            md.append('\n');
        }
        if (zgc) {
            md.append("- ZGC counts heap used in whole pages (2 MiB for small objects), so its heap after GC moves in ")
                    .append("2 MiB steps; it also runs without compressed oops, so its maps are larger (see map (JOL)).\n");
        }
        if (rows.stream().map(r -> Jvm.of(any(r).orElseThrow())).anyMatch(j -> j.collector().equals("Z") && j.jdk() < 21)) {
            md.append("- Before JDK 21 ZGC maps its heap three times (multi-mapping) and Linux counts every mapping in RSS, ")
                    .append("so the RSS of JDK 17's ZGC overstates what it holds: compare its shares, not its MiB, with other collectors.\n");
        }
        notMeasurable.forEach((gc, labels) -> md.append("- Heap after GC is not measurable on ")
                .append(String.join(", ", labels.stream().map(l -> "`" + l + "`").toList())).append(": ")
                .append(gc.unusableReason().orElse("")).append(".\n"));
        if (!longestWait.isEmpty()) {
            List<String> waits = new ArrayList<>();
            longestWait.forEach((label, ms) -> waits.add("`" + label + "` " + Format.ms(ms) + " ms"));
            md.append("- Longest wait for the collector to uncommit, per JVM: ").append(String.join(", ", waits)).append(".\n");
        }
        return md.toString();
    }

    /**
     * One row per JVM and one column per map state (subject, value size, strategy): the share of what the fill
     * added that is still committed / still resident after the reclaim. The detail table follows it.
     */
    static String overview(List<LifecycleTable.Row> rows) {
        Map<String, Jvm> jvms = new LinkedHashMap<>();
        Set<String> states = new LinkedHashSet<>();
        Map<List<String>, String> cells = new LinkedHashMap<>();
        for (LifecycleTable.Row r : rows) {
            if (r.reclaim().isEmpty()) {
                continue;
            }
            Jvm jvm = Jvm.of(r.reclaim().get());
            String state = r.subject() + " " + r.valueSize() + " " + r.strategy();
            jvms.putIfAbsent(jvm.label(), jvm);
            states.add(state);
            cells.put(List.of(jvm.label(), state), share(r, COMMITTED) + " / " + share(r, RSS));
        }
        if (jvms.size() < 2) {
            return "";
        }
        List<String> head = new ArrayList<>(List.of("JVM", "JDK", "collector"));
        head.addAll(states);
        StringBuilder md = new StringBuilder();
        md.append("Still committed / still resident after the reclaim, per JVM (rows) and map (columns); the detail ")
                .append("follows. \"no growth\": the fill fitted in the heap already committed, so committed heap says ")
                .append("nothing about the map.\n\n");
        md.append(row(head)).append(row(head.stream().map(h -> isText(h) ? "---" : "---:").toList()));
        List<Jvm> ordered = new ArrayList<>(jvms.values());
        ordered.sort(Comparator.comparing(JvmSection::jvmOrder));
        for (Jvm j : ordered) {
            List<String> line = new ArrayList<>(List.of(j.label(), String.valueOf(j.jdk()), j.collector()));
            states.forEach(state -> line.add(cells.getOrDefault(List.of(j.label(), state), Format.MISSING)));
            md.append(row(line));
        }
        return md.append('\n').toString();
    }

    /** "S → F → D → R" in MiB for one metric. */
    static String phases(LifecycleTable.Row r, String metric) {
        List<String> values = new ArrayList<>();
        for (String phase : PHASES) {
            values.add(Format.mib(r.at(phase, metric)));
        }
        return String.join(" → ", values);
    }

    /** {@link #stillHeld} as a percentage; "no growth" where the fill added nothing (the heap already had the room). */
    static String share(LifecycleTable.Row r, String metric) {
        double added = r.at("FILLED", metric) - r.at("START", metric);
        return added <= 0 ? "no growth" : Format.percent(stillHeld(r, metric));
    }

    /** (RECLAIMED − START) / (FILLED − START): the share of what the fill added that is still held; NaN when unknown. */
    static double stillHeld(LifecycleTable.Row r, String metric) {
        double start = r.at("START", metric);
        double added = r.at("FILLED", metric) - start;
        double kept = r.at("RECLAIMED", metric) - start;
        return added > 0 ? kept / added : Double.NaN;
    }

    /** Why heap after GC is missing at RECLAIMED (or, for a row without a reclaim, at the last phase recorded). */
    static Optional<ExplicitGc> unusable(LifecycleTable.Row r) {
        for (String phase : List.of("RECLAIMED", "DELETED", "FILLED")) {
            double code = r.at(phase, UNUSABLE);
            if (!Double.isNaN(code)) {
                return Optional.of(ExplicitGc.ofCode(code));
            }
        }
        return Optional.empty();
    }

    static String shortReason(ExplicitGc gc) {
        return switch (gc) {
            case DISABLED -> "System.gc() is disabled";
            case CONCURRENT -> "System.gc() is concurrent";
            case NO_COLLECTOR -> "Epsilon never collects";
            case FULL -> "";
        };
    }

    // ---- bytes per entry by header mode ----

    static String headerModes(ResultSet results) {
        // (subject, valueSize, JDK, collector) → header mode → the fill's measurement
        Map<List<String>, Map<String, Measurement>> byState = new LinkedHashMap<>();
        Set<String> modes = new LinkedHashSet<>();
        for (Measurement m : results.measurements()) {
            if (!m.benchmark().equals(LifecycleTable.FILL) || Double.isNaN(m.score(JOL))) {
                continue;
            }
            Jvm jvm = Jvm.of(m);
            List<String> key = List.of(m.param("subject"), m.param("valueSize"), String.valueOf(jvm.jdk()), jvm.collector());
            byState.computeIfAbsent(key, k -> new TreeMap<>(Comparator.reverseOrder())).put(jvm.headerMode(), m);
            modes.add(jvm.headerMode());
        }
        if (modes.size() < 2) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        md.append("\n## Bytes per entry by object-header mode\n\n");
        md.append("The filled map's size per entry: **JOL** exact bytes reachable from the map, **heap** heap used after a ")
                .append("full GC minus the baseline. **standard**: 12-byte object headers (`-XX:-UseCompactObjectHeaders`); ")
                .append("**compact**: 8-byte headers (`-XX:+UseCompactObjectHeaders`, JDK 25). Every object saves 4 bytes, ")
                .append("which alignment to 8 bytes turns into 0 or 8.\n\n");
        List<String> head = List.of("subject", "valueSize", "JDK", "collector", "standard JOL B/entry", "compact JOL B/entry",
                "saved B/entry", "saved", "standard heap B/entry", "compact heap B/entry");
        md.append(row(head)).append(row(head.stream().map(h -> isText(h) ? "---" : "---:").toList()));
        List<Map.Entry<List<String>, Map<String, Measurement>>> states = new ArrayList<>(byState.entrySet());
        states.sort(Comparator.comparing((Map.Entry<List<String>, Map<String, Measurement>> e) -> e.getKey().get(0))
                .thenComparing(e -> Integer.parseInt(e.getKey().get(1))));
        for (var e : states) {
            Measurement standard = e.getValue().get("standard");
            Measurement compact = e.getValue().get("compact");
            double s = perEntry(standard, JOL);
            double c = perEntry(compact, JOL);
            md.append(row(List.of(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
                    bytes(s), bytes(c), bytes(s - c), Format.percent((s - c) / s),
                    bytes(perEntry(standard, HEAP)), bytes(perEntry(compact, HEAP)))));
        }
        return md.toString();
    }

    /** A metric of a fill divided by its entries; NaN when the fill or the metric is missing. */
    static double perEntry(Measurement fill, String metric) {
        if (fill == null) {
            return Double.NaN;
        }
        double entries = Double.parseDouble(fill.params().getOrDefault("entries", "NaN"));
        return fill.score(metric) / entries;
    }

    static String bytes(double b) {
        return Double.isNaN(b) ? Format.MISSING : String.format(java.util.Locale.ROOT, "%.1f", b);
    }

    // ---- helpers ----

    private static Optional<Measurement> any(LifecycleTable.Row r) {
        return r.reclaim().or(r::delete).or(r::fill);
    }

    /** JDK, then collector in {@link #COLLECTORS} order, then the label (a default before its "-tuned"). */
    private static String jvmOrder(Jvm j) {
        int gc = COLLECTORS.indexOf(j.collector());
        return String.format("%03d-%02d-%s", j.jdk(), gc < 0 ? 99 : gc, j.label());
    }

    private static boolean isText(String header) {
        return List.of("subject", "strategy", "JVM", "collector").contains(header);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
