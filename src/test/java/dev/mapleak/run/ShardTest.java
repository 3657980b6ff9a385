package dev.mapleak.run;

import dev.mapleak.folder.UsageException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --shard K/N}: N disjoint parts that cover the plan, the same on every machine, balanced by estimate. */
class ShardTest {

    private static Combination group(int i) {
        return new Combination("LifecycleBenchmark.fill", "dev.mapleak.bench.LifecycleBenchmark.fill",
                Map.of("subject", "S" + i), Combination.DEFAULT_JVM);
    }

    /** Group i takes i seconds: 1 + 2 + ... + 20 = 210 s in all. */
    private static final Function<Combination, Duration> ESTIMATE =
            c -> Duration.ofSeconds(Integer.parseInt(c.param("subject").substring(1)));

    private static List<Combination> plan() {
        List<Combination> groups = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            groups.add(group(i));
        }
        return groups;
    }

    @Test
    void theShardsCoverThePlanExactlyOnceInPlanOrder() {
        List<Combination> plan = plan();
        Set<Combination> seen = new HashSet<>();
        int total = 0;
        for (int k = 1; k <= 4; k++) {
            List<Combination> part = new Shard(k, 4).select(plan, ESTIMATE);
            for (Combination c : part) {
                assertTrue(seen.add(c), c + " is in two shards");
            }
            // plan order kept within a shard
            assertEquals(plan.stream().filter(part::contains).toList(), part);
            total += part.size();
        }
        assertEquals(plan.size(), total);
    }

    @Test
    void longestFirstBalancesTheParts() {
        // 210 s over 4 parts, 52.5 s each at best. Longest first, each to the least-loaded part (ties to the first):
        // 20..17 open the parts, 16..13 bring each to 33 s, 12..9 to 45/44/43/42, 8..5 to 50 each, and 4..1 end
        // them at 54, 53, 52 and 51 s, within 1.5 s of the ideal.
        List<Long> loads = Shard.split(plan(), ESTIMATE, 4).stream()
                .map(p -> p.stream().mapToLong(c -> ESTIMATE.apply(c).toSeconds()).sum()).toList();
        assertEquals(210, loads.stream().mapToLong(Long::longValue).sum());
        assertEquals(List.of(54L, 53L, 52L, 51L), loads);
    }

    @Test
    void everyMachineComputesTheSameAssignment() {
        List<Combination> shuffled = new ArrayList<>(plan());
        java.util.Collections.reverse(shuffled);
        // a different input order changes nothing but the order inside the part
        assertEquals(Set.copyOf(new Shard(3, 5).select(plan(), ESTIMATE)), Set.copyOf(new Shard(3, 5).select(shuffled, ESTIMATE)));
    }

    @Test
    void badSpecsAreBadInput() {
        assertEquals(new Shard(3, 16), Shard.parse("3/16"));
        for (String bad : List.of("0/4", "5/4", "3", "a/b", "1/0", "-1/4", "2/4/8", "")) {
            assertThrows(UsageException.class, () -> Shard.parse(bad), bad);
        }
        assertTrue(assertThrows(UsageException.class, () -> Shard.parse("x".repeat(1000))).getMessage().length() < 200);
    }
}
