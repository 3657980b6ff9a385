package dev.mapleak.gorun;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.lifecycle.Lifecycle;
import dev.mapleak.subject.go.GoMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Go program on a real Go toolchain: the seed's experiment at 1M sequential keys, everything deleted, and
 * GO_HYBRID's model of Go's runtime ({@link GoMap#goRuntimeBytes()} after the same fill and deletes in Java)
 * against what Go's runtime measures (HeapAlloc after runtime.GC(), minus the baseline), within 0.5%.
 *
 * <p>Without a Go toolchain the test is skipped on a developer's machine, but fails in CI ({@code CI} set):
 * {@code .ci/run} installs Debian's golang-go, and a CI that silently stopped measuring Go would go unnoticed.
 */
class GoRuntimeIT {

    static final int ENTRIES = 1_000_000;
    /** The bound for model versus measured. */
    static final double TOLERANCE = 0.005;

    static GoToolchain go;
    static Path binary;

    @BeforeAll
    static void build() throws IOException {
        Optional<GoToolchain> found = GoToolchain.find();
        if (found.isEmpty()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                fail("CI=" + ci + " but no Go toolchain is installed ($GOROOT/bin/go or go on PATH): .ci/run installs golang-go");
            }
            Assumptions.abort("no Go toolchain installed (" + GoToolchain.HOW_TO_INSTALL + ")");
        }
        go = found.get();
        Path project = Path.of(System.getProperty("user.dir"));
        GoProgram.Build b = GoProgram.build(go, GoProgram.sourceDir(project), project.resolve("target/go-it"), System.getenv());
        assertTrue(b.ok(), "go build failed:\n" + b.output());
        binary = b.binary();
    }

    static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the Go program did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command));
        return out;
    }

    @ParameterizedTest(name = "{0} bytes {1}")
    @CsvSource({"128, INLINE, 128", "129, INLINE, 128", "128, POINTER, 0"})
    void theModelMatchesGosHeapAfterDeletingEverything(int valueSize, String storage, int indirectThreshold) throws Exception {
        JsonArray results = JsonParser.parseString(run("-benchmark", "delete", "-valueSize", String.valueOf(valueSize),
                "-storage", storage, "-entries", String.valueOf(ENTRIES), "-keys", "SEQUENTIAL", "-deleteFraction", "1.0",
                "-warmups", "0", "-runs", "2")).getAsJsonArray();
        assertEquals(1, results.size());
        JsonObject r = results.get(0).getAsJsonObject();
        assertEquals("dev.mapleak.go.GoLifecycle.delete", r.get("benchmark").getAsString());
        assertEquals(go.version(), r.get("jdkVersion").getAsString());
        String maps = r.getAsJsonObject("go").get("mapImplementation").getAsString();
        assertEquals(storage, r.getAsJsonObject("params").get("storage").getAsString());
        JsonObject metrics = r.getAsJsonObject("secondaryMetrics");
        assertEquals(0.0, metrics.getAsJsonObject("live.entries").get("score").getAsDouble());
        // GO_HYBRID models classic maps (runtime/map.go before Go 1.24); a Swiss-table runtime is another map.
        Assumptions.assumeTrue(maps.equals("classic"), "the model is of classic maps; this Go has " + maps + " maps");

        // map[int]*[128]byte is a map whose elem is a pointer to a separate 128-byte allocation: GoMap with
        // every value stored indirectly (threshold 0) is exactly that layout.
        GoMap model = new GoMap(valueSize, 0, indirectThreshold);
        int[] keys = KeyOrder.SEQUENTIAL.keys(ENTRIES);
        Lifecycle.fill(model, keys);
        Lifecycle.delete(model, keys, ENTRIES);
        long modelled = model.goRuntimeBytes();
        System.out.printf("GoRuntimeIT: %s, %d bytes %s, deleted all of %,d: model %,d bytes, measured %s%n", go.version(),
                valueSize, storage, ENTRIES, modelled, metrics.getAsJsonObject("retained.heap.bytes").getAsJsonArray("rawData"));
        for (var sample : metrics.getAsJsonObject("retained.heap.bytes").getAsJsonArray("rawData").get(0).getAsJsonArray()) {
            double measured = sample.getAsDouble();
            double difference = (measured - modelled) / modelled;
            assertTrue(Math.abs(difference) <= TOLERANCE, String.format(
                    "%d bytes %s: model %,d bytes, Go measured %,.0f bytes (%+.3f%%)", valueSize, storage, modelled, measured,
                    difference * 100));
        }
    }

    @Test
    void theGoProgramsOwnTestsPass() throws Exception {
        Path project = Path.of(System.getProperty("user.dir"));
        ProcessBuilder pb = new ProcessBuilder(go.go().toString(), "test", ".")
                .directory(GoProgram.sourceDir(project).toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(GoProgram.buildEnvironment(System.getenv(), project.resolve("target/go-it/cache")));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "go test did not finish");
        assertEquals(0, p.exitValue(), "go test failed:\n" + out);
    }

    @Test
    void randomKeysAreJavasPermutation() throws Exception {
        // RANDOM is a Fisher-Yates shuffle driven by SplittableRandom (KeyOrder); the Go program ports both.
        for (int n : new int[] {1, 7, 1000, 100_003}) {
            int[] go = run("-keys", "RANDOM", "-printKeys", String.valueOf(n)).lines().mapToInt(Integer::parseInt).toArray();
            assertArrayEquals(KeyOrder.RANDOM.keys(n), go, "RANDOM keys for " + n + " entries");
        }
    }
}
