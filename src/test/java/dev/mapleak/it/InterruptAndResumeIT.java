package dev.mapleak.it;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed with {@code kill -9} midway loses at most the group in flight; {@code --resume} runs only
 * what is missing, and the run then holds exactly the groups a complete run would.
 */
class InterruptAndResumeIT {

    /**
     * smoke narrowed to 6 maps, at 200,000 entries instead of 10,000: a map point's groups share one JVM, and at 10,000
     * the 12 groups end within about 4 s, before a kill or a second command can find the run still measuring.
     */
    static final String[] SMALL_SMOKE = {"--", "-p", "subject=JDK_HASH_MAP,FASTUTIL,FLAT_INLINE,HPPC,AGRONA,ECLIPSE",
            "-p", "entries=200000"};

    @TempDir
    Path reports;

    @Test
    void killedRunResumesToTheCompleteSet() throws Exception {
        killResumeAndCheck("1");
    }

    /**
     * The same with two groups measured at once: the kill loses the (up to two) groups in flight, the resume runs with
     * the jobs run.json recorded and measures only what is missing.
     */
    @Test
    void killedParallelRunResumesToTheCompleteSet() throws Exception {
        killResumeAndCheck("2");
    }

    private void killResumeAndCheck(String jobs) throws Exception {
        RunBench first = RunBench.start(reports, concat(new String[] {"smoke", "--jobs", jobs, "--out", reports.toString()}, SMALL_SMOKE));
        Path run = waitForResults(first, 3);
        first.process.destroyForcibly(); // SIGKILL to the runner: no shutdown hook, no clean-up
        first.process.waitFor();
        long kept = RunBench.count(run.resolve("results"), ".json");
        assertTrue(kept >= 3 && kept < 12, "results after the kill: " + kept + "\n" + first.output());

        assertTrue(Files.readString(run.resolve("run.json")).contains("\"jobs\": " + jobs));
        // every group with a result has its time, and no group without one does (times.json is written after the result)
        Set<String> timed = new TreeSet<>();
        if (Files.isRegularFile(run.resolve("times.json"))) {
            JsonParser.parseString(Files.readString(run.resolve("times.json"))).getAsJsonObject()
                    .getAsJsonArray("groups").forEach(g -> timed.add(g.getAsJsonObject().get("id").getAsString()));
        }
        assertTrue(resultIds(run).containsAll(timed), timed + " vs " + resultIds(run));
        assertTrue(resultIds(run).size() - timed.size() <= Integer.parseInt(jobs), "a kill between a result and its time");

        RunBench.Finished resumed = RunBench.run(reports, "--resume", run.toString());
        assertEquals(0, resumed.status(), resumed.output());
        assertTrue(resumed.output().contains("(" + kept + " already done)"), resumed.output());
        assertTrue(resumed.output().contains("mapleak: jobs " + jobs + " (run.json)"), resumed.output());

        Set<String> planned = new TreeSet<>();
        JsonParser.parseString(Files.readString(run.resolve("plan.json"))).getAsJsonObject()
                .getAsJsonArray("groups").forEach(g -> planned.add(g.getAsString()));
        assertEquals(12, planned.size(), "6 subjects x (memory KEEP, memory REBUILD)");
        assertEquals(planned, resultIds(run));

        RunBench.Finished dryRun = RunBench.run(reports, concat(new String[] {"smoke", "--dry-run", "--verbose"}, SMALL_SMOKE));
        assertTrue(dryRun.output().contains("would run 12 groups:"), dryRun.output());
        for (String id : planned) {
            assertTrue(dryRun.output().contains("  " + id.replace(',', ' ') + "  ("), id);
        }
        assertTrue(Files.isRegularFile(run.resolve("summary.md")));
    }

    private static Path waitForResults(RunBench r, int atLeast) throws Exception {
        long deadline = System.nanoTime() + 5L * 60 * 1_000_000_000;
        while (System.nanoTime() < deadline) {
            if (!r.process.isAlive()) {
                throw new AssertionError("the run ended before it could be interrupted:\n" + r.output());
            }
            try (Stream<Path> s = Files.list(r.log.getParent())) {
                for (Path dir : s.filter(Files::isDirectory).toList()) {
                    if (RunBench.count(dir.resolve("results"), ".json") >= atLeast) {
                        return dir;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + atLeast + " results within 5 minutes:\n" + r.output());
    }

    private static Set<String> resultIds(Path run) throws Exception {
        try (Stream<Path> s = Files.list(run.resolve("results"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json") && !f.startsWith("."))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
