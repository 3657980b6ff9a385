package dev.mapleak.report;

import dev.mapleak.report.KeyOrders.Point;
import dev.mapleak.report.KeyOrders.Timed;
import dev.mapleak.report.RemedyCosts.Cost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SEQUENTIAL against RANDOM keys, from the {@code full-keys} fixture (a real, interrupted {@code full} run narrowed to
 * JDK_HASH_MAP and ECLIPSE at 128 bytes, both key orders; see {@link Fixtures}), and nothing of it in a run with one
 * key order.
 */
class KeyOrderSectionTest {

    @TempDir
    Path tmp;

    private Path copy(String fixture) {
        return Fixtures.copy(fixture, tmp.resolve(fixture));
    }

    private static RunData load(Path run) {
        return RunData.load(run, ReportCommand.notApplicable(run), List.of());
    }

    private static String render(Path run) throws IOException {
        List<String> printed = new ArrayList<>();
        assertTrue(ReportCommand.renderFolder(run, printed::add), String.join("\n", printed));
        return Files.readString(run.resolve("report.md"));
    }

    private static Point point(KeyOrders k, String subject, String fraction) {
        return k.points().stream().filter(p -> p.subject().equals(subject) && p.deleteFraction().equals(fraction))
                .findFirst().orElseThrow();
    }

    /**
     * The memory results' JOL bytes (filled./deleted.retained.jol.bytes and, after KEEP, retained.jol.bytes):
     * JDK_HASH_MAP filled 200,388,672 in both orders, deleted at 1.0 8,388,672 in both (its 2^21-slot table of 4-byte
     * references, 8,388,624 B, plus the 48 B empty map); ECLIPSE filled 160,777,312 in both, deleted at 0.5
     * 88,777,288 SEQUENTIAL and 88,777,312 RANDOM, at 0.9 31,177,288 and 31,177,312 (24 B more with RANDOM keys),
     * at 0.99 and 1.0 the same in both (18,217,288 and 16,777,288). KEEP changes nothing: after KEEP = DELETED.
     */
    @Test
    void retainedBytesAreComparedPerMapAndDeleteFractionToTheByte() {
        KeyOrders k = KeyOrders.of(load(copy("full-keys"))).orElseThrow();
        assertEquals(128, k.valueSize());
        assertEquals(List.of("0.5", "0.9", "0.99", "1.0"), k.fractions());
        assertEquals(List.of("JDK_HASH_MAP", "ECLIPSE"), k.subjects());
        assertEquals(8, k.points().size());
        Point hashMapAll = point(k, "JDK_HASH_MAP", "1.0");
        assertArrayEquals(new double[]{200_388_672, 8_388_672, 8_388_672}, hashMapAll.sequential());
        assertArrayEquals(new double[]{200_388_672, 8_388_672, 8_388_672}, hashMapAll.random());
        Point eclipseHalf = point(k, "ECLIPSE", "0.5");
        assertArrayEquals(new double[]{160_777_312, 88_777_288, 88_777_288}, eclipseHalf.sequential());
        assertArrayEquals(new double[]{160_777_312, 88_777_312, 88_777_312}, eclipseHalf.random());
        assertFalse(eclipseHalf.equalToTheByte());
        assertTrue(point(k, "ECLIPSE", "0.99").equalToTheByte());
        assertEquals(List.of("JDK_HASH_MAP"), k.equalEverywhere());
        assertEquals(List.of("ECLIPSE 24 B more with RANDOM keys at DELETED and after KEEP, deleteFraction 0.5 and 0.9"),
                k.differences(k.subjects()));
    }

    /**
     * RemedyCostBenchmark.fill and .delete, 10 shots each (2 forks × 5): JDK_HASH_MAP's fill median 56.384785 ms
     * SEQUENTIAL, 531.966019 ms RANDOM; ECLIPSE's 15.5264675 and 474.9643215 ms. The delete was timed at 0.5, 0.9 and
     * 0.99 only (the profile's timing pass), so 4 timed phases per map. Every median is far above 10 × the floor
     * (KEEP's median, 0.005 ms).
     */
    @Test
    void fillAndDeleteTimesInBothOrdersComeFromTheTimingPass() {
        KeyOrders k = KeyOrders.of(load(copy("full-keys"))).orElseThrow();
        assertEquals(8, k.times().size());
        Timed fill = k.times().get(0);
        assertEquals("JDK_HASH_MAP fill", fill.subject() + " " + fill.phase());
        assertEquals(56.384785, fill.sequential().median(), 1e-9);
        assertEquals(531.966019, fill.random().median(), 1e-9);
        assertEquals(10, fill.sequential().n());
        assertEquals(10, fill.random().n());
        assertTrue(k.comparable(fill));
        assertEquals(531.966019 / 56.384785, fill.ratio(), 1e-9);
        assertEquals(List.of("fill", "delete 0.5", "delete 0.9", "delete 0.99"), k.times().stream()
                .filter(t -> t.subject().equals("ECLIPSE")).map(t -> (t.phase() + " " + t.deleteFraction()).trim()).toList());
        assertEquals(474.9643215, k.times().get(4).random().median(), 1e-9);
    }

