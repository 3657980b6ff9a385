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

    /** Superseded conclusions are marked beside the published run, never rewritten in it; a narrowed run links what it left out. */
    @Test
    void supersededConclusionsAndWhatWasLeftOutAreLinked() throws IOException {
        Path run = runFolder("20261124-085701-full", "2026-11-24T08:57:01", "smoke");
        Files.writeString(run.resolve("report.md"), "# r");
        Files.writeString(run.resolve("LEFT-OUT.md"), "# left out");
        Files.writeString(run.resolve("SUPERSEDED.md"), "# heading\n\nClaim 5.5 and the advice.\n\n- details\n");
        String index = Files.readString(ReportIndex.write(reports));
        assertTrue(index.contains("; narrowed: [what was left out](20261124-085701-full/LEFT-OUT.md)\n"
                + "  - **Superseded in part:** Claim 5.5 and the advice. ([why](20261124-085701-full/SUPERSEDED.md))"), index);
        assertEquals("# r", Files.readString(run.resolve("report.md")), "the published report is not touched");
    }

    @Test
    void anEmptyReportsFolderSaysSo() throws IOException {
        assertTrue(Files.readString(ReportIndex.write(reports)).contains("No published runs yet."));
    }
}
