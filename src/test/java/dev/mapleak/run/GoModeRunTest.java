package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code go = required} without a Go toolchain is bad input; {@code go = optional} says so in one line and runs Java. */
class GoModeRunTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static final String PROFILE = """
            description = go without go
            benchmarks = LifecycleBenchmark.fill
            subject = JDK_HASH_MAP
            valueSize = 128
            entries = 1000
            keys = SEQUENTIAL
            heap = 256m
            """;

    @BeforeEach
    void profiles() throws IOException {
        Files.createDirectories(home.resolve("profiles"));
    }

    private int dryRun(String mode) throws IOException {
        Files.writeString(home.resolve("profiles/nogo.properties"), PROFILE + "go = " + mode + "\n");
        BenchRun run = new BenchRun(home, new PrintStream(out, true, StandardCharsets.UTF_8), JdkDiscovery.system(),
                Optional::empty);
        return run.start(new BenchRun.Request("nogo", Map.of(), List.of(), List.of(), false), home.resolve("reports"),
                true, List.of("./run-bench.sh", "nogo", "--dry-run"));
    }

    @Test
    void requiredWithoutAToolchainSaysHowToInstallOne() {
        UsageException e = assertThrows(UsageException.class, () -> dryRun("required"));
        assertEquals("profiles/nogo.properties:8: go = required, but no Go toolchain found ($GOROOT/bin/go or go on PATH): "
                + "install one (Debian/Ubuntu: apt-get install golang-go; elsewhere https://go.dev/doc/install) or put its"
                + " bin directory on PATH (or set go = optional to run without it)", e.getMessage());
        assertFalse(Files.exists(home.resolve("reports")));
    }

    @Test
    void optionalWithoutAToolchainIsOneLineAndTheJavaGroupsStillRun() throws IOException {
        assertEquals(0, dryRun("optional"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.lines().filter(l -> l.contains("GO_RUNTIME")).count(), printed);
        assertTrue(printed.contains("left out GO_RUNTIME (go = optional): no Go toolchain found"), printed);
        assertTrue(printed.contains("would run 1 groups:"), printed);
    }

    @Test
    void requiredWithoutTheProgramsSourceIsBadInputToo() {
        // a toolchain, but this home has no src/main/go (a jar run outside its checkout)
        BenchRun run = new BenchRun(home, new PrintStream(out, true, StandardCharsets.UTF_8), JdkDiscovery.system(),
                () -> Optional.of(new dev.mapleak.gorun.GoToolchain(Path.of("/usr/bin/go"), "go1.19.8")));
        UsageException e = assertThrows(UsageException.class, () -> {
            Files.writeString(home.resolve("profiles/nogo.properties"), PROFILE + "go = required\n");
            run.start(new BenchRun.Request("nogo", Map.of(), List.of(), List.of(), false), home.resolve("reports"), true, List.of());
        });
        assertTrue(e.getMessage().contains("the Go program's source is not at " + home.resolve("src/main/go")), e.getMessage());
    }
}
