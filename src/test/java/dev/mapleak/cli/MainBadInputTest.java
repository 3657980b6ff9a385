package dev.mapleak.cli;

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
public class MainBadInputTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    public static final String GOOD = """
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
    void unknownProfile() {
        assertEquals("mapleak: unknown profile 'nope'; valid profiles: good", run("nope"));
    }

    @Test
    void jobsBelowOne() {
        assertEquals("mapleak: --jobs: jobs must be a whole number >= 1, got 0", run("good", "--jobs", "0"));
    }

    @Test
    void jobsNotANumber() {
        assertTrue(run("good", "--jobs", "two").startsWith("mapleak: invalid value for option '--jobs': 'two' is not an int"),
                err.toString(StandardCharsets.UTF_8));
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
        int status = Main.run(home, new String[] {"trim", "--dry-run", "--verbose"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout.contains("would run 1 group"), stdout);
        assertTrue(stdout.contains("LifecycleBenchmark.memory subject=JDK_HASH_MAP valueSize=128 strategy=TRIM "
                + "deleteFraction=1.0 keys=SEQUENTIAL entries=1000: JDK_HASH_MAP has no shrink of its own"), stdout);
        assertTrue(stdout.contains("estimated time: about"), stdout);
        assertFalse(Files.exists(home.resolve("reports")));
    }

    // ---- issue 17, defect 5: a bad --out is bad input naming the folder and what is wrong ----

    @Test
    void outNamingAFileIsRefused() throws IOException {
        Path file = Files.writeString(home.resolve("F"), "not a folder");
        assertEquals("mapleak: cannot make run folders in " + file + ": it is a file, not a folder; name another folder"
                + " with --out DIR", run("good", "--out", file.toString()));
    }

    @Test
    void outBelowAFileIsRefused() throws IOException {
        Path file = Files.writeString(home.resolve("F"), "not a folder");
        assertEquals("mapleak: cannot make run folders in " + file.resolve("runs") + ": " + file + " is a file, not a"
                + " folder; name another folder with --out DIR", run("good", "--out", file.resolve("runs").toString()));
    }

    @Test
    void outWithANameLongerThanAFileSystemTakesIsRefused() {
        String name = "r".repeat(300);
        String stderr = run("good", "--out", home.resolve(name).toString());
        // Linux's NAME_MAX is 255 bytes per path element.
        assertTrue(stderr.startsWith("mapleak: cannot make run folders in "), stderr);
        assertTrue(stderr.endsWith("/" + "r".repeat(20) + "… (300 characters): a name in it is 300 bytes long; a file system"
                + " takes at most 255; name another folder with --out DIR"), stderr);
    }

    @Test
    void outOnAFolderThatCannotBeWrittenIsRefused() throws IOException {
        // As root a chmod does not stop writes; a folder under /proc cannot be made by anyone.
        Path readOnly = Files.createDirectories(home.resolve("ro"));
        readOnly.toFile().setWritable(false, false);
        Path target = Files.isWritable(readOnly) ? Path.of("/proc/mapleak-out") : readOnly.resolve("runs");
        String stderr = run("good", "--out", target.toString());
        assertTrue(stderr.startsWith("mapleak: cannot make run folders in " + target + ": "), stderr);
        assertTrue(stderr.endsWith("; name another folder with --out DIR"), stderr);
    }

    // ---- defect 6: heap sizes that no JVM takes ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({"99999999999999999999g", "9000000000000g"})
    void aHeapLargerThanAnyJvmTakesIsOneLine(String heap) throws IOException {
        Files.writeString(home.resolve("profiles/bad.properties"), GOOD.replace("heap = 256m", "heap = " + heap));
        assertEquals("mapleak: profiles/bad.properties:8: heap '" + heap + "' is more bytes than a JVM can address (at most"
                + " 8589934591g); give the -Xmx size the forks should get, such as 4g", run("bad"));
    }

    // ---- defect 7: repeated values ----

    @Test
    void aValueRepeatedInMinusPRunsOnceAndSaysSo() throws IOException {
        int status = Main.run(home, new String[] {"good", "--dry-run", "--verbose", "--", "-p", "subject=JDK_HASH_MAP,JDK_HASH_MAP"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout.contains("mapleak: -p subject lists JDK_HASH_MAP 2 times; each value runs once"), stdout);
        // GOOD runs LifecycleBenchmark's memory group at one point: 1 group, not 2.
        assertTrue(stdout.contains("would run 1 group"), stdout);
    }

    @Test
    void oneParameterGivenTwiceWithMinusPIsRefused() {
        assertEquals("mapleak: -p valueSize is given twice (-p valueSize=128 and -p valueSize=129); give each parameter"
                + " once, e.g. -p valueSize=128,129", run("good", "--", "-p", "valueSize=128", "-p", "valueSize=129"));
    }

    @Test
    void aValueListedTwiceInAProfileIsRefused() throws IOException {
        Files.writeString(home.resolve("profiles/bad.properties"), GOOD.replace("subject = JDK_HASH_MAP", "subject = JDK_HASH_MAP, JDK_HASH_MAP"));
        assertEquals("mapleak: profiles/bad.properties:3: 'JDK_HASH_MAP' is listed twice in 'subject'", run("bad"));
    }

    // ---- defect 8: messages that mislead or say nothing ----

    @Test
    void aMistypedMinusPIsTheCommandLinesNotTheProfiles() {
        assertEquals("mapleak: -p valueSize=12x on the command line: valueSize must be a whole number, got '12x'",
                run("good", "--", "-p", "valueSize=12x"));
    }

    @Test
    void anUnknownParameterInMinusPIsTheCommandLines() {
        assertTrue(run("good", "--", "-p", "valuesize=128").startsWith("mapleak: -p valuesize=128 on the command line:"
                + " 'valuesize' is neither a setting"));
    }

    @Test
    void aProfileThatIsNotUtf8NamesItsLine() throws IOException {
        // 0xE9 is é in Latin-1 and not valid UTF-8 on its own; GOOD has 8 lines, so the comment is line 9.
        byte[] latin1 = (GOOD + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(home.resolve("profiles/bad.properties"), latin1);
        assertEquals("mapleak: profiles/bad.properties:9: not UTF-8 text (saved in another encoding, such as Latin-1?);"
                + " save the profile as UTF-8", run("bad"));
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        Files.writeString(home.resolve("profiles/bom.properties"), "\uFEFF" + GOOD);
        int status = Main.run(home, new String[] {"bom", "--dry-run"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("mapleak: profile bom: a tiny valid profile"));
    }

    @Test
    void tooSmallAHeapQuotesTheJvmsReason() throws IOException {
        Files.writeString(home.resolve("profiles/bad.properties"), GOOD.replace("heap = 256m", "heap = 1k"));
        String stderr = run("bad");
        // HotSpot prints "Error occurred during initialization of VM" and then the reason.
        assertTrue(stderr.contains("refuses the flags of JVM 'default' (-Xmx1k): Too small maximum heap"), stderr);
    }

    @Test
    void epsilonWithoutItsUnlockFlagSaysWhatToAdd() throws IOException {
        Files.writeString(home.resolve("profiles/bad.properties"), GOOD + "jvmArgs = -XX:+UseEpsilonGC\n");
        String stderr = run("bad");
        assertTrue(stderr.contains("is experimental and must be enabled via -XX:+UnlockExperimentalVMOptions"), stderr);
        assertTrue(stderr.endsWith("(add -XX:+UnlockExperimentalVMOptions to jvmArgs, before the flag that needs it)"), stderr);
    }

    @Test
    void aHugeProfileNameIsCutInTheMessage() {
        String name = "x".repeat(100_000);
        String stderr = run(name);
        assertTrue(stderr.startsWith("mapleak: unknown profile '" + "x".repeat(60) + "…' (100000 characters); valid profiles:"), stderr);
        assertTrue(stderr.length() < 300, "length " + stderr.length());
    }

    @Test
    void aHugeUnknownOptionIsCutInTheMessage() {
        String stderr = run("good", "--" + "y".repeat(100_000));
        assertTrue(stderr.startsWith("mapleak: unknown option '--yyyy"), stderr);
        assertTrue(stderr.length() < 500, "length " + stderr.length());
    }

    @Test
    void dryRunChecksJvmFlagsAsTheRunDoes() throws IOException {
        Files.writeString(home.resolve("profiles/bad.properties"), GOOD + "jvmArgs = -XX:+UseG1GC -XX:NoSuchFlag=1\n");
        String stderr = run("bad", "--dry-run");
        assertTrue(stderr.contains("refuses the flags of JVM 'default'") && stderr.contains("NoSuchFlag"), stderr);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "valueSize = -128 | valueSize must be between 1 and 1048576 bytes (1 MiB), got -128",
        "heap = -1g | heap must be a -Xmx size such as 512m or 4g, got '-1g'",
    })
    void aNegativeByteCountInAProfileIsRefused(String line, String message) throws IOException {
        String key = line.substring(0, line.indexOf('=')).strip();
        String profile = GOOD.lines().filter(l -> !l.startsWith(key + " ")).reduce("", (a, b) -> a + b + "\n") + line + "\n";
        Files.writeString(home.resolve("profiles/bad.properties"), profile);
        assertTrue(run("bad").endsWith(message));
    }

    // ---- the command line itself ----

    @Test
    void picocliUsageErrorsAreOneMapleakLine() {
        assertTrue(run("report").startsWith("mapleak: missing required parameter: 'RUN_DIR'; usage: ./run-bench.sh report"));
        err.reset();
        assertTrue(run("list", "maps").startsWith("mapleak: invalid value for positional parameter"));
        err.reset();
        assertTrue(run("good", "--out").startsWith("mapleak: missing required parameter for option '--out'"));
    }

    @Test
    void scanOfAMissingDumpIsOneLine() {
        String line = run("scan", home.resolve("missing.hprof").toString());
        assertTrue(line.startsWith("mapleak: ") && !line.contains("\n"), line);
    }

    @Test
    void resumeTakesOnlyTheRunFolder() {
        assertEquals("mapleak: --resume runs with the settings the run was started with; give it only the run folder:"
                + " ./run-bench.sh --resume RUN_DIR [--allow-other-commit]", run("--resume", "somewhere", "good"));
    }

    @Test
    void jmhOptionsGoWithARunOnly() {
        assertEquals("mapleak: only a run takes JMH options after '--'; 'list' does not", run("list", "--", "-f", "2"));
    }
}
