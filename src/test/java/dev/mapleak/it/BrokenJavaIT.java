package dev.mapleak.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JAVA_HOME whose java does not start, or is too old, is bad input: one mapleak line, exit 2, not its own status. */
class BrokenJavaIT {

    @TempDir
    Path javaHome;

    private String runWith(String javaScript) throws IOException, InterruptedException {
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, javaScript);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(RunBench.PROJECT.resolve("run-bench.sh").toString(), "--list")
                .directory(RunBench.PROJECT.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), output);
        assertEquals(1, output.lines().count(), output);
        return output.strip();
    }

    @Test
    void aJavaThatFailsToStart() throws IOException, InterruptedException {
        assertEquals("mapleak: " + javaHome.resolve("bin/java") + " does not run (Error: could not find libjvm.so): fix or"
                + " unset JAVA_HOME", runWith("#!/bin/sh\necho 'Error: could not find libjvm.so' >&2\nexit 3\n"));
    }

    @Test
    void aJavaOlderThan17() throws IOException, InterruptedException {
        // Java 8's launcher prints `java version "1.8.0_402"`.
        assertEquals("mapleak: " + javaHome.resolve("bin/java") + " is Java 8; mapleak needs 17 or newer: fix or unset"
                + " JAVA_HOME", runWith("#!/bin/sh\necho 'java version \"1.8.0_402\"' >&2\nexit 0\n"));
    }
}
