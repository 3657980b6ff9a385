package dev.mapleak.gorun;

import dev.mapleak.bench.LifecycleBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Param;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What mapleak reads from the Go program's source, and how it builds it. */
class GoProgramTest {

    static final Path SOURCE = GoProgram.sourceDir(Path.of(System.getProperty("user.dir")));

    @TempDir
    Path dir;

    @Test
    void theValueSizesAreReadFromMapsGo() throws IOException {
        // valueSizes in src/main/go/maps.go
        assertEquals(List.of(8, 16, 32, 64, 96, 127, 128, 129, 160, 192, 256, 512, 1024), GoProgram.valueSizes(SOURCE));
    }

    @Test
    void everyValueSizeLifecycleBenchmarkDeclaresHasAGoType() throws Exception {
        String[] declared = LifecycleBenchmark.MapState.class.getField("valueSize").getAnnotation(Param.class).value();
        List<Integer> sizes = GoProgram.valueSizes(SOURCE);
        assertTrue(declared.length > 0);
        Arrays.stream(declared).map(Integer::valueOf).forEach(s -> assertTrue(sizes.contains(s), "no [" + s + "]byte in maps.go"));
    }

    @Test
    void aSizeLineWhoseSizesDisagreeIsRefused() throws IOException {
        Files.writeString(dir.resolve("maps.go"), "var valueSizes = map[int]maker{\n\t128: sized[[129]byte](128),\n}\n");
        IOException e = assertThrows(IOException.class, () -> GoProgram.valueSizes(dir));
        assertTrue(e.getMessage().contains("the three sizes must agree"), e.getMessage());
        Files.writeString(dir.resolve("maps.go"), "package main\n");
        assertTrue(assertThrows(IOException.class, () -> GoProgram.valueSizes(dir)).getMessage().contains("lists no value sizes"));
    }

    @Test
    void theSourceIsPresentInACheckoutOnly() {
        assertTrue(GoProgram.present(SOURCE));
        assertFalse(GoProgram.present(dir));
    }

    @Test
    void buildsNeverReachTheNetwork() {
        Map<String, String> e = GoProgram.buildEnvironment(Map.of("PATH", "/usr/bin", "GOPROXY", "https://proxy.golang.org"),
                dir.resolve("cache"));
        assertEquals("off", e.get("GOPROXY"));
        assertEquals("local", e.get("GOTOOLCHAIN"));
        assertEquals("0", e.get("CGO_ENABLED"));
        // no HOME, XDG_CACHE_HOME or GOCACHE: go would refuse to build without a cache directory
        assertEquals(dir.resolve("cache").toAbsolutePath().toString(), e.get("GOCACHE"));
        assertEquals(null, GoProgram.buildEnvironment(Map.of("HOME", "/home/u"), dir).get("GOCACHE"));
    }

    @Test
    void aFailedBuildKeepsWhatTheToolchainSaid() throws IOException {
        Path go = FakeGo.script(dir.resolve("bin/go"), "echo './main.go:3:1: syntax error: non-declaration statement'\nexit 1\n");
        Files.createDirectories(dir.resolve("src"));
        GoProgram.Build b = GoProgram.build(new GoToolchain(go, "go1.19.8"), dir.resolve("src"), dir.resolve("out"), Map.of());
        assertFalse(b.ok());
        assertTrue(b.output().contains("syntax error"), b.output());
        assertTrue(b.output().contains("exited with status 1"), b.output());
        assertEquals(List.of(go.toString(), "build", "-o", dir.resolve("out").resolve(GoProgram.BINARY).toAbsolutePath().toString(), "."),
                b.command());
    }
}
