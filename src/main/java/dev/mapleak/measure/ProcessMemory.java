package dev.mapleak.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * View 3 of src/docs/measuring.md: what the whole process holds from the OS (resident set size), the Java analogue of
 * the seed's HeapSys after {@code debug.FreeOSMemory()}. Linux only: read from /proc/self/status.
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** VmRSS in bytes, or empty where /proc is not there. */
    public static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(parseKiloBytes(line) * 1024L);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** "VmRSS:	  123456 kB" → 123456. */
    static long parseKiloBytes(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        if (parts.length < 3 || !parts[2].equals("kB")) {
            throw new IllegalArgumentException("unexpected /proc/self/status line: " + statusLine);
        }
        return Long.parseLong(parts[1]);
    }
}
