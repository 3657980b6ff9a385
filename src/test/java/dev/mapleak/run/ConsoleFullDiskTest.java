package dev.mapleak.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** console.log on a full disk: one warning naming the file, not one per line that follows (issue 17 saw 14). */
class ConsoleFullDiskTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsSaidOnce() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs Linux's /dev/full, which fails every write with ENOSPC");
        Path log = Files.createSymbolicLink(dir.resolve("console.log"), Path.of("/dev/full"));
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        try (Console console = new Console(new PrintStream(terminal, true, StandardCharsets.UTF_8), log, false)) {
            for (int i = 0; i < 14; i++) {
                console.say("line " + i);
            }
        }
        String shown = terminal.toString(StandardCharsets.UTF_8);
        assertEquals(1, shown.lines().filter(l -> l.startsWith("mapleak: cannot write")).count(), shown);
        assertTrue(shown.contains("mapleak: cannot write " + log + " (No space left on device); the rest of this run's"
                + " output goes to the terminal only"), shown);
        assertEquals(15, shown.lines().count(), "14 lines and one warning:\n" + shown);
    }
}
