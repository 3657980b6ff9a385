package dev.mapleak.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A combination that cannot fit its fork's heap dies of OutOfMemoryError: it is recorded as failed, with the
 * reason and the tail of its output, the other combinations are measured, and the exit status says so.
 * The forks' -Xmx is lowered after '--' (JMH's -jvmArgsAppend), past what the pre-flight check can see.
 */
class ForkFailureIT {

    @TempDir
    Path reports;

    @Test
    void outOfMemoryIsRecordedAndTheRunGoesOn() throws Exception {
        RunBench.Finished f = RunBench.run(reports, "smoke", "--out", reports.toString(),
                "--", "-p", "subject=JDK_HASH_MAP", "-p", "entries=1000,600000", "-jvmArgsAppend", "-Xmx16m");
        assertEquals(1, f.status(), f.output());
        Path run = RunBench.onlyRunFolder(reports);

        List<Path> failures;
        try (Stream<Path> s = Files.list(run.resolve("failures"))) {
            failures = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        // the memory groups (KEEP, REBUILD) of the 600,000-entry map: 600,000 x 192 bytes > 16 MiB.
        assertEquals(2, failures.size(), f.output());
        for (Path failure : failures) {
            assertTrue(failure.getFileName().toString().contains("entries=600000"), failure.toString());
            JsonObject record = JsonParser.parseString(Files.readString(failure)).getAsJsonObject();
            assertTrue(record.get("reason").getAsString().contains("OutOfMemoryError"), record.toString());
            assertTrue(record.getAsJsonArray("outputTail").size() > 0, record.toString());
        }
        assertEquals(2, RunBench.count(run.resolve("results"), "entries=1000.json"));
        assertEquals(2, RunBench.count(run.resolve("results"), ".json"));
        assertTrue(f.output().contains("2 group(s) failed"), f.output());
        String summary = Files.readString(run.resolve("summary.md"));
        assertTrue(summary.contains("## Failed groups") && summary.contains("OutOfMemoryError"), summary);
    }
}
