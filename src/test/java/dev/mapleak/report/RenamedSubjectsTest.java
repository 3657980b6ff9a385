package dev.mapleak.report;

import dev.mapleak.folder.RunFolder;
import dev.mapleak.folder.SubjectInfo;
import dev.mapleak.folder.Subjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report reads what its subjects are from the run folder, never from the code: the smoke fixture with two of
 * its subjects renamed to names mapleak has never had (JDK_HASH_MAP → OLD_HASH_MAP, GO_HYBRID → OLD_GO_MODEL:
 * in every file name and file, and in a subjects.json made from the frozen list) renders the same report as the
 * original, names apart. The storage column and the Go figure can only come from subjects.json there.
 */
class RenamedSubjectsTest {

    @TempDir
    static Path tmp;
    static String original;
    static String renamed;
    static Path renamedRun;

    @BeforeAll
    static void render() throws IOException {
        Path run = Fixtures.copy("smoke", tmp.resolve("original"));
        Report.write(run, List.of(), List.of());
        original = Files.readString(run.resolve("report.md"));

        renamedRun = Fixtures.copy("smoke", tmp.resolve("renamed"));
        renameEverywhere(renamedRun);
        RunFolder.open(renamedRun).writeSubjects(Subjects.legacy().all().stream().map(RenamedSubjectsTest::rename).toList());
        Report.write(renamedRun, List.of(), List.of());
        renamed = Files.readString(renamedRun.resolve("report.md"));
    }

    @Test
    void theSameTablesAsBeforeUnderTheNewNames() {
        // the original has no subjects.json (it falls back to the frozen list and says so); the renamed one has one
        String expected = rename(original.replace("- **Subjects:** " + Subjects.LEGACY_NOTE + "\n", ""));
        assertTrue(original.contains(Subjects.LEGACY_NOTE), "the fixture predates subjects.json");
        assertEquals(expected, renamed);
    }

    @Test
    void storageAndTheGoFigureComeFromSubjectsJson() {
        // from the fixture's report (ReportFromSmokeRunTest pins these numbers), under the new names
        assertTrue(renamed.contains("| OLD_HASH_MAP | library | POINTER | 48 B | 1.89 MiB | 64.06 KiB | 48 B | 3.3% | 6.6 B | 164.4 KiB |"), renamed);
        assertTrue(renamed.contains("| **Go runtime** (OLD_GO_MODEL model) | mapleak's Go model | INLINE |"), renamed);
        assertFalse(renamed.contains("JDK_HASH_MAP") || renamed.contains("GO_HYBRID"), renamed);
    }

    @Test
    void aSubjectTheRunFolderDoesNotDescribeStillRendersWithUnknownStorage() throws IOException {
        Path run = Fixtures.copy("smoke", tmp.resolve("undescribed"));
        RunFolder.open(run).writeSubjects(Subjects.legacy().all().stream()
                .filter(s -> !s.name().equals("FASTUTIL")).toList());
        Report.write(run, List.of(), List.of());
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("| FASTUTIL | ? | ? | "), md);
        assertTrue(md.contains("- **Subjects the run folder does not describe:** FASTUTIL (their storage shows as ?)"), md);
        assertFalse(md.contains(Subjects.LEGACY_NOTE), md);
        // listed last (the run folder gives it no place; whose map it is and its storage unknown), with the numbers
        // of the original's FASTUTIL row
        String row = original.lines().filter(l -> l.startsWith("| FASTUTIL | library: fastutil ")).findFirst().orElseThrow();
        assertTrue(md.contains(row.replaceFirst("\\| FASTUTIL \\| library: fastutil [0-9.]+ \\| POINTER \\| ", "| FASTUTIL | ? | ? | ")), md);
        assertTrue(md.indexOf("| FASTUTIL | ? | ? | ") > md.indexOf("| GO_HYBRID | "), md);
    }

    @Test
    void theSummaryGivesGosFigureToTheSubjectRecordedAsTheGoModel() throws IOException {
        List<String> lines = new ArrayList<>();
        Summary.write(RunData.load(renamedRun, List.of(), List.of()), lines::add);
        String go = lines.stream().filter(l -> l.startsWith("| OLD_GO_MODEL | 128 | KEEP |")).findFirst().orElseThrow();
        // ... | Go FILLED → DELETED → RECLAIMED | reclaim ms | whose |
        assertTrue(go.matches(".* \\| [0-9.,]+ [KMG]?i?B → [0-9.,]+ [KMG]?i?B → [0-9.,]+ [KMG]?i?B \\| [0-9.]+ \\| mapleak's Go model \\|"), go);
        String map = lines.stream().filter(l -> l.startsWith("| OLD_HASH_MAP | 128 | KEEP |")).findFirst().orElseThrow();
        assertTrue(map.matches(".* \\|  \\| [0-9.]+ \\| library \\|"), "no Go figure for a library map: " + map);
    }

    @Test
    void aBrokenSubjectsJsonIsBadInputAndNothingIsWritten() throws IOException {
        Path run = Fixtures.copy("smoke", tmp.resolve("broken-subjects"));
        Files.writeString(run.resolve("subjects.json"), "[{\"name\": \"X\"");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.mapleak.folder.UsageException.class,
                () -> ReportCommand.render(run, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().startsWith("subjects.json: "), e.getMessage());
        assertFalse(Files.exists(run.resolve("summary.md")) || Files.exists(run.resolve("report.md")));
    }

    static String rename(String text) {
        return text.replace("JDK_HASH_MAP", "OLD_HASH_MAP").replace("GO_HYBRID", "OLD_GO_MODEL");
    }

    static SubjectInfo rename(SubjectInfo s) {
        return new SubjectInfo(rename(s.name()), s.kind(), s.className(), s.library(), s.hashTable(), s.storage());
    }

    /** Renames in every file's name and text: results, plan.json, run.json. */
    static void renameEverywhere(Path run) throws IOException {
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                Files.delete(f);
                Files.writeString(f.resolveSibling(rename(f.getFileName().toString())), rename(text));
            }
        }
    }
}
