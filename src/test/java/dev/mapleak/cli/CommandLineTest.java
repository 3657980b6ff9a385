package dev.mapleak.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line prints when it works: help, lists, the dry-run summary; and how old forms map to commands. */
class CommandLineTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void profiles() throws IOException {
        Files.createDirectories(home.resolve("profiles"));
        Files.writeString(home.resolve("profiles/good.properties"), MainBadInputTest.GOOD
                + "measuredWallTime = 0m41s (2026-11-30, 2 cores)\n");
        Files.writeString(home.resolve("profiles/untimed.properties"), MainBadInputTest.GOOD.replace("strategy = KEEP", "strategy = KEEP, TRIM"));
    }

    private String ok(String... args) {
        int status = Main.run(home, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpDocumentsEveryCommandTheExitStatusesAndTheProfiles() {
        String help = ok("--help");
        for (String s : List.of("run ", "list ", "resume ", "report ", "Exit status:", "0   everything asked for was measured",
                "1   some group failed", "2   bad input", "good ", "untimed ", "a tiny valid profile")) {
            assertTrue(help.contains(s), s + " in\n" + help);
        }
    }

    @Test
    void runHelpDocumentsEveryOption() {
        String help = ok("run", "--help");
        for (String s : List.of("--dry-run", "--verbose", "--prof=gc|alloc|cpu", "--out=DIR", "[PROFILE]", "-- JMH options",
                "-p name=v1,v2", "Exit status:", "good ")) {
            assertTrue(help.contains(s), s + " in\n" + help);
        }
        out.reset();
        assertEquals(help, ok("good", "--help"), "a profile's --help is run's");
    }

    @Test
    void listProfilesShowsMeasuredWallTimeOrSaysNotMeasured() {
        String list = ok("--list");
        assertTrue(list.contains("good             measured wall time: 0m41s (2026-11-30, 2 cores)"), list);
        assertTrue(list.contains("untimed          measured wall time: not measured"), list);
        out.reset();
        assertEquals(list, ok("list", "profiles"));
        out.reset();
        assertEquals(list, ok("list"));
    }

    @Test
    void aWallTimeThatIsNoTimeIsRefused() throws IOException {
        Files.writeString(home.resolve("profiles/good.properties"), MainBadInputTest.GOOD + "measuredWallTime = fast\n");
        int status = Main.run(home, new String[] {"good", "--dry-run"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("mapleak: profiles/good.properties:9: measuredWallTime starts with a time such as 3m04s, 1h05m or"
                + " 'about 16m', or is 'not measured'; got 'fast'", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void listSubjectsShowsClassLibraryVersionAndStorage() {
        String list = ok("list", "subjects");
        assertTrue(list.lines().anyMatch(l -> l.matches("JDK_HASH_MAP +JDK +java\\.util\\.HashMap +JDK +POINTER 1-256")), list);
        assertTrue(list.lines().anyMatch(l -> l.matches("FASTUTIL +LIBRARY +it\\.unimi\\.dsi\\.fastutil\\.ints\\.Int2ObjectOpenHashMap"
                + " +fastutil [0-9.]+ +POINTER 1-256")), list);
        // Go keeps values of up to 128 bytes in its buckets and allocates larger ones (runtime/map.go, maxElemSize = 128).
        assertTrue(list.lines().anyMatch(l -> l.matches("GO_HYBRID +GO_MODEL +dev\\.mapleak\\.subject\\.go\\.GoMap +mapleak"
                + " +INLINE 1-128, POINTER 129-256")), list);
    }

    @Test
    void dryRunPrintsASummaryByDefault() {
        String dry = ok("untimed", "--dry-run");
        // 'benchmarks = LifecycleBenchmark' is its memory group alone (fill, delete and reclaim run only when named);
        // TRIM is not applicable to JDK_HASH_MAP, so it runs KEEP alone.
        assertTrue(dry.contains("would run 1 group") && dry.contains(": LifecycleBenchmark.memory 1\n"), dry);
        assertTrue(dry.contains("not applicable (1):\n      1  JDK_HASH_MAP has no shrink of its own\n"), dry);
        assertTrue(dry.contains("estimated time: about "), dry);
        assertFalse(dry.contains("subject=JDK_HASH_MAP"), "no group list without --verbose:\n" + dry);
        assertFalse(Files.exists(home.resolve("reports")));
    }

    @Test
    void oldFormsBecomeCommands() {
        Set<String> commands = Set.of("run", "list", "resume", "report", "merge", "help");
        assertEquals(List.of("run"), Main.withCommand(List.of(), List.of(), commands));
        assertEquals(List.of("run", "seed"), Main.withCommand(List.of("seed"), List.of(), commands));
        assertEquals(List.of("run", "seed", "--dry-run"), Main.withCommand(List.of("seed", "--dry-run"), List.of(), commands));
        assertEquals(List.of("list", "profiles"), Main.withCommand(List.of("--list"), List.of(), commands));
        assertEquals(List.of("resume", "DIR", "--verbose"), Main.withCommand(List.of("--resume", "DIR", "--verbose"), List.of(), commands));
        assertEquals(List.of("resume", "DIR", "--allow-other-commit"),
                Main.withCommand(List.of("--resume", "DIR", "--allow-other-commit"), List.of(), commands));
        assertEquals(List.of("report", "DIR"), Main.withCommand(List.of("report", "DIR"), List.of(), commands));
        assertEquals(List.of("merge", "A", "B", "--out", "X"), Main.withCommand(List.of("merge", "A", "B", "--out", "X"), List.of(), commands));
        assertEquals(List.of("run", "full", "--shard", "3/16"), Main.withCommand(List.of("full", "--shard", "3/16"), List.of(), commands));
        assertEquals(List.of("--help"), Main.withCommand(List.of("--help"), List.of(), commands));
        assertEquals(List.of("run"), Main.withCommand(List.of(), List.of("-f", "2"), commands));
    }
}