    /** The subsection ends section 2; the finding says the same in one sentence; numbers as in the tests above. */
    @Test
    void theReportShowsTheSubsectionAndOneFinding() throws IOException {
        String md = render(copy("full-keys"));
        String seed = md.substring(md.indexOf("## 2. "), md.indexOf("## 3. "));
        assertTrue(seed.contains("### Key order: SEQUENTIAL against RANDOM"), seed);
        assertEquals(1, md.split("### Key order").length - 1, md);
        assertTrue(seed.contains("The same bytes in both key orders at every state and delete fraction for 1 of 2 library "
                + "maps (JDK_HASH_MAP); ECLIPSE 24 B more with RANDOM keys at DELETED and after KEEP, deleteFraction 0.5 and 0.9."), seed);
        assertTrue(seed.contains("| JDK_HASH_MAP | library | 1.0 | 191.11 MiB | 191.11 MiB | 8.00 MiB | 8.00 MiB | 8.00 MiB | 8.00 MiB | yes |"), seed);
        assertTrue(seed.contains("| ECLIPSE | library: eclipse-collections 13.0.0 | 0.5 | 153.33 MiB | 153.33 MiB | 84.66 MiB | "
                + "84.66 MiB | 84.66 MiB | 84.66 MiB | no: DELETED +24 B, after KEEP +24 B |"), seed);
        assertTrue(seed.contains("| JDK_HASH_MAP | library | fill | 56.38 | 10 | 532 | 10 | 9.43× |"), seed);
        assertTrue(seed.contains("| ECLIPSE | library: eclipse-collections 13.0.0 | delete, deleteFraction 0.9 | 3.67 | 10 | 17.70 | 10 | 4.82× |"), seed);

        String box = md.substring(md.indexOf("> **Key findings**"), md.indexOf("## 1. "));
        assertEquals(1, box.split("\\*\\*Key order\\*\\*").length - 1, box);
        assertTrue(box.contains("**Key order** (SEQUENTIAL against RANDOM keys, 128-byte values, deleteFraction 0.5, 0.9, 0.99 "
                + "and 1.0; JOL at FILLED, DELETED and after KEEP; section 2): the same bytes in both key orders at every state "
                + "and delete fraction for 1 of 2 library maps (JDK_HASH_MAP); ECLIPSE 24 B more with RANDOM keys at DELETED "
                + "and after KEEP, deleteFraction 0.5 and 0.9; RANDOM ÷ SEQUENTIAL median time (timing pass, n ≥ 10 shots each): "
                + "the fill 9.43× (JDK_HASH_MAP, 56.38 → 532 ms) to 30.6× (ECLIPSE, 15.53 → 475 ms), the delete 1.53× "
                + "(JDK_HASH_MAP at 0.99, 14.98 → 22.95 ms) to 4.82× (ECLIPSE at 0.9, 3.67 → 17.70 ms)."), box);

        // section 6 tells the two key orders' rows of one point apart
        String costs = md.substring(md.indexOf("## 6. "), md.indexOf("## 7. "));
        assertTrue(costs.contains("| JDK_HASH_MAP | 128 | 0.5 | SEQUENTIAL | REBUILD | 18.08 |"), costs);
        assertTrue(costs.contains("| JDK_HASH_MAP | 128 | 0.5 | RANDOM | REBUILD | 20.25 |"), costs);
    }

    /**
     * The timer's floor rule of section 6: a median below 10 × KEEP's (0.005 ms here, so 0.045 ms) is the timer's and is
     * never compared, nor is a median of fewer than 5 shots. The two timed phases are made up for the rule.
     */
    @Test
    void aTimeAtTheFloorOrFromTooFewShotsIsNeverCompared() {
        KeyOrders k = KeyOrders.of(load(copy("full-keys"))).orElseThrow();
        Map<String, String> key = Map.of("subject", "JDK_HASH_MAP", "valueSize", "128", "jvm", "default");
        Cost atTheFloor = new Cost(key, Collections.nCopies(10, 0.01), Double.NaN, List.of());
        Cost twoShots = new Cost(key, List.of(50.0, 60.0), Double.NaN, List.of());
        Timed real = k.times().get(0);
        KeyOrders made = new KeyOrders(k.base(), k.valueSize(), k.fractions(), k.points(),
                List.of(new Timed("JDK_HASH_MAP", "delete", "0.5", atTheFloor, real.random()),
                        new Timed("JDK_HASH_MAP", "fill", "", real.sequential(), twoShots)), k.floor());
        assertFalse(made.comparable(made.times().get(0)));
        assertFalse(made.comparable(made.times().get(1)));
        ReportDocument doc = new ReportDocument();
        KeyOrderSection.add(doc, made);
        ReportDocument.Table times = (ReportDocument.Table) doc.blocks().get(doc.blocks().size() - 1);
        assertEquals(List.of("JDK_HASH_MAP", "library", "delete, deleteFraction 0.5", "below the floor", "10", "532", "10",
                Format.MISSING), times.rows().get(0));
        assertEquals(List.of("JDK_HASH_MAP", "library", "fill", "56.38", "10", "55.00", "2", Format.MISSING), times.rows().get(1));
    }

    /** The same run without its RANDOM results, and the remedies run (SEQUENTIAL only): no subsection, no finding. */
    @Test
    void aRunWithOneKeyOrderGetsNoSectionAndNoFinding() throws IOException {
        Path run = copy("full-keys");
        try (Stream<Path> files = Files.list(run.resolve("results"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains("keys=RANDOM")).toList()) {
                Files.delete(f);
            }
        }
        for (Path r : List.of(run, copy("remedies"))) {
            RunData data = load(r);
            assertTrue(KeyOrders.of(data).isEmpty(), r.toString());
            assertTrue(KeyFindings.keyOrder(data).isEmpty(), r.toString());
            assertTrue(KeyFindings.of(data).stream().noneMatch(x -> x.contains("Key order")), r.toString());
            String md = render(r);
            assertFalse(md.contains("Key order"), md);
            assertFalse(md.contains("| keys |"), md);
        }
    }
}
