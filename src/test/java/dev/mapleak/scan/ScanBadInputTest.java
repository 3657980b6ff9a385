package dev.mapleak.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input: one {@code mapleak: } line naming the problem, status 2, nothing on stdout, nothing written. */
class ScanBadInputTest {

    @TempDir
    Path dir;

    private void rejected(String expected, String... args) {
        Path out = dir.resolve("out");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        ScanCommandTest.Run r = ScanCommandTest.scan(all);
        assertEquals(2, r.status(), r.stdout() + r.stderr());
        assertEquals("", r.stdout());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("mapleak: ") && r.stderr().contains(expected), r.stderr());
        assertFalse(Files.exists(out), "nothing is written");
    }

    private Path copyOfDump(long bytes) throws Exception {
        Path cut = dir.resolve("cut.hprof");
        try (InputStream in = Files.newInputStream(PopulationDump.get()); OutputStream o = Files.newOutputStream(cut)) {
            o.write(in.readNBytes((int) bytes));
        }
        return cut;
    }

    @Test
    void missingFile() {
        rejected("no such file", dir.resolve("nope.hprof").toString());
    }

    @Test
    void notAnHprofFile() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.hprof"), "hello, I am text\n");
        rejected("not a HotSpot heap dump", f.toString());
    }

    @Test
    void emptyFile() throws Exception {
        rejected("not a HotSpot heap dump", Files.createFile(dir.resolve("empty.hprof")).toString());
    }

    @Test
    void gzipCompressedDump() throws Exception {
        Path gz = dir.resolve("population.hprof.gz");
        try (InputStream in = Files.newInputStream(PopulationDump.get());
             OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            in.transferTo(o);
        }
        rejected("gzip-compressed", gz.toString());
    }

    @Test
    void truncatedInsideARecord() throws Exception {
        rejected("truncated heap dump", copyOfDump(Files.size(PopulationDump.get()) / 2).toString());
    }

    @Test
    void truncatedAtARecordBoundary() throws Exception {
        // HotSpot ends a dump with HEAP DUMP END: tag, 4-byte time, 4-byte length 0 = 9 bytes; drop exactly that.
        rejected("no HEAP DUMP END record", copyOfDump(Files.size(PopulationDump.get()) - 9).toString());
    }

    @Test
    void unknownCostsFolder() {
        rejected("no such run folder", PopulationDump.get().toString(), "--costs", dir.resolve("no-run").toString());
    }

    @Test
    void costsFolderWithoutResults() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        rejected("no results/ folder", PopulationDump.get().toString(), "--costs", run.toString());
    }

    @Test
    void badOptions() {
        rejected("Unknown option", PopulationDump.get().toString(), "--frobnicate");
        rejected("--min-waste", PopulationDump.get().toString(), "--min-waste", "lots");
        rejected("--top must be at least 1", PopulationDump.get().toString(), "--top", "0");
        rejected("--layout must be auto, compressed or uncompressed", PopulationDump.get().toString(), "--layout", "x");
        rejected("Missing required parameter");
    }
}
