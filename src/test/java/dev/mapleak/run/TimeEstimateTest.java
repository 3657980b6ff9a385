package dev.mapleak.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The estimate's formulas, worked by hand from TimeEstimate's constants. */
class TimeEstimateTest {

    static Profile.Settings settings(int warmups, int iterations) {
        return new Profile.Settings(1, warmups, iterations, "1g", List.of(), 10, List.of("default"), Map.of(),
                dev.mapleak.gorun.GoMode.OFF);
    }

    static Combination combination(String benchmark, Map<String, String> params) {
        return new Combination(benchmark, "dev.mapleak.bench." + benchmark, params, Combination.DEFAULT_JVM);
    }

    @Test
    void averageTimeCountsTheIterationsOwnDuration() {
        // 1.5 s fork + 1M keys filled and deleted (1M * 250 ns * 2 = 0.5 s) + (1 + 3) one-second iterations.
        Combination c = combination("OperationsBenchmark.getHit",
                Map.of("history", "AFTER_DELETE", "deleteFraction", "0.99", "entries", "10000"));
        assertEquals(Duration.ofMillis(6_000), TimeEstimate.of(c, settings(1, 3)));
        // FRESH builds only the live entries, once: 1.5 + 100k * 250 ns + 4.
        Combination fresh = combination("OperationsBenchmark.getHit",
                Map.of("history", "FRESH", "deleteFraction", "0.99", "entries", "100000"));
        assertEquals(Duration.ofMillis(5_525), TimeEstimate.of(fresh, settings(1, 3)));
    }

    @Test
    void churnRebuildsAndRollsBeforeEveryIterationAndMeasuresAfterEachMeasuredOne() {
        // Per iteration: 1M * (250 + 4 * 300) ns of setup + one shot of 1,000,000 (ChurnBenchmark's
        // @OperationsPerInvocation) * 300 ns = 1.75 s; 4 iterations; after each of the 3 measured ones,
        // (1 + 4 depths) walks of 1M * 900 ns and one more round of 1M * 300 ns = 4.8 s.
        Combination c = combination("ChurnBenchmark.rollOver", Map.of("entries", "1000000", "rounds", "4", "depths", "4"));
        assertEquals(Duration.ofMillis(1_500 + 4 * 1_750 + 3 * 4_800), TimeEstimate.of(c, settings(1, 3)));
    }

    @Test
    void singleShotLifecycleKeepsItsFormula() {
        // 1.5 s fork + 2 iterations * 1M * 250 ns * 3 phases + 1 measurement of 1M * 900 ns.
        Combination c = combination("LifecycleBenchmark.reclaim", Map.of("entries", "1000000"));
        assertEquals(Duration.ofMillis(1_500 + 1_500 + 900), TimeEstimate.of(c, settings(1, 1)));
    }
}
