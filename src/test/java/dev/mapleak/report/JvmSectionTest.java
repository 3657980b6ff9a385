package dev.mapleak.report;

import dev.mapleak.folder.Phase;
import dev.mapleak.folder.Subjects;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM sections of the summary and the report, on crafted results in JMH's JSON shape (file names as the runner writes
 * them, {@code ID,jvm=LABEL.json}). The numbers are round on purpose, so every expected cell can be worked out
 * by hand: MiB = 1,048,576 bytes.
 */
class JvmSectionTest {

    static final double MIB = 1 << 20;

    /** One JMH result: a benchmark, its params, the fork's JDK and flags, and secondary metrics. */
    static String json(String benchmark, Map<String, String> params, String jdk, List<String> jvmArgs, Map<String, Double> metrics) {
        String p = params.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(","));
        String a = jvmArgs.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        String m = metrics.entrySet().stream().map(e -> "\"" + e.getKey() + "\":{\"score\":" + e.getValue()
                + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"bytes\",\"rawData\":[[" + e.getValue() + "]]}").collect(Collectors.joining(","));
        return "[{\"benchmark\":\"dev.mapleak.bench." + benchmark + "\",\"jdkVersion\":\"" + jdk + "\",\"vmName\":\"OpenJDK\","
                + "\"jvmArgs\":[" + a + "],\"params\":{" + p + "},"
                + "\"primaryMetric\":{\"score\":1.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\",\"rawData\":[[1.0]]},"
                + "\"secondaryMetrics\":{" + m + "}}]";
    }

    static Map<String, Double> metrics(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    /** The parameters a phase's benchmark carries: fill none of the delete's, delete its fraction, reclaim also a strategy. */
    static Map<String, String> params(String subject, int valueSize, String strategy) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("subject", subject);
        p.put("valueSize", String.valueOf(valueSize));
        if (strategy != null) {
            p.put("deleteFraction", "1.0");
            if (!strategy.isEmpty()) {
                p.put("strategy", strategy);
            }
        }
        p.put("keys", "SEQUENTIAL");
        p.put("entries", "1000");
        return p;
    }

    /** The JVM sections as summary.md shows them (level-2 headings), or "" when none applies. */
    static String render(ResultSet results) {
        ReportDocument doc = new ReportDocument();
        boolean any = JvmSection.add(doc, LifecycleTable.of(results, Subjects.legacy()), results, 2, "jvm");
        assertEquals(any, !doc.blocks().isEmpty());
        return any ? MarkdownWriter.write(doc) : "";
    }

    private final List<ResultSet.Measurement> all = new ArrayList<>();

    private void add(String benchmark, String jvm, String jdk, List<String> args, Map<String, String> params, Map<String, Double> m) {
        all.addAll(ResultSet.parse(Path.of(benchmark + ",x,jvm=" + jvm + ".json"), json(benchmark, params, jdk, args, m)));
    }

    /** The OS sequence in one fork, MiB: committed and RSS with no GC, right after the GC, after uncommit; heap used before and after the GC. */
    private static Map<String, Double> sequence(double[] committed, double[] rss, double usedNoGc, double usedAfterGc,
                                                Object... more) {
        Map<String, Double> m = new java.util.LinkedHashMap<>(metrics(more));
        m.put("nogc.heap.committed.bytes", committed[0] * MIB);
        m.put("gc.heap.committed.bytes", committed[1] * MIB);
        m.put("heap.committed.bytes", committed[2] * MIB);
        m.put("nogc.process.rss.bytes", rss[0] * MIB);
        m.put("gc.process.rss.bytes", rss[1] * MIB);
        m.put("process.rss.bytes", rss[2] * MIB);
        m.put("nogc.heap.used.bytes", usedNoGc * MIB);
        m.put("heap.used.bytes", usedAfterGc * MIB);
        return m;
    }

    /**
     * A map on two JVMs, each phase's OS sequence read in its own fork. G1 after the deletes: committed 900 → 80 → 80,
     * RSS 340 → 354 → 121 MiB while the GC freed 880 − 10 = 870 MiB of heap: 219 MiB, 25.2%, left RSS. After the
     * KEEP reclaim: RSS 130 → 128 → 120 with 20 − 10 = 10 MiB freed: 100%. Shenandoah (no delete group: DELETED is
     * the KEEP reclaim's reading): RSS 300 → 290 → 65 with 150 − 12 = 138 MiB freed: 170%, more than the GC freed,
     * so invalid; its concurrent System.gc() gives no heap after GC, and the metric says why.
     */
    private ResultSet gcMatrix() {
        List<String> g1 = List.of("-Xmx4g", "-XX:+UseG1GC");
        add("LifecycleBenchmark.fill", "jdk17-g1", "17.0.15", g1, params("JDK_HASH_MAP", 129, null), metrics(
                "heap.committed.bytes", 110 * MIB, "process.rss.bytes", 250 * MIB, "retained.jol.bytes", 40 * MIB,
                "retained.heap.bytes", 41 * MIB));
        add("LifecycleBenchmark.delete", "jdk17-g1", "17.0.15", g1, params("JDK_HASH_MAP", 129, ""), sequence(
                new double[] {900, 80, 80}, new double[] {340, 354, 121}, 880, 10, "heap.uncommit.wait.ms", 350));
        add("LifecycleBenchmark.reclaim", "jdk17-g1", "17.0.15", g1, params("JDK_HASH_MAP", 129, "KEEP"), sequence(
                new double[] {90, 80, 80}, new double[] {130, 128, 120}, 20, 10, "retained.heap.bytes", 2 * MIB,
                "heap.uncommit.wait.ms", 400));
        List<String> shen = List.of("-Xmx4g", "-XX:+UseShenandoahGC");
        add("LifecycleBenchmark.fill", "jdk25-shenandoah", "25.0.3", shen, params("JDK_HASH_MAP", 129, null), metrics(
                "heap.committed.bytes", 10 * MIB, "process.rss.bytes", 160 * MIB, "retained.jol.bytes", 40 * MIB,
                "heap.probe.unusable", 2));
        add("LifecycleBenchmark.reclaim", "jdk25-shenandoah", "25.0.3", shen, params("JDK_HASH_MAP", 129, "KEEP"), sequence(
                new double[] {300, 300, 20}, new double[] {300, 290, 65}, 150, 12, "heap.probe.unusable", 2));
        return new ResultSet(all, List.of(), all.size());
    }

    @Test
    void perCollectorAndJdkWhatEachStepOfTheOsSequenceHandedBackInOneFork() {
        String md = render(gcMatrix());
        assertTrue(md.contains("## Memory handed back to the OS, per collector and JDK"), md);
        // every memory figure carries its unit (Format.bytes), as in the report's other tables
        assertTrue(md.contains("| JDK_HASH_MAP | 129 | KEEP | jdk17-g1 | 17 | G1 | 40.00 MiB | 900.00 MiB → 80.00 MiB → 80.00 MiB "
                + "| 340.00 MiB → 354.00 MiB → 121.00 MiB | 25.2% | 130.00 MiB → 128.00 MiB → 120.00 MiB | 100.0% | 2.00 MiB |"), md);
        assertTrue(md.contains("| JDK_HASH_MAP | 129 | KEEP | jdk25-shenandoah | 25 | Shenandoah | 40.00 MiB | 300.00 MiB → 300.00 MiB → 20.00 MiB "
                + "| 300.00 MiB → 290.00 MiB → 65.00 MiB | 170.3% (invalid) | 300.00 MiB → 290.00 MiB → 65.00 MiB | 170.3% (invalid) "
                + "| not measurable: System.gc() is concurrent |"), md);
        assertTrue(md.contains("- Heap after GC is not measurable on `jdk25-shenandoah`: System.gc() runs a concurrent cycle"), md);
        assertTrue(md.contains("- Longest wait for the collector to uncommit, per JVM: `jdk17-g1` 400 ms."), md);
        // the overview: one row per JVM, RSS after the deletes no GC → after uncommit and the share, per map
        assertTrue(md.contains("| JVM | JDK | collector | JDK_HASH_MAP 129 |"), md);
        assertTrue(md.contains("| jdk17-g1 | 17 | G1 | 340.00 MiB → 121.00 MiB (25.2%) |"), md);
        assertTrue(md.contains("| jdk25-shenandoah | 25 | Shenandoah | 300.00 MiB → 65.00 MiB (170.3% (invalid)) |"), md);
        // JDK 17's row comes before JDK 25's
        assertTrue(md.indexOf("| jdk17-g1 |") < md.indexOf("| jdk25-shenandoah |"), md);
        assertFalse(md.contains("Bytes per entry by object-header mode"), md);
    }

    /**
     * Parallel without tuning keeps everything above -Xms: RSS grows while the GC frees the heap (354.81 → 368.84 →
     * 368.90 MiB, as the gc-matrix run read JDK 17's Parallel): nothing handed back, a real result, not an invalid one.
     */
    @Test
    void rssThatGrewIsNothingHandedBack() {
        List<String> parallel = List.of("-Xmx4g", "-XX:+UseParallelGC");
        for (String jvm : List.of("jdk17-parallel", "jdk17-g1")) {
            add("LifecycleBenchmark.reclaim", jvm, "17.0.15", parallel, params("JDK_HASH_MAP", 128, "KEEP"), sequence(
                    new double[] {457.5, 457.5, 457.5}, new double[] {354.81, 368.84, 368.90}, 210, 8));
        }
        String md = render(new ResultSet(all, List.of(), all.size()));
        assertTrue(md.contains("| 354.81 MiB → 368.84 MiB → 368.90 MiB | none (RSS +14.09 MiB) |"), md);
        OsSequence q = OsSequence.at(LifecycleTable.of(new ResultSet(all, List.of(), all.size()), Subjects.legacy()).rows().get(0),
                Phase.DELETED);
        assertEquals(0.0, q.countedShare().orElseThrow());
    }

    /** A run made before the OS sequence was read in one fork says so instead of subtracting two forks' RSS. */
    @Test
    void aRunWithoutTheInForkReadingsSubtractsNothing() {
        List<String> g1 = List.of("-XX:+UseG1GC");
        for (String jvm : List.of("a", "b")) {
            add("LifecycleBenchmark.reclaim", jvm, "17.0.15", g1, params("JDK_HASH_MAP", 128, "KEEP"), metrics(
                    "heap.committed.bytes", 20 * MIB, "process.rss.bytes", 90 * MIB, "retained.heap.bytes", 2 * MIB));
        }
        String md = render(new ResultSet(all, List.of(), all.size()));
        assertTrue(md.contains("| not read in one fork | not read in one fork | – | not read in one fork | – |"), md);
    }

    @Test
    void aRunOnOneJvmWhoseProbeWorksGetsNoJvmSection() {
        List<String> g1 = List.of("-XX:+UseG1GC");
        add("LifecycleBenchmark.fill", "default", "17.0.15", g1, params("JDK_HASH_MAP", 128, null), metrics(
                "heap.committed.bytes", 110 * MIB, "retained.jol.bytes", 40 * MIB));
        assertEquals("", render(new ResultSet(all, List.of(), 1)));
    }

    @Test
    void aRunOnOneJvmWhoseSystemGcIsDisabledSaysSo() {
        List<String> args = List.of("-XX:+UseG1GC", "-XX:+DisableExplicitGC");
        add("LifecycleBenchmark.reclaim", "default", "17.0.15", args, params("JDK_HASH_MAP", 128, "KEEP"), metrics(
                "heap.committed.bytes", 110 * MIB, "heap.probe.unusable", 1));
        String md = render(new ResultSet(all, List.of(), 1));
        assertTrue(md.contains("| not measurable: System.gc() is disabled |"), md);
        assertTrue(md.contains("-XX:+DisableExplicitGC makes System.gc() a no-op."), md);
    }

    /**
     * JDK 25, 1000 entries at 129 bytes. Per entry with standard headers: Node 32 + Integer 16 + byte[129] 152
     * + 8 of table = 208 bytes; compact headers: Node 24 + Integer 16 + byte[] 144 + 8 = 192 (src/docs/measuring.md:
     * Node 32 → 24, byte[129] 152 → 144).
     */
    @Test
    void perHeaderModeBytesPerEntry() {
        add("LifecycleBenchmark.fill", "jdk25-standard", "25.0.3", List.of("-XX:+UseG1GC", "-XX:-UseCompactObjectHeaders"),
                params("JDK_HASH_MAP", 129, null), metrics("retained.jol.bytes", 208_000, "retained.heap.bytes", 210_000));
        add("LifecycleBenchmark.fill", "jdk25-compact", "25.0.3", List.of("-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders"),
                params("JDK_HASH_MAP", 129, null), metrics("retained.jol.bytes", 192_000, "retained.heap.bytes", 193_500));
        String md = render(new ResultSet(all, List.of(), 2));
        assertTrue(md.contains("## Bytes per entry by object-header mode"), md);
        assertTrue(md.contains("| JDK_HASH_MAP | 129 | 25 | G1 | 208.0 | 192.0 | 16.0 | 7.7% | 210.0 | 193.5 |"), md);
    }

    @Test
    void theCollectorAndHeaderModeComeFromTheForksFlagsTheLastOneWinning() {
        assertEquals("G1", JvmSection.collector(List.of("-Xmx4g")));
        assertEquals("Z", JvmSection.collector(List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:ZUncommitDelay=1")));
        assertEquals("Parallel", JvmSection.collector(List.of("-XX:+UseParallelGC", "-XX:+UseAdaptiveSizePolicyWithSystemGC")));
        assertTrue(JvmSection.compactHeaders(List.of("-XX:+UseCompactObjectHeaders")));
        assertFalse(JvmSection.compactHeaders(List.of("-XX:+UseCompactObjectHeaders", "-XX:-UseCompactObjectHeaders")));
    }
}
