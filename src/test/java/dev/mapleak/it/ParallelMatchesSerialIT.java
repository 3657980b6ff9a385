package dev.mapleak.it;

import com.google.gson.JsonParser;
import dev.mapleak.measure.HeapProbe;
import dev.mapleak.report.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory groups measured two at a time give the figures they give one at a time: each group has its own fork and
 * heap, and nothing a fork beside it does reaches JOL's walk of the map or the heap left after a settled full GC.
 * JOL's sizes must be equal to the byte; heap-after-GC readings within {@link HeapProbe#SETTLED_BYTES}, the window
 * inside which the probe itself counts two readings of one heap as the same.
 */
class ParallelMatchesSerialIT {

    /** smoke narrowed to four maps: a memory group each for KEEP and REBUILD, 8 groups of four states each. */
    static final String[] NARROW = {"--", "-p", "subject=JDK_HASH_MAP,FASTUTIL,HPPC,AGRONA"};
    /** Every state a memory group records: START, FILLED and DELETED under their prefixes, RECLAIMED bare. */
    static final List<String> STATES = List.of("start.", "filled.", "deleted.", "");

    @TempDir
    Path tmp;

    @Test
    void twoJobsGiveTheSameJolAndHeapAfterGcFiguresAsOne() throws Exception {
        Path serial = run("1");
        Path parallel = run("2");
        assertEquals(1, jobsIn(serial));
        assertEquals(2, jobsIn(parallel));

        StringBuilder table = new StringBuilder();
        for (String state : STATES) {
            Map<String, Double> jolSerial = scores(serial, state + "retained.jol.bytes");
            Map<String, Double> heapSerial = scores(serial, state + "retained.heap.bytes");
            Map<String, Double> heapParallel = scores(parallel, state + "retained.heap.bytes");
            assertEquals(8, jolSerial.size(), jolSerial.keySet().toString());
            assertTrue(jolSerial.values().stream().noneMatch(v -> v.isNaN()), state + ": every group has JOL's figure");
            assertEquals(jolSerial, scores(parallel, state + "retained.jol.bytes"), state);
            assertEquals(heapSerial.keySet(), heapParallel.keySet());
            for (String group : heapSerial.keySet()) {
                double a = heapSerial.get(group);
                double b = heapParallel.get(group);
                table.append(String.format("%-9s %-90s jol %,12.0f  heap %,12.0f vs %,12.0f (%+,.0f)%n",
                        state.isEmpty() ? "reclaimed" : state, group, jolSerial.get(group), a, b, b - a));
                assertTrue(Math.abs(a - b) <= HeapProbe.SETTLED_BYTES,
                        state + group + ": heap after GC " + a + " (jobs 1) vs " + b + " (jobs 2)");
            }
        }
        System.out.print(table); // the comparison, for the record (target/failsafe-reports)
    }

    private Path run(String jobs) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("jobs" + jobs));
        String[] args = new String[NARROW.length + 5];
        System.arraycopy(new String[] {"smoke", "--jobs", jobs, "--out", out.toString()}, 0, args, 0, 5);
        System.arraycopy(NARROW, 0, args, 5, NARROW.length);
        RunBench.Finished f = RunBench.run(tmp, args);
        assertEquals(0, f.status(), f.output());
        assertTrue(f.output().contains("mapleak: jobs " + jobs + " (--jobs)"), f.output());
        return RunBench.onlyRunFolder(out);
    }

    private static int jobsIn(Path run) throws Exception {
        return JsonParser.parseString(Files.readString(run.resolve("run.json"))).getAsJsonObject().get("jobs").getAsInt();
    }

    private static Map<String, Double> scores(Path run, String metric) {
        ResultSet set = ResultSet.load(run.resolve("results"));
        assertEquals(List.of(), set.problems());
        return set.measurements().stream().collect(Collectors.toMap(
                m -> m.benchmark() + " " + m.params(), m -> m.score(metric), (a, b) -> a, TreeMap::new));
    }
}
