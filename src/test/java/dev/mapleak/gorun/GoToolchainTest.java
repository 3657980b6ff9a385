package dev.mapleak.gorun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Go toolchain is found where a shell would find it, and is what its own {@code go env GOVERSION} says. */
class GoToolchainTest {

    @TempDir
    Path dir;

    @Test
    void gorootWinsOverPath() throws Exception {
        Path goroot = FakeGo.answering(dir.resolve("goroot/bin/go"), "go1.24.1");
        FakeGo.answering(dir.resolve("path/go"), "go1.19.8");
        Optional<GoToolchain> found = GoToolchain.find(Map.of("GOROOT", dir.resolve("goroot").toString(),
                "PATH", dir.resolve("path").toString()));
        assertEquals(Optional.of(new GoToolchain(goroot, "go1.24.1")), found);
    }

    @Test
    void theFirstGoOnPathThatAnswersIsUsed() throws Exception {
        FakeGo.script(dir.resolve("broken/go"), "exit 1\n");
        Path good = FakeGo.answering(dir.resolve("good/go"), "go1.19.8");
        FakeGo.answering(dir.resolve("later/go"), "go1.22.0");
        String path = dir.resolve("empty") + ":" + dir.resolve("broken") + ":" + dir.resolve("good") + ":" + dir.resolve("later");
        assertEquals(Optional.of(new GoToolchain(good, "go1.19.8")), GoToolchain.find(Map.of("PATH", path)));
    }

    @Test
    void noGoAnywhereIsEmpty() {
        assertTrue(GoToolchain.find(Map.of("PATH", dir.toString())).isEmpty());
        assertTrue(GoToolchain.find(Map.of()).isEmpty());
    }

    @Test
    void theVersionSaysWhichMapsAndWhetherClearExists() {
        GoToolchain debian = new GoToolchain(Path.of("go"), "go1.19.8");
        assertEquals(19, debian.minorVersion());
        assertFalse(debian.hasClear());
        assertEquals("classic", debian.mapImplementation());
        GoToolchain withClear = new GoToolchain(Path.of("go"), "go1.21.0");
        assertTrue(withClear.hasClear());
        assertEquals("classic", withClear.mapImplementation());
        // Swiss tables became the default map in Go 1.24 (go.dev/doc/go1.24, "Runtime").
        assertEquals("swiss", new GoToolchain(Path.of("go"), "go1.24rc1").mapImplementation());
        assertEquals(25, new GoToolchain(Path.of("go"), "devel go1.25-abcdef Tue Jan 1 2025").minorVersion());
        assertEquals("unknown", new GoToolchain(Path.of("go"), "devel +abcdef").mapImplementation());
    }
}
