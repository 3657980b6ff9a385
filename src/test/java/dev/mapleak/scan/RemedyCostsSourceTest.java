package dev.mapleak.scan;

import com.google.gson.JsonParser;
import dev.mapleak.scan.RemedyCosts.Cost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code scan --costs} takes a remedy's time from the run's timing pass where it has one (fixture {@code remedies}:
 * {@code RemedyCostBenchmark.reclaim} beside the memory pass's {@code LifecycleBenchmark.reclaim} shots), and from
 * the one-shot reclaim groups only in a run without it (fixture {@code smoke}).
 */
class RemedyCostsSourceTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void theTimingPassWinsWhereTheRunHasOne() throws IOException {
        Path run = FIXTURES.resolve("remedies");
        RemedyCosts costs = RemedyCosts.load(run);
        long timed = count(run, "RemedyCostBenchmark.reclaim,");
        assertEquals(true, timed > 0 && count(run, "LifecycleBenchmark.reclaim,") > 0); // both kinds are there
        assertEquals(timed, costs.count());
        // HashMap's remedy is JDK_HASH_MAP's REBUILD, which the fixture timed at 1M entries: its score is the file's
        MapKind hashMap = MapKinds.ALL.stream().filter(k -> k.name().equals("HashMap")).findFirst().orElseThrow();
        Cost c = costs.nearest(hashMap, 1 << 21).orElseThrow();
        assertEquals("JDK_HASH_MAP", c.subject());
        assertEquals("REBUILD", c.strategy());
        Path file = run.resolve("results/RemedyCostBenchmark.reclaim,subject=" + c.subject() + ",valueSize=" + c.valueSize()
                + ",strategy=" + c.strategy() + ",deleteFraction=" + c.deleteFraction() + ",keys=SEQUENTIAL,entries=" + c.entries() + ".json");
        assertEquals(score(file), c.score());
    }

    @Test
    void aRunWithoutATimingPassGivesItsReclaimShots() throws IOException {
        Path run = FIXTURES.resolve("smoke");
        // smoke: REBUILD for 11 subjects, no TRIM (profiles/smoke.properties when the fixture was made)
        assertEquals(11, count(run, "LifecycleBenchmark.reclaim,"));
        assertEquals(11, RemedyCosts.load(run).count());
    }

    /** REBUILD and TRIM results of {@code prefix} in the run. */
    private static long count(Path run, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("results"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && (n.contains("strategy=REBUILD") || n.contains("strategy=TRIM")))
                    .count();
        }
    }

    private static double score(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("primaryMetric").get("score").getAsDouble();
    }
}
