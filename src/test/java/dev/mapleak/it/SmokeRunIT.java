package dev.mapleak.it;

import dev.mapleak.folder.RunFolder;
import dev.mapleak.folder.SubjectInfo;
import dev.mapleak.folder.SubjectKind;
import dev.mapleak.folder.Subjects;
import dev.mapleak.report.ResultSet;
import dev.mapleak.report.ResultSet.Measurement;
import dev.mapleak.subject.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./run-bench.sh smoke} end to end, as CI and a newcomer run it, and the basic truths its JSON must
 * show. The smoke profile: 10,000 sequential keys, 128-byte values, delete all, KEEP and REBUILD, one memory group
 * ({@code LifecycleBenchmark.memory}) per subject and strategy, each recording all four states.
 */
class SmokeRunIT {

    static final int ENTRIES = 10_000;
    static final int VALUE_SIZE = 128;
    /** Every probe that answers on G1 with a full System.gc(), the OS sequence's three readings included. */
    static final List<String> METRICS = List.of("retained.jol.bytes", "retained.heap.bytes", "heap.probe.floor.bytes",
            "nogc.heap.committed.bytes", "nogc.process.rss.bytes", "nogc.heap.used.bytes", "heap.used.bytes", "gc.heap.committed.bytes", "gc.process.rss.bytes",
            "heap.committed.bytes", "process.rss.bytes", "live.entries");

    @TempDir
    static Path reports;
    static Path run;
    static String output;
    static List<Measurement> results;

    @BeforeAll
    static void runSmoke() throws Exception {
        RunBench.Finished f = RunBench.run(reports, "smoke", "--out", reports.toString());
        output = f.output();
        assertEquals(0, f.status(), output);
        run = RunBench.onlyRunFolder(reports);
        ResultSet set = ResultSet.load(run.resolve("results"));
        assertEquals(List.of(), set.problems());
        results = set.measurements();
    }

    static Measurement find(String method, Subject subject, String strategy) {
        return results.stream()
                .filter(m -> m.method().equals(method) && m.param("subject").equals(subject.name()))
                .filter(m -> strategy == null || strategy.equals(m.param("strategy")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + subject + " " + strategy));
    }

    /** The prefix a memory group's reading of {@code phase} carries: start., filled., deleted.; RECLAIMED bare. */
    static final Map<String, String> PHASE_PREFIXES = Map.of("START", "start.", "FILLED", "filled.", "DELETED", "deleted.",
            "RECLAIMED", "");

    @Test
    void everySubjectHasEveryPhaseAndEveryMetric() {
        Map<String, Set<String>> subjectsByMethod = results.stream().collect(Collectors.groupingBy(
                Measurement::method, Collectors.mapping(m -> m.param("subject"), Collectors.toCollection(TreeSet::new))));
        Set<String> all = java.util.Arrays.stream(Subject.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Map.of("memory", all), subjectsByMethod);
        assertEquals(2 * all.size(), results.size()); // KEEP and REBUILD
        for (Measurement m : results) {
            for (String prefix : PHASE_PREFIXES.values()) {
                for (String metric : METRICS) {
                    assertTrue(m.secondary().containsKey(prefix + metric), m.file() + " lacks " + prefix + metric);
                }
                assertEquals(m.param("subject").equals("GO_HYBRID"), m.secondary().containsKey(prefix + "retained.go.bytes"), m.file());
            }
            // what each state holds: nothing yet, every entry, none (deleteFraction 1.0), none
            assertEquals(0, m.score("start.live.entries"), m.file());
            assertEquals(ENTRIES, m.score("filled.live.entries"), m.file());
            assertEquals(0, m.score("deleted.live.entries"), m.file());
            assertEquals(0, m.score("live.entries"), m.file());
        }
    }

    @Test
    void jdkHashMapKeepsItsTableAfterEverythingIsDeleted() {
        Measurement kept = find("memory", Subject.JDK_HASH_MAP, "KEEP");
        assertEquals(0, kept.score("deleted.live.entries"));
        // 10,000 entries at load 0.75 need 13,334 slots → a 2^14-slot table of 4-byte references (compressed
        // oops) plus a 16-byte array header: that array alone is still reachable from the empty map.
        long table = 16 + (1 << 14) * 4;
        assertTrue(kept.score("deleted.retained.jol.bytes") >= table, "retained " + kept.score("deleted.retained.jol.bytes"));
        // KEEP changes nothing: RECLAIMED is the DELETED state, byte for byte
        assertEquals(kept.score("deleted.retained.jol.bytes"), kept.score("retained.jol.bytes"));
    }

    @Test
    void rebuildNeverRetainsMoreThanKeep() {
        for (Subject s : Subject.values()) {
            double keep = find("memory", s, "KEEP").score("retained.jol.bytes");
            double rebuild = find("memory", s, "REBUILD").score("retained.jol.bytes");
            assertTrue(rebuild <= keep, s + ": REBUILD " + rebuild + " > KEEP " + keep);
            // the states before the strategy are the same map in both groups: JOL is exact
            for (String prefix : List.of("start.", "filled.", "deleted.")) {
                assertEquals(find("memory", s, "KEEP").score(prefix + "retained.jol.bytes"),
                        find("memory", s, "REBUILD").score(prefix + "retained.jol.bytes"), s + " " + prefix);
            }
        }
    }

    @Test
    void flatInlineKeepsItsSlabAfterTheDelete() {
        double deleted = find("memory", Subject.FLAT_INLINE, "KEEP").score("deleted.retained.jol.bytes");
        assertTrue(deleted >= (double) ENTRIES * VALUE_SIZE, "FLAT_INLINE after delete: " + deleted);
    }

    /** subjects.json describes every subject from the code that measured it, so a report need not ask the code. */
    @Test
    void subjectsJsonRecordsEverySubjectsKindClassAndStorage() {
        Subjects subjects = RunFolder.open(run).readSubjects();
        assertTrue(subjects.recorded());
        assertEquals(java.util.Arrays.stream(Subject.values()).map(Enum::name).toList(),
                subjects.all().stream().map(SubjectInfo::name).toList());
        for (Subject s : Subject.values()) {
            SubjectInfo info = subjects.find(s.name()).orElseThrow();
            assertEquals(s.kind(), info.kind(), s.name());
            assertEquals(s.storageFor(VALUE_SIZE), info.storageAt(VALUE_SIZE).orElseThrow(), s.name());
            assertEquals(s.measuredClass().getName(), info.className(), s.name());
        }
        assertEquals("it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap", subjects.find("FASTUTIL").orElseThrow().className());
        assertTrue(subjects.find("FASTUTIL").orElseThrow().library().matches("fastutil \\d+\\.\\d+\\.\\d+"),
                subjects.find("FASTUTIL").orElseThrow().library());
        assertEquals(SubjectKind.GO_MODEL, subjects.find("GO_HYBRID").orElseThrow().kind());
        assertFalse(subjects.find("JDK_TREE_MAP").orElseThrow().hashTable());
    }

    @Test
    void theRunFolderHasEverythingItPromises() throws java.io.IOException {
        for (String file : List.of("run.json", "plan.json", "subjects.json", "environment.json", "console.log", "summary.md")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
        assertTrue(output.contains("[22/22]"), output);
        // The console ends with the key findings and the report's path; the full table is in summary.md only.
        assertTrue(output.contains("Key findings:") && output.contains("mapleak: report → "), output);
        assertFalse(output.contains("| JDK_HASH_MAP | 128 | KEEP |"), output);
        assertTrue(Files.readString(run.resolve("summary.md")).contains("| JDK_HASH_MAP | 128 | KEEP |"));
    }
}
