package dev.mapleak.run;

import dev.mapleak.cli.Main;
import dev.mapleak.cli.MainBadInputTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 17, defect 1: zero forks would measure inside the runner's own JVM while everything is labelled with the
 * profile's flags. Refused with one line and exit status 2, in the dry run too, before any JVM starts.
 */
class NonForkedRunTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void profiles() throws IOException {
        Files.createDirectories(home.resolve("profiles"));
        Files.writeString(home.resolve("profiles/good.properties"), MainBadInputTest.GOOD);
        // forks is on line 9 (after the 8 lines of GOOD)
        Files.writeString(home.resolve("profiles/zero.properties"), MainBadInputTest.GOOD + "forks = 0\n");
    }

    private String refused(String... args) {
        int status = Main.run(home, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, "exit status; stderr: " + stderr + " stdout: " + out);
        assertEquals(1, stderr.lines().count(), "one line: " + stderr);
        assertFalse(Files.exists(home.resolve("reports")), "nothing may run");
        return stderr.strip();
    }

    static final String JMH_ZERO = "mapleak: -f 0 after '--' would measure in the runner's own JVM instead of one "
            + "with the profile's JVM flags; give -f 1 or more (or leave -f out)";
    static final String PROFILE_ZERO = "mapleak: profiles/zero.properties:9: forks = 0 would measure in the runner's "
            + "own JVM instead of one with the profile's JVM flags; forks must be at least 1";

    @Test
    void zeroForksAfterDoubleDash() {
        assertEquals(JMH_ZERO, refused("good", "--", "-f", "0"));
    }

    @Test
    void zeroForksAfterDoubleDashInTheDryRun() {
        assertEquals(JMH_ZERO, refused("good", "--dry-run", "--", "-f", "0"));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "a refused dry run prints no plan");
    }

    @Test
    void zeroForksInTheProfile() {
        assertEquals(PROFILE_ZERO, refused("zero"));
    }

    @Test
    void zeroForksInTheProfileInTheDryRun() {
        assertEquals(PROFILE_ZERO, refused("zero", "--dry-run"));
    }

    @Test
    void zeroForksInTheProfileIsFineWhenTheCommandLineAsksForOne() {
        int status = Main.run(home, new String[] {"zero", "--dry-run", "--", "-f", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    }
}
