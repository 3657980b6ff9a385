package dev.mapleak.cli;

import dev.mapleak.folder.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk names the file it could not write and says how to go on. The disk is really full: the write goes
 * through a symbolic link to Linux's {@code /dev/full}, which fails every write with ENOSPC.
 */
class DiskFullMessageTest {

    @TempDir
    Path runDir;

    @Test
    void aFullDiskNamesTheFileAndSaysFreeSpaceThenResume() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs Linux's /dev/full");
        Files.writeString(runDir.resolve("run.json"), "{}");
        Path result = runDir.resolve("results/G.json");
        Files.createDirectories(result.getParent());
        Files.createSymbolicLink(result.resolveSibling(".G.json.tmp"), Path.of("/dev/full"));

        IOException e = assertThrows(IOException.class, () -> RunFolder.writeAtomically(result, "{}"));

        assertEquals("no space left on the device writing " + result + ": free space, then ./run-bench.sh --resume "
                + runDir + " measures what is missing (the groups measured so far are saved)", Main.ioFailure(e));
        assertFalse(Files.exists(result), "nothing half-written");
    }

    @Test
    void anotherFailureNamesItsFile() {
        assertEquals("/x/y: Permission denied", Main.ioFailure(new java.nio.file.FileSystemException("/x/y", null, "Permission denied")));
    }
}
