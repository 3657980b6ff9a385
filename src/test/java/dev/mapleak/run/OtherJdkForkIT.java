package dev.mapleak.run;

import dev.mapleak.measure.JvmFlags;
import dev.mapleak.report.ResultSet;
import org.junit.jupiter.api.Assumptions;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner forks benchmark JVMs of another JDK than the one running it: one tiny fill group through
 * {@link BenchRun}, as {@code ./run-bench.sh} does, on the first installed JDK whose feature version differs
 * from the running one (found by {@link JdkDiscovery}, never by a path written here). Skipped, saying why,
 * on a machine with one JDK. When the other JDK is 25 or newer it also runs with and without compact object
 * headers and checks that JOL's sizes follow the flag. About 10 seconds.
 */
class OtherJdkForkIT {

    @TempDir
    Path home;

    @Test
    void aGroupForkedOnTheOtherJdkRunsThereWithItsOwnFlags() throws IOException {
        JdkDiscovery discovery = JdkDiscovery.system();
        Jdk running = discovery.running();
        Optional<Jdk> other = discovery.all().stream().filter(j -> j.feature() != running.feature()).findFirst();
        Assumptions.assumeTrue(other.isPresent(), "only JDK " + running.describe() + " is installed here: no other JDK"
                + " to fork (install one, or list its home in " + JdkDiscovery.ENV_JDKS + ")");
        Jdk jdk = other.get();
        boolean headers = JvmFlags.supportsCompactObjectHeaders(jdk.feature());

        Files.createDirectories(home.resolve("profiles"));
        Files.writeString(home.resolve("profiles/other-jdk.properties"), """
                description = one small fill on another JDK
                benchmarks = LifecycleBenchmark.fill
                subject = JDK_HASH_MAP
                valueSize = 129
                entries = 1000
                keys = SEQUENTIAL
                forks = 1
                warmupIterations = 0
                iterations = 1
                heap = 256m
                jvmArgs = -XX:+UseSerialGC
                jdks = %s
                %s
                """.formatted(jdk.home(), headers
                ? "variant.standard = -XX:-UseCompactObjectHeaders\nvariant.compact = -XX:+UseCompactObjectHeaders" : ""));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = new BenchRun(home, new PrintStream(console, true, StandardCharsets.UTF_8), discovery)
                .start(new BenchRun.Request("other-jdk", Map.of(), List.of(), List.of(), false), home.resolve("reports"),
                        false, List.of("test"));
        String out = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);

        Path run;
        try (Stream<Path> s = Files.list(home.resolve("reports"))) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        ResultSet results = ResultSet.load(run.resolve("results"));
        assertEquals(List.of(), results.problems());
        assertEquals(headers ? 2 : 1, results.measurements().size(), out);
        for (ResultSet.Measurement m : results.measurements()) {
            assertEquals(jdk.feature(), JvmFlags.featureVersion(m.jdkVersion()), m.file());
            // the fork got the JOL flags of its own JDK, not of the one running the test
            assertEquals(JvmFlags.forJol(jdk.feature(), List.of("-XX:+UseSerialGC")).contains("--enable-native-access=ALL-UNNAMED"),
                    m.jvmArgs().contains("--enable-native-access=ALL-UNNAMED"), m.jvmArgs().toString());
            assertEquals(1000.0, m.score("live.entries"), m.file());
        }
        String environment = Files.readString(run.resolve("environment.json"));
        assertTrue(environment.contains("\"javaHome\": \"" + jdk.home() + "\""), environment);

        if (headers) {
            Map<String, Double> jol = results.measurements().stream()
                    .collect(Collectors.toMap(ResultSet.Measurement::jvm, m -> m.score("retained.jol.bytes")));
            // 1000 x (HashMap$Node 32 -> 24, byte[129] 152 -> 144), and the HashMap object 48 -> 40 (src/docs/measuring.md;
            // measured on JDK 25.0.3: 208,256 -> 192,248 bytes for this map); table and Integers unchanged.
            String standard = "jdk" + jdk.feature() + "-standard";
            String compact = "jdk" + jdk.feature() + "-compact";
            assertEquals(16_008.0, jol.get(standard) - jol.get(compact), jol.toString());
            assertTrue(Files.readString(run.resolve("summary.md")).contains("## Bytes per entry by object-header mode"));
        }
    }
}
