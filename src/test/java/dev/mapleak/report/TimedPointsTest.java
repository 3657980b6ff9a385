package dev.mapleak.report;

import dev.mapleak.report.ResultSet.Measurement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which points were timed, against the memory pass's, computed from the results alone. */
class TimedPointsTest {

    static Measurement m(String benchmark, Map<String, String> params) {
        return new Measurement(benchmark, params, "default", "17", "vm", List.of(), null, Map.of(), benchmark + ".json");
    }

    static List<Measurement> memoryPass() {
        List<Measurement> all = new ArrayList<>();
        for (String size : List.of("64", "128", "256")) {
            for (String keys : List.of("SEQUENTIAL", "RANDOM")) {
                all.add(m("LifecycleBenchmark.memory", Map.of("valueSize", size, "keys", keys, "deleteFraction", "0.9")));
            }
        }
        return all;
    }

    @Test
    void timedBenchmarksAtTheSameNarrowerPointsShareOneSentence() {
        List<Measurement> all = memoryPass();
        for (String op : List.of("OperationsBenchmark.getHit", "OperationsBenchmark.iterate")) {
            all.add(m(op, Map.of("valueSize", "128", "keys", "SEQUENTIAL", "deleteFraction", "0.99", "history", "FRESH")));
            all.add(m(op, Map.of("valueSize", "128", "keys", "RANDOM", "deleteFraction", "0.99", "history", "FRESH")));
        }
        all.add(m("ChurnBenchmark.rollOver", Map.of("valueSize", "64")));
        all.add(m("ChurnBenchmark.rollOver", Map.of("valueSize", "256")));
        all.add(m("ChurnBenchmark.rollOver", Map.of("valueSize", "128")));
        assertEquals(List.of("`OperationsBenchmark.getHit` and `OperationsBenchmark.iterate` were timed at value size 128"
                + " (memory pass: 64, 128, 256) and deleteFraction 0.99 (memory pass: 0.9); the memory pass's other points"
                + " were not timed."), TimedPoints.sentences(all, b -> b.startsWith("Operations")));
        // every value size the memory pass has, and no other shared axis: nothing to say
        assertEquals(List.of(), TimedPoints.sentences(all, b -> b.startsWith("Churn")));
    }

    @Test
    void keyOrdersAreComparedAndARunWithoutAMemoryPassSaysNothing() {
        List<Measurement> all = memoryPass();
        all.add(m("RemedyCostBenchmark.fill", Map.of("valueSize", "64", "keys", "SEQUENTIAL")));
        all.add(m("RemedyCostBenchmark.fill", Map.of("valueSize", "128", "keys", "SEQUENTIAL")));
        all.add(m("RemedyCostBenchmark.fill", Map.of("valueSize", "256", "keys", "SEQUENTIAL")));
        assertEquals(List.of("`RemedyCostBenchmark.fill` was timed at keys SEQUENTIAL (memory pass: RANDOM,"
                + " SEQUENTIAL); the memory pass's other points were not timed."),
                TimedPoints.sentences(all, b -> b.startsWith("RemedyCost")));
        List<Measurement> timedOnly = all.stream().filter(x -> !x.benchmark().startsWith("Lifecycle")).toList();
        assertEquals(List.of(), TimedPoints.sentences(timedOnly, b -> b.startsWith("RemedyCost")));
    }
}
