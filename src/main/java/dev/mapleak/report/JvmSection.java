package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.UnusableHeapProbe;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.SubjectKind;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the choice of JVM does to retained memory, from the results alone, as blocks of the report model (the same
 * in summary.md, report.md and report.html):
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

    static final Metric COMMITTED = Metric.HEAP_COMMITTED;
    static final Metric RSS = Metric.PROCESS_RSS;
    static final Metric HEAP = Metric.RETAINED_HEAP;
    static final Metric JOL = Metric.RETAINED_JOL;
    static final Metric UNUSABLE = Metric.HEAP_PROBE_UNUSABLE;
    static final Metric WAIT = Metric.UNCOMMIT_WAIT;

    /** Collectors in the order the tables list them. */
    static final List<String> COLLECTORS = List.of("G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon");

    private JvmSection() {
    }

    /**
     * Adds both sections that apply to this run, their headings at {@code level} with anchors
     * {@code anchorPrefix-1, -2}; false when none applies (one JVM, one header mode).
     */
    static boolean add(ReportDocument doc, LifecycleTable table, ResultSet results, int level, String anchorPrefix) {
        int headings = 0;
        if (handedBack(doc, table, level, anchorPrefix + "-" + (headings + 1))) {
            headings++;
        }
        if (headerModes(doc, results, level, anchorPrefix + "-" + (headings + 1))) {
            headings++;
        }
        return headings > 0;
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

    /** The feature version of a JMH {@code jdkVersion} ("17.0.15" → 17, "1.8.0_412" → 8); 0 when it is not one. */
    static int feature(String jdkVersion) {
        String v = jdkVersion.trim();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }

    // ---- memory handed back to the OS ----

    static boolean handedBack(ReportDocument doc, LifecycleTable table, int level, String anchor) {
        List<LifecycleTable.Row> rows = new ArrayList<>();
        Set<String> jvms = new LinkedHashSet<>();
        boolean unusable = false;
        for (LifecycleTable.Row r : table.rows()) {
            Optional<Measurement> any = any(r);
            if (any.isPresent() && !isGoItself(table, r.subject())) {
                rows.add(r);
                jvms.add(any.get().jvm());
                unusable |= Arrays.stream(Phase.values()).anyMatch(p -> !Double.isNaN(r.at(p, UNUSABLE)));
            }
        }
        if (rows.isEmpty() || (jvms.size() < 2 && !unusable)) {
            return false;
        }
        rows.sort(Comparator.comparing((LifecycleTable.Row r) -> r.subject())
                .thenComparing(LifecycleTable.Row::valueSize)
                .thenComparing(LifecycleTable.Row::strategy)
                .thenComparing(r -> jvmOrder(Jvm.of(any(r).orElseThrow()))));
        doc.heading(level, "Memory handed back to the OS, per collector and JDK", anchor);
        doc.paragraph("What the process holds from the OS right after the deletes (DELETED) and after the reclaim "
                + "(RECLAIMED), each read three times in the same fork: with no GC (what the seed's printout shows for "
                + "Go), right after a settled `System.gc()` (Go's `runtime.GC()`), and after the collector has "
                + "uncommitted what it will (Go's `debug.FreeOSMemory()`; G1 and Shenandoah, and ZGC when its "
                + "`ZUncommitDelay` is at most 10 s, are waited for). Committed heap and RSS, no GC → GC → "
                + "uncommit. **handed back**: the share of the heap that GC freed which left RSS by the end, "
                + "(RSS no GC − RSS after uncommit) ÷ (heap used no GC − heap used after GC); outside 0–100% it is "
                + "marked invalid (memory freed earlier went back too) and counts for nothing. Every difference is "
                + "taken within one fork: RSS read in two forks cannot be subtracted. **map (JOL)**: the filled map's "
                + "exact size. **heap after GC**: what the map retains after the reclaim.");
        overview(doc, rows);
        var t = new ReportDocument.TableBuilder().text("subject").num("valueSize").text("strategy", "JVM").num("JDK")
                .text("collector").num("map (JOL)", "committed, DELETED", "RSS, DELETED", "handed back, DELETED",
                        "RSS, RECLAIMED", "handed back, RECLAIMED", "heap after GC");
        Map<UnusableHeapProbe, Set<String>> notMeasurable = new TreeMap<>();
        Map<String, Double> longestWait = new LinkedHashMap<>();
        for (LifecycleTable.Row r : rows) {
            Jvm jvm = Jvm.of(any(r).orElseThrow());
            List<String> cells = new ArrayList<>(List.of(r.subject(), String.valueOf(r.valueSize()),
                    r.strategy().isEmpty() ? Format.MISSING : r.strategy(), jvm.label(),
                    jvm.jdk() == 0 ? "?" : String.valueOf(jvm.jdk()), jvm.collector(), Format.bytes(r.at(Phase.FILLED, JOL))));
            OsSequence deleted = OsSequence.at(r, Phase.DELETED);
            OsSequence reclaimed = OsSequence.at(r, Phase.RECLAIMED);
            cells.add(deleted == null ? NOT_IN_FORK : sequence(deleted.committedNoGc(), deleted.committedAfterGc(), deleted.committedAfterUncommit()));
            cells.add(deleted == null ? NOT_IN_FORK : sequence(deleted.rssNoGc(), deleted.rssAfterGc(), deleted.rssAfterUncommit()));
            cells.add(deleted == null ? Format.MISSING : deleted.returnedCell());
            cells.add(reclaimed == null ? NOT_IN_FORK : sequence(reclaimed.rssNoGc(), reclaimed.rssAfterGc(), reclaimed.rssAfterUncommit()));
            cells.add(reclaimed == null ? Format.MISSING : reclaimed.returnedCell());
            Optional<UnusableHeapProbe> probe = unusable(r);
            if (probe.isPresent()) {
                cells.add("not measurable: " + probe.get().shortReason());
                notMeasurable.computeIfAbsent(probe.get(), k -> new LinkedHashSet<>()).add(jvm.label());
            } else {
                cells.add(Format.bytes(r.at(Phase.RECLAIMED, HEAP)));
            }
            for (Phase phase : Phase.values()) {
                double w = r.at(phase, WAIT);
                if (!Double.isNaN(w)) {
                    longestWait.merge(jvm.label(), w, Math::max);
                }
            }
            t.row(cells);
        }
        doc.table(t.build());
        List<String> notes = new ArrayList<>();
        if (rows.stream().anyMatch(r -> Jvm.of(any(r).orElseThrow()).collector().equals("Z"))) {
            notes.add("ZGC counts heap used in whole pages (2 MiB for small objects), so its heap after GC moves in "
                    + "2 MiB steps; it also runs without compressed oops, so its maps are larger (see map (JOL)).");
        }
        if (rows.stream().map(r -> Jvm.of(any(r).orElseThrow())).anyMatch(j -> j.collector().equals("Z") && j.jdk() < 21)) {
            notes.add("Before JDK 21 ZGC maps its heap three times (multi-mapping) and Linux counts every mapping in RSS, "
                    + "so the RSS of JDK 17's ZGC overstates what it holds: compare its shares, not its MiB, with other collectors.");
        }
        notMeasurable.forEach((probe, labels) -> notes.add("Heap after GC is not measurable on "
                + String.join(", ", labels.stream().map(l -> "`" + l + "`").toList()) + ": " + probe.reason() + "."));
        if (!longestWait.isEmpty()) {
            List<String> waits = new ArrayList<>();
            longestWait.forEach((label, ms) -> waits.add("`" + label + "` " + Format.ms(ms) + " ms"));
            notes.add("Longest wait for the collector to uncommit, per JVM: " + String.join(", ", waits) + ".");
        }
        doc.bullets(notes);
        return true;
    }

    /** Where a run predates the readings taken in one fork. */
    static final String NOT_IN_FORK = "not read in one fork";

    /** "a → b → c", each with its unit. */
    static String sequence(double noGc, double afterGc, double afterUncommit) {
        return Format.bytes(noGc) + " → " + Format.bytes(afterGc) + " → " + Format.bytes(afterUncommit);
    }

    /**
     * One row per JVM and one column per map state (subject, value size, strategy): RSS after the deletes with no GC
     * and after the GC and uncommit, read in one fork, and the share handed back. The detail table follows it.
     */
    static void overview(ReportDocument doc, List<LifecycleTable.Row> rows) {
        Map<String, Jvm> jvms = new LinkedHashMap<>();
        Set<String> states = new LinkedHashSet<>();
        Map<List<String>, String> cells = new LinkedHashMap<>();
        for (LifecycleTable.Row r : rows) {
            OsSequence q = OsSequence.at(r, Phase.DELETED);
            if (r.deleted().isEmpty() || q == null) {
                continue;
            }
            Jvm jvm = Jvm.of(r.deleted().get());
            String state = r.subject() + " " + r.valueSize();
            jvms.putIfAbsent(jvm.label(), jvm);
            states.add(state);
            cells.put(List.of(jvm.label(), state), Format.bytes(q.rssNoGc()) + " → " + Format.bytes(q.rssAfterUncommit())
                    + " (" + q.returnedCell() + ")");
        }
        if (jvms.size() < 2) {
            return;
        }
        doc.paragraph("RSS after the deletes with no GC → after the GC and uncommit, and the share of the freed heap "
                + "handed back, per JVM (rows) and map (columns), each read in one fork; the detail follows.");
        var t = new ReportDocument.TableBuilder().text("JVM").num("JDK").text("collector");
        states.forEach(t::num);
        List<Jvm> ordered = new ArrayList<>(jvms.values());
        ordered.sort(Comparator.comparing(JvmSection::jvmOrder));
        for (Jvm j : ordered) {
            List<String> line = new ArrayList<>(List.of(j.label(), String.valueOf(j.jdk()), j.collector()));
            states.forEach(state -> line.add(cells.getOrDefault(List.of(j.label(), state), Format.MISSING)));
            t.row(line);
        }
        doc.table(t.build());
    }

    /** Go's own results ran on no JVM: they stay out of the JVM tables. */
    static boolean isGoItself(LifecycleTable table, String subject) {
        return table.subjects().find(subject).map(i -> i.kind() == SubjectKind.GO_RUNTIME).orElse(false);
    }

    /** Why heap after GC is missing at RECLAIMED (or, for a row without a reclaim, at the last phase recorded). */
    static Optional<UnusableHeapProbe> unusable(LifecycleTable.Row r) {
        for (Phase phase : List.of(Phase.RECLAIMED, Phase.DELETED, Phase.FILLED)) {
            double code = r.at(phase, UNUSABLE);
            if (!Double.isNaN(code)) {
                return Optional.of(UnusableHeapProbe.ofCode(code));
            }
        }
        return Optional.empty();
    }

    // ---- bytes per entry by header mode ----

    static boolean headerModes(ReportDocument doc, ResultSet results, int level, String anchor) {
        // (subject, valueSize, JDK, collector) → header mode → the fill's measurement
        Map<List<String>, Map<String, Measurement>> byState = new LinkedHashMap<>();
        Set<String> modes = new LinkedHashSet<>();
        for (Measurement any : results.measurements()) {
            Measurement m = LifecycleTable.filledOf(any).orElse(null);
            if (m == null || Double.isNaN(m.score(JOL))) {
                continue;
            }
            Jvm jvm = Jvm.of(m);
            List<String> key = List.of(m.param("subject"), m.param("valueSize"), String.valueOf(jvm.jdk()), jvm.collector());
            byState.computeIfAbsent(key, k -> new TreeMap<>(Comparator.reverseOrder())).put(jvm.headerMode(), m);
            modes.add(jvm.headerMode());
        }
        if (modes.size() < 2) {
            return false;
        }
        doc.heading(level, "Bytes per entry by object-header mode", anchor);
        doc.paragraph("The filled map's size per entry: **JOL** exact bytes reachable from the map, **heap** heap used after a "
                + "full GC minus the baseline. **standard**: 12-byte object headers (`-XX:-UseCompactObjectHeaders`); "
                + "**compact**: 8-byte headers (`-XX:+UseCompactObjectHeaders`, JDK 25). Every object saves 4 bytes, "
                + "which alignment to 8 bytes turns into 0 or 8.");
        var t = new ReportDocument.TableBuilder().text("subject").num("valueSize", "JDK").text("collector")
                .num("standard JOL B/entry", "compact JOL B/entry", "saved B/entry", "saved", "standard heap B/entry",
                        "compact heap B/entry");
        List<Map.Entry<List<String>, Map<String, Measurement>>> states = new ArrayList<>(byState.entrySet());
        states.sort(Comparator.comparing((Map.Entry<List<String>, Map<String, Measurement>> e) -> e.getKey().get(0))
                .thenComparing(e -> Integer.parseInt(e.getKey().get(1))));
        for (var e : states) {
            Measurement standard = e.getValue().get("standard");
            Measurement compact = e.getValue().get("compact");
            double s = perEntry(standard, JOL);
            double c = perEntry(compact, JOL);
            t.row(List.of(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
                    Format.bytesPerEntry(s), Format.bytesPerEntry(c), Format.bytesPerEntry(s - c), Format.percent((s - c) / s),
                    Format.bytesPerEntry(perEntry(standard, HEAP)), Format.bytesPerEntry(perEntry(compact, HEAP))));
        }
        doc.table(t.build());
        return true;
    }

    /** A metric of a fill divided by its entries; NaN when the fill or the metric is missing. */
    static double perEntry(Measurement fill, Metric metric) {
        if (fill == null) {
            return Double.NaN;
        }
        double entries = Double.parseDouble(fill.params().getOrDefault("entries", "NaN"));
        return fill.score(metric) / entries;
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
}
