package dev.mapleak.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remedy-time chart is drawn where a strategy besides KEEP was timed, and silently left out where none was: a
 * shard of full ({@code --shard 8/16}) held only KEEP's timing groups and its report said "skipped
 * charts/remedy-time-127.png: not drawn: IllegalStateException".
 */
class RemedyChartSizeTest {

    @TempDir
    Path tmp;

    @Test
    void drawnWhereARemedyWasTimedAndLeftOutWhereOnlyKeepWas() throws Exception {
        Path whole = Fixtures.copy("full-keys", tmp.resolve("whole"));
        List<String> said = new ArrayList<>();
        assertTrue(ReportCommand.renderFolder(whole, said::add));
        assertTrue(Files.isRegularFile(whole.resolve("charts/remedy-time-128.png")), "REBUILD was timed at 128 bytes");

        Path keepOnly = Fixtures.copy("full-keys", tmp.resolve("keep-only"));
        try (Stream<Path> files = Files.list(keepOnly.resolve("results"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("RemedyCostBenchmark.reclaim")
                    && !p.getFileName().toString().contains("strategy=KEEP")).toList()) {
                Files.delete(f);
            }
        }
        List<String> lines = new ArrayList<>();
        assertTrue(ReportCommand.renderFolder(keepOnly, lines::add));
        assertFalse(lines.stream().anyMatch(l -> l.contains("skipped")), lines.toString());
        try (Stream<Path> charts = Files.list(keepOnly.resolve("charts"))) {
            assertTrue(charts.noneMatch(p -> p.getFileName().toString().startsWith("remedy-time")));
        }
    }
}
