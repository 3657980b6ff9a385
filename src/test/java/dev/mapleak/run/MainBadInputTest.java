package dev.mapleak.run;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input gets one line on stderr naming what is wrong and what is valid, exit status 2,
 * and nothing runs: no run folder appears.
 */
class MainBadInputTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static final String GOOD = """
            description = a tiny valid profile
            benchmarks = LifecycleBenchmark
            subject = JDK_HASH_MAP
            valueSize = 128
            entries = 1000
            strategy = KEEP
            keys = SEQUENTIAL
            heap = 256m
            """;

    @BeforeEach
    void profiles() throws IOException {
        Files.createDirectories(home.resolve("profiles"));
        Files.writeString(home.resolve("profiles/good.properties"), GOOD);
    }

    private String run(String... args) {
        int status = Main.run(home, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, "exit status; stderr: " + stderr);
        assertEquals(1, stderr.lines().count(), "one line: " + stderr);
        assertFalse(Files.exists(home.resolve("reports")), "nothing may run");
        return stderr.strip();
    }

    @Test
    void scanOfAMissingDump() {
        assertTrue(run("scan", home.resolve("missing.hprof").toString()).startsWith("mapleak: "));
    }

    @Test
    void unknownProfile() {
        assertEquals("mapleak: unknown profile 'nope'; valid profiles: good", run("nope"));
    }

    @Test
    void unknownOption() {
        assertTrue(run("good", "--fast").startsWith("mapleak: unknown option '--fast'; usage: ./run-bench.sh"));
    }

    @Test
    void syntaxErrorNamesTheLine() throws IOException {
        Files.writeString(home.resolve("profiles/bad.properties"), "description = x\nbenchmarks = LifecycleBenchmark\n\nthis is not a setting\n");
        assertEquals("mapleak: profiles/bad.properties:4: expected 'key = value', got 'this is not a setting'", run("bad"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "subject = JDK_HASHMAP | unknown subject 'JDK_HASHMAP'; valid subjects: JDK_HASH_MAP,",
        "strategy = SHRINK | unknown strategy 'SHRINK'; valid strategies: KEEP, REBUILD, TRIM, CLEAR",
        "keys = SORTED | unknown keys 'SORTED'; valid values: SEQUENTIAL, RANDOM",
        "valueSize = 0 | valueSize must be between 1 and 1048576 bytes (1 MiB), got 0",
        "valueSize = 1048577 | valueSize must be between 1 and 1048576 bytes (1 MiB), got 1048577",
        "entries = 0 | entries must be >= 1, got 0",
        "deleteFraction = 1.5 | deleteFraction must be between 0 and 1, got 1.5",
        "deleteFraction = -0.1 | deleteFraction must be between 0 and 1, got -0.1",
        "valuesize = 128 | 'valuesize' is neither a setting",
        "forks = many | forks must be a whole number >= 0, got 'many'",
    })
    void badProfileValueNamesFileLineAndValidChoices(String line, String message) throws IOException {
        // The bad line replaces the good profile's line for the same key, or is added.
        String key = line.substring(0, line.indexOf('=')).strip();
        String profile = GOOD.lines().filter(l -> !l.startsWith(key + " ")).reduce("", (a, b) -> a + b + "\n") + line + "\n";
        Files.writeString(home.resolve("profiles/bad.properties"), profile);
        String stderr = run("bad");
        assertTrue(stderr.startsWith("mapleak: profiles/bad.properties:"), stderr);
        assertTrue(stderr.contains(message), stderr);
    }

    @Test
    void resumeOfAFolderThatIsNotARun() throws IOException {
        Path notARun = Files.createDirectories(home.resolve("somewhere"));
        assertEquals("mapleak: " + notARun + " is not a run folder (it has no run.json); run folders are under reports/",
                run("--resume", notARun.toString()));
    }

    @Test
    void heapTooSmallForTheLargestCombinationStopsBeforeRunning() throws IOException {
        Files.writeString(home.resolve("profiles/bad.properties"), GOOD.replace("entries = 1000", "entries = 5000000"));
        String stderr = run("bad");
        // The line names the combination, what it needs and what to change.
        assertTrue(stderr.contains("LifecycleBenchmark.") && stderr.contains("subject=JDK_HASH_MAP")
                && stderr.contains("needs about") && stderr.contains("raise 'heap' in profiles/bad.properties"), stderr);
    }

    @Test
    void unknownProfiler() {
        assertEquals("mapleak: unknown profiler 'perf' for --prof; valid: gc, alloc, cpu", run("good", "--prof", "perf"));
    }

    @Test
    void benchmarksAfterDoubleDashAreRefused() {
        assertTrue(run("good", "--", "OperationsBenchmark").contains("benchmarks are chosen by the profile"));
    }

    @Test
    void dryRunRunsNothingAndSaysWhatIsNotApplicable() throws IOException {
        Files.writeString(home.resolve("profiles/trim.properties"), GOOD.replace("strategy = KEEP", "strategy = KEEP, TRIM"));
        int status = Main.run(home, new String[] {"trim", "--dry-run"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout.contains("would run 3 groups:"), stdout);
        assertTrue(stdout.contains("LifecycleBenchmark.reclaim subject=JDK_HASH_MAP valueSize=128 strategy=TRIM "
                + "deleteFraction=1.0 keys=SEQUENTIAL entries=1000: JDK_HASH_MAP has no shrink of its own"), stdout);
        assertTrue(stdout.contains("estimated time: about"), stdout);
        assertFalse(Files.exists(home.resolve("reports")));
    }
}
