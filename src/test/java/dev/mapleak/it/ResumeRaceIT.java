package dev.mapleak.it;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, defect 3: no group is ever measured by two processes. A {@code --resume} of a folder a live run is
 * writing is refused (it used to wait for the machine lock and then measure again everything the other run had
 * finished); of two concurrent resumes of one folder, one measures what is missing and the other is refused.
 * Real processes, as a user starts them.
 */
class ResumeRaceIT {

    /**
     * smoke narrowed to 6 maps, at 200,000 entries instead of 10,000: a map point's groups share one JVM, and at 10,000
     * the 12 groups end within about 4 s, before a kill or a second command can find the run still measuring.
     */
    static final String[] SMALL_SMOKE = {"--", "-p", "subject=JDK_HASH_MAP,FASTUTIL,FLAT_INLINE,HPPC,AGRONA,ECLIPSE",
            "-p", "entries=200000"};
    /** 6 subjects x (memory KEEP, memory REBUILD). */
    static final int GROUPS = 12;

    @TempDir
    Path reports;

    @Test
    void resumeOfAFolderALiveRunIsWritingIsRefused() throws Exception {
        RunBench first = RunBench.start(reports, concat(new String[] {"smoke", "--out", reports.toString()}, SMALL_SMOKE));
        Path run = Runs.waitForResults(first, 1);

        RunBench.Finished resume = RunBench.run(reports, "--resume", run.toString());
        assertTrue(first.process.isAlive(), "the first run was still measuring when the resume was refused");
        assertEquals(2, resume.status(), resume.output());
        assertEquals(1, resume.output().lines().count(), resume.output());
        assertTrue(resume.output().startsWith("mapleak: " + run + " is being measured by a live run (pid "
                + first.process.pid() + ", since "), resume.output());
        assertTrue(resume.output().strip().endsWith("; a folder is measured by one process at a time: --resume it once "
                + "that run has ended"), resume.output());

        RunBench.Finished done = first.waitFor(10);
        assertEquals(0, done.status(), done.output());
        assertEquals(GROUPS, okLines(done.output()), "each group measured once, by the first run:\n" + done.output());
        assertEquals(Runs.planned(run), Runs.resultIds(run));
    }

    @Test
    void twoConcurrentResumesMeasureEachGroupOnce() throws Exception {
        RunBench first = RunBench.start(reports, concat(new String[] {"smoke", "--out", reports.toString()}, SMALL_SMOKE));
        Path run = Runs.waitForResults(first, 2);
        first.process.destroyForcibly(); // kill -9: no clean-up
        first.process.waitFor();
        long kept = RunBench.count(run.resolve("results"), ".json");
        // What a kill -9 in mid-write leaves: resume removes it under the folder's lock.
        Files.writeString(run.resolve("results/.LifecycleBenchmark.fill,subject=FASTUTIL,valueSize=128,keys=SEQUENTIAL,entries=10000.json.partial"), "");
        Files.writeString(run.resolve(".environment.json.tmp"), "");
        int leftBehind = Runs.leftovers(run).size(); // these two, and the killed group's own .partial if JMH made it
        assertTrue(leftBehind >= 2, "leftovers: " + Runs.leftovers(run));

        RunBench a = RunBench.start(reports, "--resume", run.toString());
        RunBench b = RunBench.start(reports, "--resume", run.toString());
        List<RunBench.Finished> both = List.of(a.waitFor(10), b.waitFor(10));
        List<Integer> statuses = both.stream().map(RunBench.Finished::status).sorted().toList();
        assertEquals(List.of(0, 2), statuses, both.toString());
        RunBench.Finished measured = both.stream().filter(f -> f.status() == 0).findFirst().orElseThrow();
        RunBench.Finished refused = both.stream().filter(f -> f.status() == 2).findFirst().orElseThrow();
        assertEquals(1, refused.output().lines().count(), refused.output());
        assertTrue(refused.output().startsWith("mapleak: " + run + " is being measured by a live run"), refused.output());
        assertTrue(measured.output().contains("(" + kept + " already done)"), measured.output());
        assertEquals(GROUPS - kept, okLines(measured.output()), measured.output());
        assertTrue(measured.output().contains("mapleak: removed " + leftBehind + " temporary file(s) an interrupted run left in " + run),
                measured.output());
        assertEquals(Runs.planned(run), Runs.resultIds(run));
        assertEquals(List.of(), Runs.leftovers(run));
    }

    /** Progress lines of groups measured: "[k/n] LABEL: ok in 1.4 s | ...". */
    static long okLines(String output) {
        return output.lines().filter(l -> l.startsWith("[") && l.contains(": ok in ")).count();
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** Reading run folders while and after a run writes them. */
    static final class Runs {

        private Runs() {
        }

        /** The run folder of {@code r}, once it holds {@code atLeast} results; fails if the run ends first. */
        static Path waitForResults(RunBench r, int atLeast) throws Exception {
            long deadline = System.nanoTime() + 5L * 60 * 1_000_000_000;
            while (System.nanoTime() < deadline) {
                if (!r.process.isAlive()) {
                    throw new AssertionError("the run ended too early:\n" + r.output());
                }
                try (Stream<Path> s = Files.list(r.log.getParent())) {
                    for (Path dir : s.filter(Files::isDirectory).toList()) {
                        if (RunBench.count(dir.resolve("results"), ".json") >= atLeast) {
                            return dir;
                        }
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no " + atLeast + " results within 5 minutes:\n" + r.output());
        }

        static Set<String> planned(Path run) throws Exception {
            Set<String> planned = new TreeSet<>();
            JsonParser.parseString(Files.readString(run.resolve("plan.json"))).getAsJsonObject()
                    .getAsJsonArray("groups").forEach(g -> planned.add(g.getAsString()));
            return planned;
        }

        static Set<String> resultIds(Path run) throws Exception {
            try (Stream<Path> s = Files.list(run.resolve("results"))) {
                return s.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".json") && !f.startsWith("."))
                        .map(f -> f.substring(0, f.length() - ".json".length()))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }

        /** Hidden temporary files anywhere in the folder. */
        static List<Path> leftovers(Path run) throws Exception {
            try (Stream<Path> s = Files.walk(run)) {
                List<Path> found = new ArrayList<>();
                s.filter(p -> p.getFileName().toString().startsWith(".")
                        && (p.getFileName().toString().endsWith(".partial") || p.getFileName().toString().endsWith(".tmp")))
                        .forEach(found::add);
                return found;
            }
        }
    }
}
