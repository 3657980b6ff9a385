package dev.mapleak.run;

import dev.mapleak.folder.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The reports folder's checks. A read-only mount cannot be made in a test (no mount rights, and root writes
 * through a chmod), so the wording of the operating system's reasons is pinned here on the exceptions Java throws
 * for EROFS and EACCES; MainBadInputTest drives the real refusals it can make.
 */
class ReportsDirTest {

    @TempDir
    Path tmp;

    @Test
    void aReadOnlyFileSystemIsNamedInTheOperatingSystemsWords() {
        // What UnixException.translateToIOException gives for EROFS: a FileSystemException with the reason.
        assertEquals("read-only file system (/mnt/ro/reports)",
                ReportsDir.why(new FileSystemException("/mnt/ro/reports", null, "Read-only file system")));
    }

    @Test
    void permissionDeniedIsNamed() {
        // EACCES becomes an AccessDeniedException whose reason is null.
        assertEquals("permission denied (/srv/reports)", ReportsDir.why(new AccessDeniedException("/srv/reports")));
    }

    @Test
    void aMissingParentIsNamed() {
        // ENOENT becomes a NoSuchFileException whose reason is null (mkdir under /proc, for one).
        assertEquals("no such file or directory (/proc/x)", ReportsDir.why(new java.nio.file.NoSuchFileException("/proc/x")));
    }

    @Test
    void aDryRunChecksWithoutWriting() throws IOException {
        Path target = tmp.resolve("a/b/reports");
        ReportsDir.check(target, false);
        assertFalse(Files.exists(tmp.resolve("a")), "a dry run writes nothing");
        Files.writeString(tmp.resolve("a"), "x");
        UsageException e = assertThrows(UsageException.class, () -> ReportsDir.check(target, false));
        assertEquals("cannot make run folders in " + target + ": " + tmp.resolve("a") + " is a file, not a folder;"
                + " name another folder with --out DIR", e.getMessage());
    }

    @Test
    void aRealRunMakesTheFolderAndLeavesNoProbeBehind() throws IOException {
        Path target = tmp.resolve("reports");
        ReportsDir.check(target, true);
        try (var files = Files.list(target)) {
            assertEquals(0, files.count(), "the write probe is deleted");
        }
    }
}
