package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtraProfilersTest {

    @TempDir
    Path tmp;

    static Combination getHit() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("subject", "FLAT_INLINE");
        params.put("valueSize", "128");
        params.put("history", "AFTER_DELETE");
        return new Combination("OperationsBenchmark.getHit", "dev.mapleak.bench.OperationsBenchmark.getHit", params,
                Combination.DEFAULT_JVM);
    }

    @Test
    void flameGraphFolderIsTheGroupIdWithoutCommas() {
        Path dir = ExtraProfilers.flameGraphDir(Path.of("/runs/r1"), getHit());
        assertEquals(Path.of("/runs/r1/profiles/OperationsBenchmark.getHit+subject=FLAT_INLINE+valueSize=128+history=AFTER_DELETE"), dir);
    }

    @Test
    void asyncOptionsNameLibraryEventAndFolder() {
        assertEquals("libPath=/r/.lib/libasyncProfiler.so;event=cpu;output=flamegraph;dir=/r/profiles/X.m+a=1",
                ExtraProfilers.asyncOptions(Path.of("/r/.lib/libasyncProfiler.so"), "cpu", Path.of("/r/profiles/X.m+a=1")));
    }

    @Test
    void aPathAsyncProfilerWouldCutIsRefused() {
        for (String bad : List.of("/tmp/a,b/profiles/x", "/tmp/a;b/profiles/x", "/tmp/100%/profiles/x")) {
            UsageException e = assertThrows(UsageException.class,
                    () -> ExtraProfilers.asyncOptions(Path.of("/lib.so"), "alloc", Path.of(bad)));
            assertTrue(e.getMessage().contains("--out"), e.getMessage());
        }
    }

    @Test
    void oneAsyncEventAtATime() {
        ExtraProfilers.check(List.of("gc", "alloc"));
        ExtraProfilers.check(List.of("cpu", "cpu"));
        UsageException e = assertThrows(UsageException.class, () -> ExtraProfilers.check(List.of("alloc", "cpu")));
        assertTrue(e.getMessage().contains("cannot run together"), e.getMessage());
        assertThrows(UsageException.class, () -> ExtraProfilers.check(List.of("perf")));
    }

    @Test
    void onlyAsyncProfilersNeedASingleFork() {
        assertFalse(ExtraProfilers.needsSingleFork(List.of("gc")));
        assertTrue(ExtraProfilers.needsSingleFork(List.of("gc", "alloc")));
    }

    @Test
    void theLibraryComesOutOfTheJar() throws IOException {
        Path lib = ExtraProfilers.extractAsyncProfiler(tmp.resolve(".lib"));
        assertEquals(tmp.resolve(".lib/libasyncProfiler.so"), lib);
        assertTrue(Files.size(lib) > 100_000, "libasyncProfiler.so has " + Files.size(lib) + " bytes");
        byte[] head = Files.readAllBytes(lib);
        assertEquals(0x7F, head[0]);
        assertEquals("ELF", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void flatteningMovesJmhsNestedFolderUp() throws Exception {
        Path dir = tmp.resolve("profiles/OperationsBenchmark.getHit+subject=FLAT_INLINE");
        Path nested = dir.resolve("dev.mapleak.bench.OperationsBenchmark.getHit-AverageTime-subject-FLAT_INLINE");
        Files.createDirectories(nested);
        Files.writeString(nested.resolve("flame-cpu-forward.html"), "f");
        Files.writeString(nested.resolve("flame-cpu-reverse.html"), "r");
        List<Path> moved = ExtraProfilers.FlatAsyncProfiler.flatten(nested, dir);
        assertEquals(List.of(dir.resolve("flame-cpu-forward.html"), dir.resolve("flame-cpu-reverse.html")), moved);
        assertEquals("f", Files.readString(dir.resolve("flame-cpu-forward.html")));
        assertFalse(Files.exists(nested));
        assertEquals(List.of(), ExtraProfilers.FlatAsyncProfiler.flatten(nested, dir)); // nothing left to move
    }

    @Test
    void theWrapperFindsItsFolderInTheInitLine() throws Exception {
        assertEquals("/r/p", ExtraProfilers.FlatAsyncProfiler.option("libPath=/l.so;event=cpu;dir=/r/p", "dir"));
        assertThrows(org.openjdk.jmh.profile.ProfilerException.class,
                () -> ExtraProfilers.FlatAsyncProfiler.option("libPath=/l.so;event=cpu", "dir"));
    }
}
