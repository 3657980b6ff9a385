package dev.mapleak.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** reports/README.md: every folder under reports/ with a report.md, newest first, one line each. */
class ReportIndexTest {

    @TempDir
    Path reports;

    private Path runFolder(String path, String createdAt, String fixture) throws IOException {
        Path dir = reports.resolve(path);
        Files.createDirectories(dir.resolve("results"));
        Path from = Fixtures.source(fixture);
        Files.writeString(dir.resolve("run.json"), Files.readString(from.resolve("run.json"))
                .replaceAll("\"createdAt\": \"[^\"]*\"", "\"createdAt\": \"" + createdAt + "\""));
        Files.copy(from.resolve("environment.json"), dir.resolve("environment.json"));
        Files.writeString(dir.resolve("results/a.json"), "[]");
        return dir;
    }

    @Test
    void listsReportedRunsNewestFirst() throws IOException {
        Files.writeString(runFolder("published/20261101-100000-full", "2026-11-01T10:00:00", "seed-sizes").resolve("report.md"), "# r");
        Files.writeString(runFolder("20261124-074101-smoke", "2026-11-24T07:41:01", "smoke").resolve("report.md"), "# r");
        runFolder("20261125-000000-smoke", "2026-11-25T00:00:00", "smoke"); // no report.md: not listed

        String index = Files.readString(ReportIndex.write(reports));
        String[] lines = index.lines().filter(l -> l.startsWith("- ")).toArray(String[]::new);
        assertEquals(2, lines.length, index);
        assertTrue(lines[0].startsWith("- [20261124-074101-smoke](20261124-074101-smoke/report.md) ([html](20261124-074101-smoke/report.html)): "
                + "profile `smoke`, 2026-11-24 07:41, JDK 17.0.15 (Debian), G1, 1 result files"), lines[0]);
        assertTrue(lines[1].startsWith("- [20261101-100000-full](published/20261101-100000-full/report.md)"), lines[1]);
    }

    @Test
    void anEmptyReportsFolderSaysSo() throws IOException {
        assertTrue(Files.readString(ReportIndex.write(reports)).contains("No published runs yet."));
    }
}
