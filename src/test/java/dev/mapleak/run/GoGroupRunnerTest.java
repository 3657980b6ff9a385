package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.gorun.FakeGo;
import dev.mapleak.gorun.GoLifecycle;
import dev.mapleak.gorun.GoMode;
import dev.mapleak.gorun.GoToolchain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GO_RUNTIME group's outcomes, with a fake toolchain whose "build" installs a shell script as the program:
 * a result is written as the program printed it; a build failure, a crash or a wrong result is a failed group
 * with the reason and the output's tail, like a fork that died.
 */
class GoGroupRunnerTest {

    @TempDir
    Path home;

    private RunFolder folder;
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    static final Combination GROUP = new Combination("GoLifecycle.delete", "dev.mapleak.go.GoLifecycle.delete",
            params(), Combination.DEFAULT_JVM);

    static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("subject", "GO_RUNTIME");
        p.put("valueSize", "128");
        p.put("deleteFraction", "1.0");
        p.put("keys", "SEQUENTIAL");
        p.put("entries", "1000");
        p.put("storage", "INLINE");
        return p;
    }

    static final String GOOD_RESULT = """
            [{"benchmark": "dev.mapleak.go.GoLifecycle.delete",
              "params": {"deleteFraction": "1.0", "entries": "1000", "keys": "SEQUENTIAL", "storage": "INLINE",
                         "subject": "GO_RUNTIME", "valueSize": "128"},
              "primaryMetric": {"score": 1.5, "scoreUnit": "ms/op", "rawData": [[1.5]]}}]
            """;

    @BeforeEach
    void setUp() throws IOException {
        folder = RunFolder.create(home.resolve("reports"), "go", LocalDateTime.now());
        Files.createDirectories(home.resolve("src/main/go"));
    }

    /** A toolchain whose build copies {@code program} into place and counts builds. */
    private GoLifecycle toolchain(String program) throws IOException {
        FakeGo.script(home.resolve("fake/program"), program);
        Path go = FakeGo.script(home.resolve("fake/go"), """
                echo build >> "$(dirname "$0")/builds"
                cp "$(dirname "$0")/program" "$3"
                """);
        return new GoLifecycle(new GoToolchain(go, "go1.19.8"), List.of(128));
    }

    private GroupRunner.Outcome run(GoLifecycle go, Combination... groups) throws IOException {
        Profile.Settings settings = new Profile.Settings(1, 0, 2, "1g", List.of(), 1, List.of("default"), Map.of(), GoMode.OPTIONAL);
        GroupRunner.Outcome last = null;
        try (Console console = new Console(new PrintStream(terminal, true, StandardCharsets.UTF_8), folder.consoleLog(), false)) {
            GoGroupRunner runner = new GoGroupRunner(folder, settings, go, home, console);
            for (Combination c : groups) {
                last = runner.run(c);
            }
        }
        return last;
    }

    private JsonObject failure(Combination c) throws IOException {
        return JsonParser.parseString(Files.readString(folder.failureFile(c.id()))).getAsJsonObject();
    }

    @Test
    void theProgramsJsonIsTheGroupsResultAndItIsBuiltOncePerRun() throws IOException {
        GoLifecycle go = toolchain("echo '# delete, run 1 of 2' >&2\ncat <<'EOF'\n" + GOOD_RESULT + "EOF\n");
        GroupRunner.Outcome outcome = run(go, GROUP, GROUP);
        assertTrue(outcome.ok(), outcome.reason());
        assertEquals(GOOD_RESULT, Files.readString(folder.resultFile(GROUP.id())));
        assertFalse(Files.exists(folder.failureFile(GROUP.id())));
        assertEquals(1, Files.readAllLines(home.resolve("fake/builds")).size(), "builds");
        String log = Files.readString(folder.consoleLog());
        assertTrue(log.contains("-benchmark delete -valueSize 128 -storage INLINE -entries 1000 -keys SEQUENTIAL "
                + "-deleteFraction 1.0 -warmups 0 -runs 2"), log);
        assertTrue(log.contains("# delete, run 1 of 2"), log);
    }

    @Test
    void aBuildFailureFailsTheGroupWithTheCompilersWords() throws IOException {
        Path go = FakeGo.script(home.resolve("fake/go"), "echo '# mapleak/gorun'\necho './main.go:12:2: undefined: foo'\nexit 1\n");
        GroupRunner.Outcome outcome = run(new GoLifecycle(new GoToolchain(go, "go1.19.8"), List.of(128)), GROUP);
        assertFalse(outcome.ok());
        assertEquals("the Go program did not build with go1.19.8: ./main.go:12:2: undefined: foo", outcome.reason());
        JsonObject f = failure(GROUP);
        assertEquals(GROUP.id(), f.get("id").getAsString());
        assertEquals(outcome.reason(), f.get("reason").getAsString());
        assertTrue(f.get("outputTail").toString().contains("undefined: foo"), f.toString());
        assertFalse(Files.exists(folder.resultFile(GROUP.id())));
    }

    @Test
    void aCrashFailsTheGroupWithTheLineThatSaysWhy() throws IOException {
        GroupRunner.Outcome outcome = run(toolchain("""
                echo '# delete, run 1 of 2' >&2
                echo 'fatal error: runtime: out of memory' >&2
                echo 'goroutine 1 [running]:' >&2
                exit 2
                """), GROUP);
        assertFalse(outcome.ok());
        assertEquals("fatal error: runtime: out of memory", outcome.reason());
        assertTrue(failure(GROUP).get("outputTail").toString().contains("goroutine 1 [running]:"));
        assertFalse(Files.exists(folder.resultFile(GROUP.id())));
    }

    @Test
    void aResultOfAnotherGroupIsNotThisGroupsResult() throws IOException {
        String other = GOOD_RESULT.replace("\"valueSize\": \"128\"", "\"valueSize\": \"129\"");
        GroupRunner.Outcome outcome = run(toolchain("cat <<'EOF'\n" + other + "EOF\n"), GROUP);
        assertFalse(outcome.ok());
        assertTrue(outcome.reason().startsWith("the Go program's result has params {"), outcome.reason());
        assertFalse(Files.exists(folder.resultFile(GROUP.id())));
        GroupRunner.Outcome garbage = run(toolchain("echo '[{\"benchmark\": '\n"), GROUP);
        assertTrue(garbage.reason().startsWith("the Go program printed no valid JSON result"), garbage.reason());
    }

    @Test
    void theReasonPrefersTheProgramsOwnLine() {
        assertEquals("mapleak: valueSize 100 is not compiled in", GoGroupRunner.reason(
                List.of("# fill", "mapleak: valueSize 100 is not compiled in"), 2));
        assertEquals("panic: runtime error: index out of range [3] with length 3",
                GoGroupRunner.reason(List.of("panic: runtime error: index out of range [3] with length 3", "", "goroutine 1"), 2));
        assertEquals("the Go program exited with status 137 (killed by signal 9)", GoGroupRunner.reason(List.of("# fill"), 137));
    }
}
