package dev.mapleak.it;

import dev.mapleak.folder.PlanFile;
import dev.mapleak.folder.RunFolder;
import dev.mapleak.report.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small profile run as 4 shards in 4 separate processes at once (as 4 machines would), merged, equals the
 * unsharded run group for group and renders the same tables; merging what does not belong together is refused.
 */
class ShardMergeIT {

    /** smoke narrowed to four maps: a memory group for KEEP and one for REBUILD each, 8 groups. */
    static final String[] NARROW = {"--", "-p", "subject=JDK_HASH_MAP,FASTUTIL,HPPC,AGRONA"};

    @TempDir
    static Path tmp;
    static Path whole;
    static List<Path> shards = new ArrayList<>();
    static RunBench.Finished merge;
    static Path merged;

    static String[] args(String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(NARROW));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void runShardsAndMerge() throws Exception {
        List<RunBench> running = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            Path out = Files.createDirectories(tmp.resolve("shard" + k));
            running.add(RunBench.start(tmp, args("smoke", "--shard", k + "/4", "--out", out.toString())));
        }
        for (int k = 1; k <= 4; k++) {
            RunBench.Finished f = running.get(k - 1).waitFor(10);
            assertEquals(0, f.status(), f.output());
            assertTrue(f.output().contains("shard " + k + "/4") || f.output().contains("groups to run"), f.output());
            shards.add(RunBench.onlyRunFolder(tmp.resolve("shard" + k)));
        }
        Path wholeOut = Files.createDirectories(tmp.resolve("whole"));
        RunBench.Finished w = RunBench.run(tmp, args("smoke", "--out", wholeOut.toString()));
        assertEquals(0, w.status(), w.output());
        whole = RunBench.onlyRunFolder(wholeOut);

        Path mergedOut = Files.createDirectories(tmp.resolve("merged"));
        List<String> m = new ArrayList<>(List.of("merge"));
        shards.forEach(s -> m.add(s.toString()));
        m.addAll(List.of("--out", mergedOut.toString()));
        merge = RunBench.run(tmp, m.toArray(String[]::new));
        merged = RunBench.onlyRunFolder(mergedOut);
    }

    @Test
    void theShardsSplitThePlanAndTheMergeEqualsTheWholeRunGroupForGroup() throws IOException {
        assertEquals(0, merge.status(), merge.output());
        List<String> wholePlan = RunFolder.open(whole).readPlan().orElseThrow().groups();
        assertEquals(8, wholePlan.size());
        List<String> union = new ArrayList<>();
        for (Path s : shards) {
            PlanFile part = RunFolder.open(s).readPlan().orElseThrow();
            assertEquals(wholePlan, part.fullPlan());
            assertTrue(part.groups().size() >= 1 && part.groups().size() <= 3, part.groups().toString());
            union.addAll(part.groups());
        }
        assertEquals(wholePlan.stream().sorted().toList(), union.stream().sorted().toList());
        assertEquals(wholePlan, RunFolder.open(merged).readPlan().orElseThrow().groups());
        assertEquals(8, RunBench.count(merged.resolve("results"), ".json"));
        assertEquals(0, RunBench.count(merged.resolve("failures"), ".json"));
        // Exact figures are the same whichever machine measured them: JOL's size of every group's map.
        assertEquals(jolByGroup(whole), jolByGroup(merged));
        assertTrue(Files.readString(merged.resolve("environment.json")).contains("\"mergedFrom\""));
    }

    @Test
    void theMergedReportHasTheSameTables() throws IOException {
        List<String> rows = tableRows(whole.resolve("summary.md"));
        // summary.md's one table since the report merge (713603d): its header and a row per subject and strategy,
        // 4 subjects x KEEP, REBUILD (the check used to be "> 16", from when summary.md had more tables)
        assertEquals(1 + 4 * 2, rows.size(), rows.toString());
        assertEquals(rows, tableRows(merged.resolve("summary.md")));
        assertTrue(Files.isRegularFile(merged.resolve("report.html")));
    }

    @Test
    void aMissingShardIsNamedAndResumable() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("partial"));
        RunBench.Finished f = RunBench.run(tmp, "merge", shards.get(0).toString(), shards.get(2).toString(),
                "--out", out.toString());
        assertEquals(1, f.status(), f.output());
        assertTrue(f.output().contains("missing LifecycleBenchmark"), f.output());
        assertTrue(f.output().contains("shards given: [1, 3] of 4"), f.output());
        Path partial = RunBench.onlyRunFolder(out);
        long present = RunBench.count(partial.resolve("results"), ".json");
        assertEquals(8, present + RunBench.count(partial.resolve("failures"), ".json"));
    }

    @Test
    void foldersThatDoNotBelongTogetherAreRefusedWithOneLine() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("refused"));
        RunBench.Finished twice = RunBench.run(tmp, "merge", shards.get(1).toString(), shards.get(1).toString(),
                "--out", out.toString());
        assertEquals(2, twice.status(), twice.output());
        assertTrue(twice.output().strip().startsWith("mapleak: shard 2/4 given twice"), twice.output());
        RunBench.Finished notShard = RunBench.run(tmp, "merge", shards.get(0).toString(), whole.toString(),
                "--out", out.toString());
        assertEquals(2, notShard.status(), notShard.output());
        assertTrue(notShard.output().contains("is not a shard folder"), notShard.output());
        RunBench.Finished none = RunBench.run(tmp, "merge", "--out", out.toString());
        assertEquals(2, none.status(), none.output());
        assertEquals(0, RunBench.count(out, ""), "nothing written for refused merges");
    }

    private static Map<String, Double> jolByGroup(Path run) {
        ResultSet set = ResultSet.load(run.resolve("results"));
        assertEquals(List.of(), set.problems());
        return set.measurements().stream().collect(Collectors.toMap(
                m -> m.benchmark() + m.params(), m -> m.score("retained.jol.bytes"), (a, b) -> a, TreeMap::new));
    }

    /** The first two cells of every table row (map, value size / strategy): what the tables are about. */
    private static List<String> tableRows(Path md) throws IOException {
        return Files.readAllLines(md).stream().filter(l -> l.startsWith("| ") && !l.startsWith("| ---"))
                .map(l -> String.join("|", List.of(l.split("\\|")).subList(0, Math.min(4, l.split("\\|").length))))
                .toList();
    }
}
