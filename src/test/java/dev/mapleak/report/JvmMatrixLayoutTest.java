package dev.mapleak.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run with several JVM configurations (a GC matrix) is laid out per JVM. Crafted input, for the layout only:
 * the real smoke results filed a second time under the label {@code jdk17-copy}, the way the runner names a
 * second JVM's files ({@code ID,jvm=LABEL.json}).
 */
class JvmMatrixLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void eachJvmGetsItsRowsAndItsOwnVerdictOnMemoryBackToTheOs() throws IOException {
        Path run = Fixtures.copy("smoke", tmp);
        try (Stream<Path> files = Files.list(run.resolve("results"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                Files.copy(f, f.resolveSibling(name.substring(0, name.length() - 5) + ",jvm=jdk17-copy.json"));
            }
        }
        Report.write(run, List.of(), List.of());
        String md = Files.readString(run.resolve("report.md"));
        // JvmSection's table (the one summary.md carries), its heading moved under section 4.
        assertTrue(md.contains("### Memory handed back to the OS, per collector and JDK"), md);
        assertTrue(md.indexOf("## 4. Operations, churn and GC") < md.indexOf("### Memory handed back to the OS"), md);
        assertTrue(md.contains("| JDK_HASH_MAP | 128 | KEEP | default | 17 | G1 |"), md);
        assertTrue(md.contains("| JDK_HASH_MAP | 128 | KEEP | jdk17-copy | 17 | G1 |"), md);
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("<h3 id=\"jvm-1\">Memory handed back to the OS, per collector and JDK</h3>"), "in report.html too");
        RunData data = RunData.load(run, List.of(), List.of());
        ClaimsCheck.Claim os = ClaimsCheck.check(data).get(4);
        assertEquals(List.of("Java's maps (JDK and libraries) (default, G1)", "Java's maps (JDK and libraries) (jdk17-copy, ?)", "Go model"),
                os.findings().stream().map(ClaimsCheck.Finding::where).toList());
    }
}
