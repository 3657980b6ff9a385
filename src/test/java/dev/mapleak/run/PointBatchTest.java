package dev.mapleak.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Which groups share a point JVM: a memory group's point is every parameter but the delete fraction and strategy. */
class PointBatchTest {

    private static Combination memory(String subject, String keys, String deleteFraction, String strategy) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("subject", subject);
        p.put("valueSize", "128");
        p.put("strategy", strategy);
        p.put("deleteFraction", deleteFraction);
        p.put("keys", keys);
        p.put("entries", "1000000");
        return new Combination("LifecycleBenchmark.memory", "dev.mapleak.bench.LifecycleBenchmark.memory", p,
                Combination.DEFAULT_JVM);
    }

    private static Combination timing(String subject) {
        return new Combination("RemedyCostBenchmark.reclaim", "dev.mapleak.bench.RemedyCostBenchmark.reclaim",
                Map.of("subject", subject, "strategy", "REBUILD"), Combination.DEFAULT_JVM);
    }

    @Test
    void aPointIsEveryParameterButDeleteFractionAndStrategy() {
        String point = PointBatch.key(memory("JDK_HASH_MAP", "SEQUENTIAL", "0.5", "KEEP"));
        assertEquals("LifecycleBenchmark.memory,subject=JDK_HASH_MAP,valueSize=128,keys=SEQUENTIAL,entries=1000000", point);
        assertEquals(point, PointBatch.key(memory("JDK_HASH_MAP", "SEQUENTIAL", "1.0", "REBUILD")));
        assertNotEquals(point, PointBatch.key(memory("JDK_HASH_MAP", "RANDOM", "0.5", "KEEP")));
        assertNotEquals(point, PointBatch.key(memory("FASTUTIL", "SEQUENTIAL", "0.5", "KEEP")));
        // any other group is a batch of its own
        assertEquals(timing("FASTUTIL").id(), PointBatch.key(timing("FASTUTIL")));
    }

    @Test
    void thePoolBatchesAPointsMemoryGroupsInPlanOrderAndLeavesTheRestAlone() {
        List<Combination> plan = List.of(
                memory("A", "SEQUENTIAL", "0.5", "KEEP"), memory("B", "SEQUENTIAL", "0.5", "KEEP"),
                memory("A", "SEQUENTIAL", "0.5", "REBUILD"), timing("A"), memory("A", "SEQUENTIAL", "1.0", "KEEP"));
        List<List<Combination>> batches = new GroupPool(2, null, () -> false, PointBatch::key).batches(plan);
        assertEquals(List.of(List.of(plan.get(0), plan.get(2), plan.get(4)), List.of(plan.get(1))), batches);
        // with every group its own key (JMH options on the command line), every memory group is a batch of one
        assertEquals(4, new GroupPool(2, null, () -> false).batches(plan).size());
    }

    @Test
    void aShardTakesAPointWhole() {
        List<Combination> plan = new ArrayList<>();
        for (String subject : List.of("A", "B", "C", "D")) {
            for (String df : List.of("0.5", "1.0")) {
                for (String strategy : List.of("KEEP", "REBUILD")) {
                    plan.add(memory(subject, "SEQUENTIAL", df, strategy));
                }
            }
        }
        List<List<Combination>> parts = Shard.split(plan, c -> Duration.ofSeconds(1), 3);
        for (List<Combination> part : parts) {
            for (Combination c : part) {
                long sameAnywhereElse = parts.stream().filter(p -> p != part)
                        .flatMap(List::stream).filter(o -> PointBatch.key(o).equals(PointBatch.key(c))).count();
                assertEquals(0, sameAnywhereElse, c.label());
            }
        }
        // 4 points of 4 s over 3 parts: 8, 4 and 4 s
        assertEquals(List.of(8, 4, 4), parts.stream().map(List::size).toList());
    }
}
