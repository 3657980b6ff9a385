package dev.mapleak.scan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jol.vm.VM;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code ./run-bench.sh scan} end to end on the population dump: console table, reports, options. */
class ScanCommandTest {

    private static final String BOOKS = "dev.mapleak.scan.ScanPopulation$OrderBook.byCustomer";
    private static final Path SMOKE = Path.of("src/test/resources/fixtures/smoke");

    @TempDir
    Path out;

    record Run(int status, String stdout, String stderr) {
    }

    static Run scan(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = ScanCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void layoutIsModelled() {
        assumeTrue(VM.current().arrayHeaderSize() == 16, "array header is not 16 bytes");
    }

    @Test
    void printsTheTableAndWritesThreeReports() throws Exception {
        Run r = scan(PopulationDump.get().toString(), "--out", out.toString(), "--top", "5", "--costs", SMOKE.toString());
        assertEquals(0, r.status(), r.stderr());
        String firstRow = r.stdout().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
        assertTrue(firstRow.contains("2,500") && firstRow.contains("HashMap") && firstRow.endsWith(BOOKS), firstRow);
        assertTrue(r.stdout().contains("layout: compressed oops") || r.stdout().contains("layout: uncompressed oops"));
        assertTrue(r.stdout().contains("remedy for HashMap: rebuild: map = new HashMap<>(map)"), r.stdout());
        assertTrue(r.stdout().contains("cost #1 HashMap: ")
                && r.stdout().contains("JDK_HASH_MAP REBUILD measured after 10,000 entries"), r.stdout());

        String html = Files.readString(out.resolve("population.scan.html"));
        assertTrue(html.contains("<svg") && html.contains("ScanPopulation$OrderBook.byCustomer"));
        // Self-contained: nothing is fetched (the only URL is SVG's namespace name).
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("<script")
                || html.replace("http://www.w3.org/2000/svg", "").contains("http"));
        String md = Files.readString(out.resolve("population.scan.md"));
        assertTrue(md.contains("| 1 | ") && md.contains("`" + BOOKS + "`"), md);

        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("population.scan.json"))).getAsJsonObject();
        JsonArray groups = json.getAsJsonArray("ownerGroups");
        assertEquals(5, groups.size());
        JsonObject first = groups.get(0).getAsJsonObject();
        assertEquals(BOOKS, first.get("owner").getAsString());
        assertEquals(2500, first.get("maps").getAsInt());
        assertEquals(2500L * 512, first.get("tableSlots").getAsLong());
    }

    @Test
    void layoutOptionAndMinWaste() {
        Run r = scan(PopulationDump.get().toString(), "--out", out.toString(), "--json", "--layout", "uncompressed",
                "--min-waste", "1m");
        assertEquals(0, r.status(), r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        JsonArray groups = json.getAsJsonArray("ownerGroups");
        groups.forEach(g -> assertTrue(g.getAsJsonObject().get("freeableBytes").getAsLong() >= 1L << 20, g.toString()));
        assertEquals("given with --layout", json.getAsJsonObject("layout").get("reason").getAsString());
        JsonObject first = json.getAsJsonArray("ownerGroups").get(0).getAsJsonObject();
        // 2,500 tables of 512 eight-byte references: 16-byte header + 4,096 bytes each.
        assertEquals(2500L * (16 + 8 * 512), first.get("tableBytes").getAsLong());
    }

    @Test
    void costsComeFromTheRunFolder() throws Exception {
        Run r = scan(PopulationDump.get().toString(), "--out", out.toString(), "--json", "--costs", SMOKE.toString(),
                "--top", "1000");
        assertEquals(0, r.status(), r.stderr());
        JsonArray groups = JsonParser.parseString(r.stdout()).getAsJsonObject().getAsJsonArray("ownerGroups");
        JsonObject cost = groups.get(0).getAsJsonObject().getAsJsonObject("measuredCost");
        // The smoke fixture measured HashMap's REBUILD once: 10,000 entries, all deleted, 128-byte values.
        Path file = SMOKE.resolve("results/LifecycleBenchmark.reclaim,subject=JDK_HASH_MAP,valueSize=128,"
                + "strategy=REBUILD,deleteFraction=1.0,keys=SEQUENTIAL,entries=10000.json");
        double score = JsonParser.parseString(Files.readString(file)).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("primaryMetric").get("score").getAsDouble();
        assertEquals("JDK_HASH_MAP", cost.get("subject").getAsString());
        assertEquals("REBUILD", cost.get("strategy").getAsString());
        assertEquals(10000, cost.get("entries").getAsInt());
        assertEquals(score, cost.get("score").getAsDouble());
        // The smoke run measured no TRIM: Eclipse's compact() falls back to its measured REBUILD, and says so.
        JsonObject eclipse = null;
        for (var g : groups) {
            if (g.getAsJsonObject().get("owner").getAsString().endsWith(".eclipseTombstones (static)")) {
                eclipse = g.getAsJsonObject().getAsJsonObject("measuredCost");
            }
        }
        assertEquals("ECLIPSE", eclipse.get("subject").getAsString());
        assertEquals("REBUILD", eclipse.get("strategy").getAsString());

    }
}
