package dev.mapleak.report;

import dev.mapleak.folder.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad run folders: what is broken is named with its file and its problem; good files are still rendered; when
 * nothing can be rendered the command fails with a {@link UsageException} (Main turns it into one line on
 * stderr and exit status 2).
 */
class ReportBadInputTest {

    @TempDir
    Path tmp;

    private static String render(Path run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, ReportCommand.render(run, new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void brokenFilesAreNamedAndTheRestIsRendered() throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        Fixtures.addBroken(run, "truncated.json");
        Fixtures.addBroken(run, "unknown-benchmark.json");
        Fixtures.addBroken(run, "not-jmh.json");
        String printed = render(run);
        assertTrue(printed.contains("mapleak: skipped results/truncated.json: invalid or truncated JSON"), printed);
        assertTrue(printed.contains("mapleak: skipped results/unknown-benchmark.json: results of an unknown benchmark 'org.example.SomeoneElsesBenchmark.run'"), printed);
        assertTrue(printed.contains("mapleak: skipped results/not-jmh.json: not a JMH result file (expected a JSON array)"), printed);
        String md = Files.readString(run.resolve("report.md"));
        String skipped = md.substring(md.indexOf("### Skipped files"));
        assertTrue(skipped.contains("- `results/truncated.json: invalid or truncated JSON"), skipped);
        assertTrue(skipped.contains("- `results/unknown-benchmark.json: results of an unknown benchmark"), skipped);
        // One line per problem, and no link to anywhere (Gson's messages carry a troubleshooting URL on a second line).
        assertFalse(md.contains("https://") || Files.readString(run.resolve("report.html")).contains("https://"), skipped);
        assertEquals(3, printed.lines().filter(l -> l.startsWith("mapleak: skipped results/")).count(), printed);
        // The 44 good files are all still there.
        assertTrue(md.contains("| JDK_HASH_MAP | library | POINTER | 48 B | 1.89 MiB | 64.06 KiB | 48 B | 3.3% | 6.6 B | 164.4 KiB |"), md);
        assertTrue(md.contains("44 results of 3 benchmark methods from 47 files"), md);
        assertTrue(Files.isRegularFile(run.resolve("charts/retained-after-delete.png")));
    }

    /** Issue 17: a JSON array of numbers used to be skipped as "Not a JSON Object: 1", which says nothing. */
    @Test
    void anArrayOfSomethingElseSaysWhatAResultFileHolds() throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        Files.writeString(run.resolve("results/numbers.json"), "[1,2]");
        String printed = render(run);
        assertTrue(printed.contains("mapleak: skipped results/numbers.json: not a JMH result file (its array holds '1' where"
                + " each result should be an object with a 'benchmark')"), printed);
    }

    @Test
    void onlyBrokenFilesMeanNothingToRender() throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        clearResults(run);
        Fixtures.addBroken(run, "truncated.json");
        Fixtures.addBroken(run, "unknown-benchmark.json");
        UsageException e = assertThrows(UsageException.class, () -> render(run));
        assertTrue(e.getMessage().contains("nothing to render"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated.json: invalid or truncated JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown-benchmark.json: results of an unknown benchmark"), e.getMessage());
        assertFalse(Files.exists(run.resolve("report.md")), "nothing written");
    }

    @Test
    void noResultsAtAllIsSaidSo() throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        clearResults(run);
        UsageException e = assertThrows(UsageException.class, () -> render(run));
        assertTrue(e.getMessage().endsWith("nothing to render: no result files"), e.getMessage());
    }

    @Test
    void notARunFolderIsSaidSo() {
        UsageException e = assertThrows(UsageException.class, () -> render(tmp));
        assertTrue(e.getMessage().contains("is not a run folder (it has no run.json)"), e.getMessage());
    }

    @Test
    void brokenEnvironmentStillRendersAndSaysWhatIsUnknown() throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        Files.writeString(run.resolve("environment.json"), "{\"profile\": \"smoke\", \"jvms\": [");
        Files.delete(run.resolve("plan.json"));
        String printed = render(run);
        assertTrue(printed.contains("mapleak: skipped environment.json: invalid or truncated JSON"), printed);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("- **JDK and collector:** unknown (no environment.json)"), md);
        assertTrue(md.contains("| JDK_HASH_MAP | library | POINTER | 48 B | 1.89 MiB | 64.06 KiB |"), md);
    }

    @Test
    void failedGroupsAreListedWithTheirReason() throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        // As GroupRunner records a group whose fork died (crafted: the smoke run had no failure).
        Files.createDirectories(run.resolve("failures"));
        Files.writeString(run.resolve("failures/LifecycleBenchmark.fill,subject=HPPC,valueSize=128,keys=SEQUENTIAL,entries=10000.json"),
                "{\"reason\": \"java.lang.OutOfMemoryError: Java heap space\", \"outputTail\": []}");
        render(run);
        String md = Files.readString(run.resolve("report.md"));
        String failed = md.substring(md.indexOf("### Failed groups"), md.indexOf("### Skipped files"));
        assertTrue(failed.contains("- LifecycleBenchmark.fill subject=HPPC valueSize=128 keys=SEQUENTIAL entries=10000: java.lang.OutOfMemoryError: Java heap space"), failed);
    }

    private static void clearResults(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run.resolve("results"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }
}
