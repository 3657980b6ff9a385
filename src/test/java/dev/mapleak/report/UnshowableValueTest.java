package dev.mapleak.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.folder.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, defect 2: a score no table or chart can show (1e308 bytes sent XChart's axis formatter into an
 * endless loop) makes its file bad data, named in one line; the rest of the run is rendered, and summary.md,
 * report.md and report.html all come from the same results, with no temporary file left behind. The timeout
 * runs the test in a separate thread so a hang fails it instead of hanging the build.
 */
class UnshowableValueTest {

    static final String DELETED = "LifecycleBenchmark.delete,subject=JDK_HASH_MAP,valueSize=128,deleteFraction=1.0,"
            + "keys=SEQUENTIAL,entries=10000.json";

    @TempDir
    Path tmp;

    /** The smoke run with one secondary metric of JDK_HASH_MAP's delete group set to {@code value} (JSON text). */
    private Path smokeWith(String metric, String value) throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        Path file = run.resolve("results").resolve(DELETED);
        JsonArray root = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        JsonObject m = root.get(0).getAsJsonObject().getAsJsonObject("secondaryMetrics").getAsJsonObject(metric);
        m.add("score", JsonParser.parseString(value));
        m.getAsJsonArray("rawData").get(0).getAsJsonArray().set(0, JsonParser.parseString(value));
        Files.writeString(file, RunFolder.GSON.toJson(root));
        return run;
    }

    private static String render(Path run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, ReportCommand.render(run, new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHugeScoreMakesItsFileBadDataAndTheRestRenders() throws IOException {
        Path run = smokeWith("retained.jol.bytes", "1e308");
        String printed = render(run);
        String line = "mapleak: skipped results/" + DELETED + ": retained.jol.bytes = 1.0E308 is not a measurement "
                + "(more than 2^53 bytes); the file is bad data";
        assertTrue(printed.lines().anyMatch(line::equals), printed);
        assertEquals(1, printed.lines().filter(l -> l.startsWith("mapleak: skipped")).count(), printed);
        String summary = Files.readString(run.resolve("summary.md"));
        String md = Files.readString(run.resolve("report.md"));
        String html = Files.readString(run.resolve("report.html"));
        // The three outputs agree: each names the bad file, none shows its value.
        for (String out : List.of(summary, md, html)) {
            assertTrue(out.contains(DELETED + ": retained.jol.bytes = 1.0E308 is not a measurement"), out);
            assertFalse(out.contains("95,367,431,640,625") || out.contains("9.5E301") || out.contains("Infinity"), out);
        }
        // 43 of the 44 smoke files still rendered (the fixture's own count line, one file fewer).
        assertTrue(md.contains("43 results of 3 benchmark methods from 44 files"), md);
        assertTrue(Files.isRegularFile(run.resolve("charts/retained-after-delete.png")));
        assertEquals(List.of(), leftovers(run));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @CsvSource(delimiter = '|', value = {
        "retained.jol.bytes | \"Infinity\" | retained.jol.bytes = Infinity is not a number",
        "retained.jol.bytes | \"NaN\"      | retained.jol.bytes = NaN is not a number",
        "retained.jol.bytes | 9007199254740994 | retained.jol.bytes = 9.007199254740994E15 is not a measurement (more than 2^53 bytes)",
        "retained.jol.bytes | -1           | retained.jol.bytes = -1.0 is negative, and a byte count cannot be",
        "process.rss.bytes  | -4096        | process.rss.bytes = -4096.0 is negative, and a byte count cannot be",
    })
    void unshowableValuesAreNamed(String metric, String value, String message) throws IOException {
        Path run = smokeWith(metric, value);
        String printed = render(run);
        assertTrue(printed.contains("mapleak: skipped results/" + DELETED + ": " + message), printed);
        assertEquals(List.of(), leftovers(run));
    }

    @Test
    void aNegativeHeapDeltaIsAMeasurement() throws IOException {
        // retained.heap.bytes is heap-after-GC minus the same reading before the map existed: noise can make it a
        // little negative (the published seed run has start.retained.heap.bytes = -4128), so it is kept.
        Path run = smokeWith("retained.heap.bytes", "-4128");
        String printed = render(run);
        assertFalse(printed.contains("mapleak: skipped"), printed);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "subject   | remove | a result of LifecycleBenchmark.delete has no 'subject' parameter; the file is bad data",
        "valueSize | remove | a result of LifecycleBenchmark.delete has no 'valueSize' parameter; the file is bad data",
        "valueSize | abc    | valueSize = 'abc' is not a whole number; the file is bad data",
    })
    void parametersATableCannotPlaceAreNamed(String param, String value, String message) throws IOException {
        // These used to end `report` with a stack trace (NullPointerException, NumberFormatException) before any output.
        Path run = Fixtures.copy("smoke", tmp);
        Path file = run.resolve("results").resolve(DELETED);
        JsonArray root = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        JsonObject params = root.get(0).getAsJsonObject().getAsJsonObject("params");
        if (value.equals("remove")) {
            params.remove(param);
        } else {
            params.addProperty(param, value);
        }
        Files.writeString(file, RunFolder.GSON.toJson(root));
        String printed = render(run);
        assertTrue(printed.contains("mapleak: skipped results/" + DELETED + ": " + message), printed);
    }

    private static List<Path> leftovers(Path run) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
