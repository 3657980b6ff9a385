package dev.mapleak.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Run folders saved from real runs on the project's machine (src/test/resources/fixtures/), copied to a
 * temporary folder so a test can render into them:
 * <ul>
 *   <li>{@code smoke}: {@code ./run-bench.sh smoke} (11 subjects, 128 bytes, 10k entries, KEEP and REBUILD, one sample);</li>
 *   <li>{@code seed-sizes}: {@code ./run-bench.sh smoke -- -i 3 -p valueSize=128,129 -p strategy=KEEP,REBUILD,TRIM
 *       -p subject=JDK_HASH_MAP,FASTUTIL,ECLIPSE,FLAT_INLINE,FLAT_POINTER,GO_HYBRID} (the seed's two sizes, three samples,
 *       four not-applicable TRIM combinations);</li>
 *   <li>{@code ops-churn}: the {@code put} results of the ops profile narrowed to {@code OperationsBenchmark.put} (3 forks,
 *       SEQUENTIAL and RANDOM keys, JDK_HASH_MAP, ECLIPSE and FLAT_POINTER, FRESH and AFTER_DELETE) and two results of
 *       {@code ./run-bench.sh churn} at 1M entries (GO_HYBRID's, and ECLIPSE's with {@code --prof gc}), in one folder
 *       (run.json, environment.json and subjects.json from the ops run); see {@code OperationsSectionTest};</li>
 *   <li>{@code remedies}: {@code ./run-bench.sh remedies -- -p subject=JDK_HASH_MAP,FASTUTIL,ECLIPSE -p valueSize=128}
 *       (memory pass at deleteFraction 0.5/0.9/0.99/1.0, timing pass at 0.5/0.9/0.99 with 2 forks x 5 shots, on a
 *       loaded machine; console.log left out);</li>
 *   <li>{@code full-keys}: {@code ./run-bench.sh full -- -p subject=JDK_HASH_MAP,ECLIPSE -p valueSize=128} on
 *       2026-11-30 (commit b18913f, jobs 2), interrupted before its ops groups: both key orders (SEQUENTIAL, RANDOM),
 *       deleteFraction 0.5/0.9/0.99/1.0. Kept to what the key-order tests need: the KEEP memory groups (every state of
 *       each point; the REBUILD, TRIM and CLEAR memory groups and the churn results are left out, so its report reads
 *       them as not measured), and the timing pass's fill, delete and reclaim (KEEP, REBUILD) results; run.json,
 *       environment.json, plan.json and subjects.json as the run wrote them (times.json left out: the report never
 *       reads it); see {@code KeyOrderSectionTest};</li>
 *   <li>{@code broken}: crafted bad files (see its README.md).</li>
 * </ul>
 */
final class Fixtures {

    private Fixtures() {
    }

    static Path source(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name + " is missing from the test classpath", e);
        }
    }

    /** A fresh copy of fixture {@code name} at {@code dir/name}. */
    static Path copy(String name, Path dir) {
        Path from = source(name);
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** Copies one of the crafted bad files into a run folder's results/. */
    static void addBroken(Path runDir, String file) throws IOException {
        Files.copy(source("broken").resolve(file), runDir.resolve("results").resolve(file));
    }
}
